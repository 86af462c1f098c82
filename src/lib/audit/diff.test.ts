import { describe, expect, it } from 'vitest';
import { auditDiff } from './diff.ts';

describe('auditDiff', () => {
	it('lists changed fields only, in words', () => {
		expect(
			auditDiff(
				{ role: 'staff', active: true, name: 'A' },
				{ role: 'board', active: false, name: 'A' }
			)
		).toEqual([
			{ field: 'role', before: 'staff', after: 'board', kind: 'changed' },
			{ field: 'active', before: 'yes', after: 'no', kind: 'changed' }
		]);
	});
	it('shows a creation and a deletion', () => {
		expect(auditDiff(null, { name: 'X' })).toEqual([
			{ field: 'name', before: '', after: 'X', kind: 'added' }
		]);
		expect(auditDiff({ name: 'X' }, null)).toEqual([
			{ field: 'name', before: 'X', after: '', kind: 'removed' }
		]);
	});
});
