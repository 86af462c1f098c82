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
		expect(fieldLabel('engagementWindowDays')).toBe('Engagement window (days)');
		expect(fieldLabel('startYearId')).toBe('Start year');
		expect(fieldLabel('nameEs')).toBe('Spanish name');
		expect(fieldLabel('createdAt')).toBe('Created');
		expect(fieldLabel('current_school_year_id')).toBe('Current school year');
	});
	it('writes values as a person reads them, and leaves internal keys out', () => {
		expect(
			auditDiff(null, {
				id: 7,
				createdAt: '2026-12-01T20:15:58.154Z',
				decidedOn: '2024-03-14',
				decision: 'not-pursued'
			}).map((r) => [r.label, r.after])
		).toEqual([
			['Created', expect.stringMatching(/^December 1, 2026.* 12:15\sPM PST$/)],
			['Decided on', 'March 14, 2024'],
			['Decision', 'not pursued']
		]);
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
