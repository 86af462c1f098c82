// Files that do not fit the district are explained, not refused as foreign (issue 29, item 6).
// Real files: ../shared/data/ca-dashboard/2023/graddownload2023.txt and ccidownload2023.txt have no
// row for Alisal Union (27659610000000), an elementary district (checked with grep: 0 rows);
// ../shared/data/ca-dashboard/2018/elpidownload2018.txt holds ELPAC level counts only (PL_1 … PL_4,
// PLTotCt), no currstatus.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { testDb } from '../testing.ts';
import { ImportFileError, importFile } from './index.ts';

const data = resolve('../shared/data/ca-dashboard');
const actor = { id: 'u1', email: 'staff@example.org' };
const ALISAL = '27659610000000';

function alisal() {
	const db = testDb();
	db.$client
		.prepare('INSERT INTO district (name, cds_code) VALUES (?, ?)')
		.run('Alisal Union', ALISAL);
	return db;
}

describe('files that do not fit the district', () => {
	for (const [file, what] of [
		['graddownload2023.txt', 'graduation rate'],
		['ccidownload2023.txt', 'college/career: prepared']
	])
		it(`an elementary district's ${file} says why it has no rows, and imports nothing`, async () => {
			const db = alisal();
			const r = await importFile(db, `${data}/2023/${file}`, file, actor);
			expect(r.errorCount).toBe(0);
			expect(r.committed).toBe(false);
			expect(r.nothingForDistrict).toContain(`no rows for this district (CDS ${ALISAL})`);
			expect(r.nothingForDistrict).toContain('Monterey Peninsula Unified');
			expect(r.nothingForDistrict).toContain(
				`The state reports ${what} only for districts and schools with high school students`
			);
			expect(db.$client.prepare('SELECT count(*) FROM result').pluck().get()).toBe(0);
			expect(db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
		});

	it('on a new database such a file cannot start the district: refused with the same words', async () => {
		const db = testDb();
		await expect(
			importFile(db, `${data}/2023/graddownload2023.txt`, 'graddownload2023.txt', actor, {
				districtCds: ALISAL
			})
		).rejects.toThrow(/only for districts and schools with high school students/);
		expect(db.$client.prepare('SELECT count(*) FROM district').pluck().get()).toBe(0);
	});

	it('the 2018 English learner progress file (ELPAC levels only) says precisely why nothing imports', async () => {
		const db = alisal();
		const attempt = importFile(
			db,
			`${data}/2018/elpidownload2018.txt`,
			'elpidownload2018.txt',
			actor
		);
		await expect(attempt).rejects.toBeInstanceOf(ImportFileError);
		await expect(
			importFile(db, `${data}/2018/elpidownload2018.txt`, 'elpidownload2018.txt', actor)
		).rejects.toThrow(
			/performance levels only \(the columns PL_1 … PL_4.*first appears in the 2019 file/
		);
		expect(db.$client.prepare('SELECT count(*) FROM result').pluck().get()).toBe(0);
	});
});
