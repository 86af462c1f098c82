// Reading every district's rows (a county office's CLI) beside reading one district's (the import):
// the real Monterey County file ../shared/data/ca-dashboard/2023/eladownload2023.txt, whose
// district rows (rtype D) are 26 districts and county offices, Sunshine Union among them.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDashboardAllDistricts, readImport } from './parse.ts';

const file = resolve('../shared/data/ca-dashboard/2023/eladownload2023.txt');
const mpusd = '27660920000000';

describe('every district’s rows', () => {
	it('keeps each district’s own rows with its code and name, no school’s', async () => {
		const all = await readDashboardAllDistricts(file, 'eladownload2023.txt');
		expect(all.errorCount).toBe(0);
		expect(all.districtNames.size).toBe(26);
		expect(all.districtNames.get(mpusd)).toBe('Monterey Peninsula Unified');
		expect(all.rows.every((r) => r.schoolCds === null && r.districtCds?.endsWith('0000000'))).toBe(
			true
		);
		// The same district rows as the import reads for the district alone, field for field.
		const one = await readImport(file, 'eladownload2023.txt', { districtCds: mpusd });
		if (one.kind !== 'dashboard') throw new Error('not read as a Dashboard file');
		const own = one.dashboard.rows.filter((r) => r.schoolCds === null);
		expect(own.length).toBeGreaterThan(0);
		expect(
			all.rows.filter((r) => r.districtCds === mpusd).map(({ districtCds: _cds, ...r }) => r)
		).toEqual(own);
	});

	it('leaves the import as it was: the district and its schools, no district codes on rows', async () => {
		const one = await readImport(file, 'eladownload2023.txt', { districtCds: mpusd });
		if (one.kind !== 'dashboard') throw new Error('not read as a Dashboard file');
		expect(one.dashboard.rows.some((r) => r.schoolCds?.startsWith('2766092'))).toBe(true);
		expect(one.dashboard.rows.every((r) => r.districtCds === undefined)).toBe(true);
		expect(one.dashboard.districtNames.size).toBe(0);
		expect(one.otherDistrictRows).toBeGreaterThan(0);
	});
});
