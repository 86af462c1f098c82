import { describe, expect, it } from 'vitest';
import { groupCodesIn } from './groups.ts';

describe('the groups an LCAP action names', () => {
	// Cells as San Juan Unified's 2025-26 actions table writes them (../shared/data/lcap).
	it('reads the LCAP’s own ways of writing them', () => {
		expect(groupCodesIn('EL, LI')).toEqual(['EL', 'SED']);
		expect(groupCodesIn('English Learners, Foster Youth, Low Income')).toEqual([
			'EL',
			'FOS',
			'SED'
		]);
		expect(groupCodesIn('AA, As, EL, SED, SWD, WH')).toEqual([
			'AA',
			'AS',
			'EL',
			'SED',
			'SWD',
			'WH'
		]);
		expect(groupCodesIn('EL (LTEL)')).toEqual(['LTEL', 'EL']);
		expect(groupCodesIn('EL (Newcomer), FY, HM')).toEqual(['EL', 'FOS', 'HOM']);
		expect(groupCodesIn('HIS,SED')).toEqual(['HI', 'SED']);
		expect(groupCodesIn('AA, HM, TOM')).toEqual(['AA', 'HOM', 'MR']);
	});
	it('names no group for all students', () => {
		expect(groupCodesIn('All')).toEqual([]);
	});
});
