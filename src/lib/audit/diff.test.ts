import { describe, expect, it } from 'vitest';
import { auditDiff, fieldLabel } from './diff.ts';

describe('auditDiff', () => {
	it('lists changed fields only, in words', () => {
		expect(
			auditDiff(
				{ role: 'staff', active: true, name: 'A' },
				{ role: 'board', active: false, name: 'A' }
			)
		).toEqual([
			{ field: 'role', label: 'Role', before: 'staff', after: 'board', kind: 'changed' },
			{ field: 'active', label: 'Active', before: 'yes', after: 'no', kind: 'changed' }
		]);
	});
	it('names fields in words', () => {
		expect(fieldLabel('cdsCode')).toBe('CDS code');
		expect(fieldLabel('engagementWindowDays')).toBe('Engagement window days');
		expect(fieldLabel('current_school_year_id')).toBe('Current school year ID');
	});
	it('shows a creation and a deletion', () => {
		expect(auditDiff(null, { name: 'X' })).toEqual([
			{ field: 'name', label: 'Name', before: '', after: 'X', kind: 'added' }
		]);
		expect(auditDiff({ name: 'X' }, null)).toEqual([
			{ field: 'name', label: 'Name', before: 'X', after: '', kind: 'removed' }
		]);
	});
});
