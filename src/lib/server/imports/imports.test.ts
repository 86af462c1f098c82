import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { districtTestDb, MPUSD, scratchFolder, testDb, importFixture } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { systemActor } from '../audit/index.ts';
import { ImportFileError, importFile } from './index.ts';
import { parseSchoolYear, schoolYearLabel, indicatorFromFileName } from './indicators.ts';

const fixtures = resolve('tests/fixtures');
const dashboardFiles = ['2022', '2023'].flatMap((y) =>
	readdirSync(join(fixtures, 'ca-dashboard', y)).map((f) => join(fixtures, 'ca-dashboard', y, f))
);
const actor = { id: 'u1', email: 'staff@example.org' };

const scratch = scratchFolder('throughline-import-test-');
const write = scratch.write;
const mpusdDb = () => districtTestDb();

async function importAll(db: DbFile) {
	for (const f of dashboardFiles) {
		const r = await importFile(db, f, f.split('/').pop()!, actor);
		expect(r.errorCount, f).toBe(0);
	}
}

/** A checksum of every table's content, to prove a refused file changed nothing. */
function dump(db: DbFile): string {
	const tables = db.$client
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
		)
		.pluck()
		.all() as string[];
	const hash = createHash('sha256');
	for (const t of tables)
		hash.update(t + JSON.stringify(db.$client.prepare(`SELECT * FROM "${t}"`).all()));
	return hash.digest('hex');
}

function districtValue(db: DbFile, measure: string, year: string, group = 'ALL') {
	return db.$client
		.prepare(
			`SELECT r.value, r.n, r.state_color AS color, r.status_level AS status FROM result r
			 JOIN measure m ON m.id = r.measure_id JOIN school_year y ON y.id = r.school_year_id
			 WHERE m.code = ? AND y.label = ? AND r.student_group = ? AND r.school_id IS NULL`
		)
		.get(measure, year, group) as
		{ value: number; n: number; color: number | null; status: number } | undefined;
}

function fixture(rel: string): string {
	return readFileSync(join(fixtures, rel), 'latin1');
}

describe('school years and indicators', () => {
	it('labels and parses school years', () => {
		expect(schoolYearLabel(2022)).toBe('2022-23');
		expect(schoolYearLabel(1999)).toBe('1999-00');
		expect(parseSchoolYear('2023-24')).toBe(2023);
		expect(parseSchoolYear('2023-2024')).toBe(2023);
		expect(parseSchoolYear('2023-25')).toBeUndefined();
		expect(parseSchoolYear('2023')).toBeUndefined();
	});
	it('recognises indicators from state file names of any year', () => {
		expect(indicatorFromFileName('chronicdownload2023.txt')?.code).toBe('chronic');
		expect(indicatorFromFileName('censusenrollratesdownload2022.txt')?.code).toBe('census');
		expect(indicatorFromFileName('ELA_download_2024.txt')?.code).toBe('ela');
		expect(indicatorFromFileName('mystery.txt')).toBeUndefined();
	});
});

describe('California School Dashboard files', () => {
	it('imports every sample file with the known Monterey Peninsula Unified values', async () => {
		const db = mpusdDb();
		await importAll(db);
		expect(districtValue(db, 'ela', '2021-22')).toMatchObject({ value: -34.1, n: 4328 });
		expect(districtValue(db, 'ela', '2022-23')).toMatchObject({
			value: -34.3,
			n: 4332,
			color: 2,
			status: 2
		});
		// Enrollment is context, stored apart: never a measure.
		const enrolled = db.$client
			.prepare(
				`SELECT e.students, e.share FROM enrollment e JOIN school_year y ON y.id = e.school_year_id
				 WHERE e.school_id IS NULL AND y.label = '2022-23' AND e.student_group = ?`
			)
			.get('ALL') as { students: number; share: number };
		expect(enrolled.students).toBeGreaterThan(8000);
		expect(enrolled.share).toBe(100);
		expect(districtValue(db, 'chronic', '2021-22')).toMatchObject({
			value: 27.6,
			n: 6469,
			color: null
		});
		expect(districtValue(db, 'chronic', '2022-23')).toMatchObject({ value: 26.7, n: 6283 });

		const measures = db.$client
			.prepare('SELECT code, unit, direction FROM measure ORDER BY code')
			.all();
		expect(measures).toEqual([
			{ code: 'cci', unit: 'percent', direction: 'higher' },
			{ code: 'chronic', unit: 'percent', direction: 'lower' },
			{ code: 'ela', unit: 'points', direction: 'higher' },
			{ code: 'elpi', unit: 'percent', direction: 'higher' },
			{ code: 'grad', unit: 'percent', direction: 'higher' },
			{ code: 'math', unit: 'points', direction: 'higher' },
			{ code: 'susp', unit: 'percent', direction: 'lower' }
		]);
		expect(
			db.$client.prepare('SELECT label FROM school_year ORDER BY start_year').pluck().all()
		).toEqual(['2021-22', '2022-23']);
		// Full group names, created by the importer.
		expect(
			db.$client.prepare("SELECT name FROM student_group WHERE code = 'SED'").pluck().get()
		).toBe('Socioeconomically disadvantaged');
		// Schools of the district come from the rows; rows of other districts are never written.
		const schools = db.$client.prepare('SELECT cds_code, name FROM school ORDER BY cds_code').all();
		expect(schools.length).toBeGreaterThan(0);
		for (const s of schools as { cds_code: string }[])
			expect(s.cds_code.slice(0, 7)).toBe('2766092');
		// Every value that has a group size carries it, so the public pages can suppress small groups.
		const withoutN = db.$client
			.prepare('SELECT count(*) FROM result WHERE value IS NOT NULL AND n IS NULL')
			.pluck()
			.get();
		expect(withoutN).toBe(0);
		const small = db.$client
			.prepare('SELECT count(*) FROM result WHERE n < 11')
			.pluck()
			.get() as number;
		expect(small).toBeGreaterThan(0);
		// One audit entry per file, with its name and checksum.
		const audit = db.$client
			.prepare("SELECT note, entity_id FROM audit_log WHERE action = 'import'")
			.all();
		expect(audit).toHaveLength(dashboardFiles.length);
		const ela = readFileSync(join(fixtures, 'ca-dashboard/2023/eladownload2023.txt'));
		const sha = createHash('sha256').update(ela).digest('hex');
		expect(audit).toContainEqual({ note: `eladownload2023.txt (SHA-256 ${sha})`, entity_id: sha });
		expect(db.$client.prepare('SELECT data_updated_at FROM district').pluck().get()).toBeTruthy();
	});

	it('counts rows of other districts as skipped and reports per school and group', async () => {
		const db = mpusdDb();
		const r = await importFixture(db, 'ca-dashboard/2023/eladownload2023.txt', actor);
		expect(r.rowsRead).toBe(515);
		expect(r.inserted).toBe(49);
		expect(r.skippedOtherDistrict).toBe(515 - 49);
		expect(r.bySchool[0]).toMatchObject({ cds: null, name: 'Monterey Peninsula Unified' });
		expect(r.byGroup.find((g) => g.code === 'ALL')).toMatchObject({
			name: 'All students',
			inserted: 3
		});
	});

	it('changes nothing when the same files are imported again', async () => {
		const db = mpusdDb();
		await importAll(db);
		const before = dump(db);
		for (const f of dashboardFiles) {
			const r = await importFile(db, f, f.split('/').pop()!, actor);
			expect(r.inserted + r.updated).toBe(0);
			expect(r.committed).toBe(false);
		}
		expect(dump(db)).toBe(before);
	});

	it('updates only the corrected values, and the audit trail says so', async () => {
		const db = mpusdDb();
		const original = join(fixtures, 'ca-dashboard/2023/chronicdownload2023.txt');
		await importFile(db, original, 'chronicdownload2023.txt', actor);
		const text = fixture('ca-dashboard/2023/chronicdownload2023.txt');
		const row = text.split('\r\n').find((l) => l.startsWith(MPUSD) && l.includes('\tALL\t'))!;
		expect(row).toContain('\t26.7\t');
		const corrected = write(
			'chronicdownload2023.txt',
			text.replace(row, row.replace('\t26.7\t', '\t26.9\t'))
		);
		const r = await importFile(db, corrected, 'chronicdownload2023.txt', actor);
		expect(r).toMatchObject({ updated: 1, inserted: 0, committed: true });
		expect(districtValue(db, 'chronic', '2022-23')?.value).toBe(26.9);
		const entry = db.$client
			.prepare("SELECT after FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1")
			.pluck()
			.get() as string;
		const after = JSON.parse(entry);
		expect(after.updated).toBe(1);
		expect(after.changes[0].before.value).toBe(26.7);
		expect(after.changes[0].after.value).toBe(26.9);
		expect(after.changes[0].what).toContain('All students');
	});

	it('creates the district on a new database from the file, with --district', async () => {
		const db = testDb();
		const r = await importFile(
			db,
			join(fixtures, 'ca-dashboard/2022/eladownload2022.txt'),
			'eladownload2022.txt',
			systemActor,
			{
				districtCds: MPUSD
			}
		);
		expect(r.created.district).toBe('Monterey Peninsula Unified');
		expect(db.$client.prepare('SELECT name, cds_code FROM district').get()).toEqual({
			name: 'Monterey Peninsula Unified',
			cds_code: MPUSD
		});
	});

	it('a dry run reports the same counts and writes nothing', async () => {
		const db = mpusdDb();
		const before = dump(db);
		const r = await importFile(
			db,
			join(fixtures, 'ca-dashboard/2023/mathdownload2023.txt'),
			'mathdownload2023.txt',
			actor,
			{
				dryRun: true
			}
		);
		expect(r.inserted).toBe(49);
		expect(r.committed).toBe(false);
		expect(dump(db)).toBe(before);
	});
});

describe('bad input is refused with a clear message and changes nothing', () => {
	const ela = () => fixture('ca-dashboard/2023/eladownload2023.txt');
	const mpusdLine = (text: string) =>
		text.split('\r\n').findIndex((l) => l.startsWith(MPUSD) && l.includes('\tALL\t'));

	async function refused(name: string, content: string | Buffer | ((path: string) => void)) {
		const db = mpusdDb();
		await importFixture(db, 'ca-dashboard/2022/eladownload2022.txt', actor);
		const before = dump(db);
		let path = scratch.path(name);
		if (typeof content === 'function') content(path);
		else path = write(name, content);
		let message: string;
		try {
			const r = await importFile(db, path, name, actor);
			expect(r.committed).toBe(false);
			expect(r.errorCount).toBeGreaterThan(0);
			message = r.errors
				.map((e) => `line ${e.line} ${e.column} “${e.value}” ${e.reason}`)
				.join('\n');
		} catch (e) {
			expect(e).toBeInstanceOf(ImportFileError);
			message = (e as Error).message;
		}
		expect(dump(db)).toBe(before);
		return message;
	}

	it('a header of a single column', async () => {
		expect(await refused('eladownload2023.txt', 'cds\n27660920000000\n')).toMatch(/single column/);
	});
	it('a missing required column', async () => {
		const text = ela()
			.split('\r\n')
			.map((l) =>
				l
					.split('\t')
					.filter((_, i) => i !== 10)
					.join('\t')
			)
			.join('\r\n');
		expect(text.split('\r\n')[0].split('\t')).not.toContain('currstatus');
		expect(await refused('eladownload2023.txt', text)).toMatch(/required column “currstatus”/);
	});
	it('a non-numeric value', async () => {
		const lines = ela().split('\r\n');
		const i = mpusdLine(lines.join('\r\n'));
		lines[i] = lines[i].replace('\t-34.3\t', '\tabc\t');
		const message = await refused('eladownload2023.txt', lines.join('\r\n'));
		expect(message).toContain(`line ${i + 1} currstatus “abc” is not a number`);
	});
	it('a student-group cell that is not a code', async () => {
		const lines = ela().split('\r\n');
		const i = mpusdLine(lines.join('\r\n'));
		lines[i] = lines[i].replace('\tALL\t', '\t12.5\t');
		expect(await refused('eladownload2023.txt', lines.join('\r\n'))).toContain(
			`line ${i + 1} studentgroup “12.5” is not a student-group code`
		);
	});
	it('a duplicate row', async () => {
		const lines = ela().split('\r\n');
		const i = mpusdLine(lines.join('\r\n'));
		lines.splice(i + 1, 0, lines[i]);
		expect(await refused('eladownload2023.txt', lines.join('\r\n'))).toContain(
			`line ${i + 2} null “null” duplicate row: the same as line ${i + 1}`
		);
	});
	it('an empty file', async () => {
		expect(await refused('eladownload2023.txt', '')).toBe('The file is empty.');
		expect(await refused('eladownload2023.txt', '\r\n\r\n')).toBe('The file is empty.');
		expect(await refused('eladownload2023.txt', ela().split('\r\n')[0] + '\r\n')).toMatch(
			/no rows/
		);
	});
	it('a binary file', async () => {
		const png = Buffer.from([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
		]);
		expect(await refused('eladownload2023.txt', png)).toMatch(/not a text file/);
	});
	it('a file over the size limit', async () => {
		expect(
			await refused(
				'big.txt',
				(p) => (writeFileSync(p, 'cds\tstudentgroup\n'), truncateSync(p, 51 * 1024 * 1024))
			)
		).toBe('The file is larger than the limit of 50 MB.');
	});
	it('a file for another district only', async () => {
		const chino = fixture('ca-directory/pubschls-chino-valley-unified.txt');
		expect(await refused('pubschls.txt', chino)).toMatch(
			/None of the file's 46 rows is for this district/
		);
		const other = ela()
			.split('\r\n')
			.filter((l, i) => i === 0 || (l !== '' && !l.startsWith('2766092')))
			.join('\r\n');
		// A Dashboard file says which districts it holds instead, and imports nothing (issue 29, item 6).
		const db = mpusdDb();
		const before = dump(db);
		const r = await importFile(
			db,
			write('eladownload2023.txt', other),
			'eladownload2023.txt',
			actor
		);
		expect(r.committed).toBe(false);
		expect(r.nothingForDistrict).toMatch(
			/^This file has no rows for this district \(CDS 27660920000000\)\. It holds the rows of \d+ other districts \(Monterey County Office of Education, /
		);
		expect(r.nothingForDistrict).toMatch(/another county or district\. Nothing to import\.$/);
		expect(dump(db)).toEqual(before);
	});
	it('an unrecognised layout', async () => {
		expect(await refused('x.csv', 'a,b,c\n1,2,3\n')).toMatch(/not a layout Throughline knows/);
	});
});

describe('school directory', () => {
	const CHINO = '36676780000000';
	it('creates the district’s schools with type, grade span, status and principal, then changes nothing', async () => {
		const db = testDb();
		const path = join(fixtures, 'ca-directory/pubschls-chino-valley-unified.txt');
		const r = await importFile(db, path, 'pubschls.txt', actor, { districtCds: CHINO });
		expect(r.errorCount).toBe(0);
		expect(r.created.district).toBe('Chino Valley Unified');
		expect(r.inserted).toBe(45);
		const counts = db.$client
			.prepare('SELECT status, count(*) AS n FROM school GROUP BY status ORDER BY status')
			.all();
		expect(counts).toEqual([
			{ status: 'closed', n: 8 },
			{ status: 'open', n: 37 }
		]);
		const rhodes = db.$client
			.prepare("SELECT * FROM school WHERE cds_code = '36676780100578'")
			.get();
		expect(rhodes).toMatchObject({
			name: 'Edwin Rhodes Elementary',
			type: 'elementary',
			grade_span: 'K-6',
			opened_on: '2003-09-08',
			charter: 0
		});
		const principal = db.$client
			.prepare(
				"SELECT person_name FROM leader_tenure WHERE role = 'principal' AND school_id = (SELECT id FROM school WHERE cds_code = '36676780100578')"
			)
			.pluck()
			.get();
		expect(principal).toBe('Stephenette Graham');
		// The district row's administrator is its superintendent, recorded when none is.
		expect(
			db.$client
				.prepare("SELECT person_name FROM leader_tenure WHERE role = 'superintendent'")
				.pluck()
				.all()
		).toEqual(['Norm Enfield']);
		const types = db.$client
			.prepare('SELECT DISTINCT type FROM school ORDER BY type')
			.pluck()
			.all();
		expect(types).toEqual(
			expect.arrayContaining(['continuation', 'elementary', 'high', 'k-8', 'middle'])
		);

		const before = dump(db);
		const again = await importFile(db, path, 'pubschls.txt', actor);
		expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 45, committed: false });
		expect(dump(db)).toBe(before);

		// A new principal ends the old tenure and starts a new one.
		const text = fixture('ca-directory/pubschls-chino-valley-unified.txt').replace(
			'\tStephenette\tGraham\t',
			'\tAna\tRivera\t'
		);
		const changed = await importFile(db, write('pubschls2.txt', text), 'pubschls2.txt', actor);
		expect(changed).toMatchObject({ updated: 1, committed: true });
		const tenures = db.$client
			.prepare(
				"SELECT person_name, ended_on IS NOT NULL AS ended FROM leader_tenure WHERE school_id = (SELECT id FROM school WHERE cds_code = '36676780100578') ORDER BY id"
			)
			.all();
		expect(tenures).toEqual([
			{ person_name: 'Stephenette Graham', ended: 1 },
			{ person_name: 'Ana Rivera', ended: 0 }
		]);
	});
});

describe('results and check-ins CSV', () => {
	it('imports results by measure code and school CDS code, refusing unknown measures and schools', async () => {
		const db = mpusdDb();
		await importFixture(db, 'ca-dashboard/2023/eladownload2023.txt', actor);
		const school = db.$client
			.prepare('SELECT cds_code FROM school LIMIT 1')
			.pluck()
			.get() as string;
		const ok = write(
			'results.csv',
			`School CDS code,Measure code,School year,Student group,Value,n\n,ela,2023-24,ALL,-30.5,4400\n${school},ela,2023-24,EL,"-70.0",120\n`
		);
		const r = await importFile(db, ok, 'results.csv', actor);
		expect(r).toMatchObject({ kind: 'results', inserted: 2, errorCount: 0, committed: true });
		expect(districtValue(db, 'ela', '2023-24')).toMatchObject({ value: -30.5, n: 4400 });

		const before = dump(db);
		const bad = write(
			'results.csv',
			`school_cds_code,measure_code,school_year,student_group,value,n\n,nope,2023-24,ALL,1,1\n27660929999999,ela,2023-24,ALL,1,1\n,ela,2023/24x,ALL,1,1\n,ela,2023-24,ALL,1,-4\n`
		);
		const refused = await importFile(db, bad, 'results.csv', actor);
		expect(refused.committed).toBe(false);
		expect(refused.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
			[4, 'school_year', 'is not a school year like 2023-24'],
			[5, 'n', 'The group size (n) must be a whole number, 0 or more.'],
			[2, 'measure_code', 'is not a measure of this district; add it under Measures first'],
			[3, 'school_cds_code', 'is not a school of this district; import the school directory first']
		]);
		expect(dump(db)).toBe(before);
	});
});

describe('imported small groups on public pages', () => {
	it('never shows a group under the suppression size', async () => {
		const { resultsByGroup, resultsBySchool } = await import('../priorities/queries.ts');
		const db = mpusdDb();
		await importAll(db);
		const size = db.$client
			.prepare('SELECT suppression_size FROM district')
			.pluck()
			.get() as number;
		let shown = 0;
		let hidden = 0;
		for (const code of ['ela', 'math', 'chronic', 'susp', 'grad', 'cci', 'elpi', 'census']) {
			const id = db.$client
				.prepare('SELECT id FROM measure WHERE code = ?')
				.pluck()
				.get(code) as number;
			const rows = [...resultsByGroup(db, id, size), ...resultsBySchool(db, id, size)];
			for (const r of rows) {
				for (const result of Object.values(r.byYear)) {
					if (result.suppressed) {
						hidden++;
						expect(result.value).toBeNull();
					} else {
						shown++;
						if (result.n !== null) expect(result.n).toBeGreaterThanOrEqual(size);
					}
				}
			}
		}
		expect(shown).toBeGreaterThan(0);
		expect(hidden).toBeGreaterThan(0);
	});
});
