import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { districtTestDb, scratchFolder } from '../testing.ts';
import { importFile } from '../imports/index.ts';
import { measures, results } from '../db/schema/measures.ts';
import { areaFigures } from '../db/schema/context.ts';
import { areaFiguresOf } from './area.ts';

const actor = { id: 'u1', email: 'staff@example.org' };
const scratch = scratchFolder('throughline-area-');

/**
 * The real 2023 ELA file of Monterey County (../shared/data) holds no state (X) or county (C)
 * row: the test writes one of each into a copy, in the file's own columns. Their figures are the
 * test's own (−13.6 for the state, −30.1 for the county), not the state's.
 */
function fileWithAreaRows(): string {
	const real = readFileSync(
		resolve('../shared/data/ca-dashboard/2023/eladownload2023.txt'),
		'utf8'
	);
	const lines = real.split(/\r?\n/).filter((l) => l !== '');
	const header = lines[0].split('\t');
	const row = (cds: string, rtype: string, status: string, denom: string) =>
		header
			.map((h) => {
				const c = h.trim().toLowerCase();
				if (c === 'cds') return cds;
				if (c === 'rtype') return rtype;
				if (c === 'studentgroup') return 'ALL';
				if (c === 'currstatus') return status;
				if (c === 'currdenom') return denom;
				if (c === 'reportingyear') return '2023';
				return '';
			})
			.join('\t');
	return scratch.write(
		'eladownload2023.txt',
		[
			...lines,
			row('00000000000000', 'X', '-13.6', '2900000'),
			row('27000000000000', 'C', '-30.1', '35000')
		].join('\r\n') + '\r\n'
	);
}

describe("the state's and the county's figure", () => {
	it('keeps the state and county rows of a file beside the district, nothing of other districts', async () => {
		const db = districtTestDb();
		const report = await importFile(db, fileWithAreaRows(), 'eladownload2023.txt', actor);
		expect(report.committed).toBe(true);
		const ela = db.select().from(measures).where(eq(measures.code, 'ela')).get()!;
		// The district's own figure, as ../shared/data/README.md gives it: −34.3 in 2022-23.
		const district = db
			.select()
			.from(results)
			.where(eq(results.measureId, ela.id))
			.all()
			.find((r) => r.schoolId === null && r.studentGroup === 'ALL');
		expect(district?.value).toBe(-34.3);
		expect(areaFiguresOf(db, [ela.id])[ela.id]).toEqual({
			schoolYear: '2022-23',
			group: 'ALL',
			state: -13.6,
			county: -30.1
		});
		expect(db.select().from(areaFigures).all()).toHaveLength(2);

		// The same file again changes nothing.
		const again = await importFile(db, fileWithAreaRows(), 'eladownload2023.txt', actor);
		expect(again.committed).toBe(false);
		expect(db.select().from(areaFigures).all()).toHaveLength(2);
	});
});
