import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { districtTestDb, MPUSD, scratchFolder, importFixture } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { importFile } from './index.ts';
import { indicatorFromFileName } from './indicators.ts';
import { resultsByGroup } from '../priorities/queries.ts';
import { schoolEnrollment } from '../schools/queries.ts';

const fixtures = resolve('tests/fixtures');
const actor = { id: 'u1', email: 'staff@example.org' };
type Expected = Record<
	string,
	{ indicator: string; schoolYear: string; district: Record<string, Record<string, unknown>> }
>;
const expected = JSON.parse(
	readFileSync(join(fixtures, 'ca-dashboard-expected.json'), 'utf8')
) as Expected;

const { write } = scratchFolder('throughline-dashboard-test-');
const mpusdDb = () => districtTestDb();

function districtRow(db: DbFile, measure: string, year: string, group: string) {
	return db.$client
		.prepare(
			`SELECT r.value, r.n, r.state_color AS stateColor, r.status_level AS statusLevel,
			 r.change_level AS changeLevel, r.prior_status AS priorStatus, r.change, r.color_missing AS colorMissing
			 FROM result r JOIN measure m ON m.id = r.measure_id JOIN school_year y ON y.id = r.school_year_id
			 WHERE m.code = ? AND y.label = ? AND r.school_id IS NULL AND r.student_group = ?`
		)
		.get(measure, year, group);
}

function enrollmentRow(db: DbFile, year: string, group: string) {
	return db.$client
		.prepare(
			`SELECT e.students, e.share FROM enrollment e JOIN school_year y ON y.id = e.school_year_id
			 WHERE y.label = ? AND e.school_id IS NULL AND e.student_group = ?`
		)
		.get(year, group);
}

function dump(db: DbFile): string {
	const tables = db.$client
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
		.pluck()
		.all() as string[];
	return JSON.stringify(
		tables.map((t) => db.$client.prepare(`SELECT * FROM "${t}"`).all()),
		(_, v) => v
	);
}

const ela2024 = () => readFileSync(join(fixtures, 'ca-dashboard/2024/eladownload2024.txt'), 'utf8');

describe('every year’s Dashboard layout, 2017 to 2025', () => {
	it.each(Object.entries(expected))(
		'%s imports with its values, groups, colors and year',
		async (file, want) => {
			const db = mpusdDb();
			const r = await importFile(
				db,
				join(fixtures, 'ca-dashboard', file),
				file.split('/')[1],
				actor
			);
			expect(r.errors).toEqual([]);
			expect(r.committed).toBe(true);
			expect(r.schoolYears).toEqual([want.schoolYear]);
			expect(r.newIndicator).toBeNull();
			expect(r.newStudentGroups).toEqual([]);
			// The state's rows (rtype X) are never the district's.
			expect(r.skippedOtherDistrict).toBeGreaterThan(file.includes('dass') ? -1 : 0);
			for (const [group, values] of Object.entries(want.district)) {
				const row =
					want.indicator === 'census'
						? enrollmentRow(db, want.schoolYear, group)
						: districtRow(db, want.indicator, want.schoolYear, group);
				expect(row, `${file} ${group}`).toEqual(values);
			}
			if (want.indicator === 'census') {
				expect(
					db.$client.prepare("SELECT count(*) FROM measure WHERE code = 'census'").pluck().get()
				).toBe(0);
			}
			// The charter school the file names is created with what the file says of it.
			if (!file.includes('census') && !file.includes('dass')) {
				expect(r.newSchools.map((s) => s.charter)).toContain(true);
			}
		}
	);

	it('stores the state’s colors as given and never computes one', async () => {
		const db = mpusdDb();
		await importFixture(db, 'ca-dashboard/2022/eladownload2022.txt', actor);
		const colors = db.$client
			.prepare(
				'SELECT DISTINCT color_missing FROM result WHERE state_color IS NULL OR state_color = 0'
			)
			.pluck()
			.all();
		expect(colors).toEqual(['status-only']);
		expect(
			db.$client.prepare('SELECT count(*) FROM result WHERE state_color > 0').pluck().get()
		).toBe(0);
	});

	it('finds the indicator from a file renamed any way', () => {
		for (const name of ['eladownload2024.txt', 'ELA_2024.txt', 'ela 2024 final.txt']) {
			expect(indicatorFromFileName(name)?.code).toBe('ela');
		}
		expect(indicatorFromFileName('graddownload2021dassonly.txt')?.code).toBe('grad-dass');
		expect(indicatorFromFileName('censusenrollratesdownload2023.txt')?.code).toBe('census');
		expect(indicatorFromFileName('chronicdownload2023.txt')?.code).toBe('chronic');
		expect(indicatorFromFileName('growthmodeldownload2025.txt')?.code).toBe('growth');
	});

	it('reads the indicator from its column before the file name', async () => {
		const db = mpusdDb();
		const r = await importFile(db, write('mystery.txt', ela2024()), 'mystery.txt', actor);
		expect(r.measure).toBe('English language arts: distance from standard');
	});

	it('takes the school year from reportingyear, and a stacked file row by row into its own year', async () => {
		const db = mpusdDb();
		const a = ela2024().trimEnd().split('\r\n');
		const b = readFileSync(join(fixtures, 'ca-dashboard/2025/eladownload2025.txt'), 'utf8')
			.trimEnd()
			.split('\r\n');
		const h25 = b[0].split('\t');
		const h24 = a[0].split('\t');
		// The 2025 rows under the 2024 header (same columns here), in one file named for neither.
		expect(h25).toEqual(h24);
		const r = await importFile(
			db,
			write('ela_2024_2025.txt', [...a, ...b.slice(1)].join('\r\n')),
			'ela_2024_2025.txt',
			actor
		);
		expect(r.errors).toEqual([]);
		expect(r.schoolYears).toEqual(['2023-24', '2024-25']);
		expect(districtRow(db, 'ela', '2023-24', 'ALL')).toMatchObject(
			expected['2024/eladownload2024.txt'].district.ALL
		);
		expect(districtRow(db, 'ela', '2024-25', 'ALL')).toMatchObject(
			expected['2025/eladownload2025.txt'].district.ALL
		);
	});
});

describe('codes the importer has not seen never throw a file away', () => {
	it('imports a new student group under its code and names it in the preview', async () => {
		const db = mpusdDb();
		const lines = ela2024().trimEnd().split('\r\n');
		const extra = lines
			.filter((l) => l.includes('\tEL\t'))
			.map((l) => l.replace('\tEL\t', '\tXYZ\t'));
		const path = write('eladownload2024.txt', [...lines, ...extra].join('\r\n'));
		const preview = await importFile(db, path, 'eladownload2024.txt', actor, { dryRun: true });
		expect(preview.errors).toEqual([]);
		expect(preview.newStudentGroups).toEqual([{ code: 'XYZ', rows: 2 }]);
		const r = await importFile(db, path, 'eladownload2024.txt', actor);
		expect(r.committed).toBe(true);
		expect(
			db.$client.prepare("SELECT name, kind FROM student_group WHERE code = 'XYZ'").get()
		).toEqual({ name: 'XYZ', kind: 'student-group' });
		expect(districtRow(db, 'ela', '2023-24', 'XYZ')).toBeTruthy();
	});

	it('imports a new indicator as a new measure by its code, flagged', async () => {
		const db = mpusdDb();
		const text = ela2024().replace(/\tELA\r\n/g, '\tREADING\r\n');
		const r = await importFile(
			db,
			write('readingdownload2026.txt', text),
			'readingdownload2026.txt',
			actor
		);
		expect(r.errors).toEqual([]);
		expect(r.newIndicator).toEqual({ code: 'reading', rows: expect.any(Number) });
		expect(r.created.measures).toEqual(['Dashboard indicator READING']);
		expect(districtRow(db, 'reading', '2023-24', 'ALL')).toBeTruthy();
	});

	it('keeps the long-term English learners and the test takers, labelled as what they are', async () => {
		const db = mpusdDb();
		await importFixture(db, 'ca-dashboard/2024/eladownload2024.txt', actor);
		const groups = db.$client
			.prepare('SELECT code, name_es AS nameEs, kind FROM student_group ORDER BY sort_order')
			.all();
		expect(groups).toContainEqual({
			code: 'LTEL',
			nameEs: 'Estudiantes de inglés a largo plazo',
			kind: 'student-group'
		});
		expect(groups).toContainEqual(expect.objectContaining({ code: 'SBA', kind: 'test-takers' }));
		// Every imported group and the measure carry a Spanish name.
		expect(
			db.$client.prepare('SELECT count(*) FROM student_group WHERE name_es IS NULL').pluck().get()
		).toBe(0);
		expect(
			db.$client.prepare("SELECT name_es FROM measure WHERE code = 'ela'").pluck().get()
		).toMatch(/Artes lingüísticas/);
		// The privacy mark is no value, never zero.
		expect(districtRow(db, 'ela', '2023-24', 'SBA')).toMatchObject({ value: null });
	});
});

describe('encodings and delimiters are detected', () => {
	const base = () => ela2024();
	async function figures(name: string, content: string | Buffer) {
		const db = mpusdDb();
		const r = await importFile(db, write(name, content), 'eladownload2024.txt', actor);
		expect(r.errors).toEqual([]);
		const rows = db.$client
			.prepare(
				'SELECT r.student_group, r.value, r.n, r.state_color, s.name AS school FROM result r LEFT JOIN school s ON s.id = r.school_id ORDER BY 1, 5'
			)
			.all();
		return { format: r.format, rows };
	}
	it('pipe-delimited, Windows-1252, UTF-8 with BOM, UTF-16 with BOM and LF all read the same figures', async () => {
		const utf8 = await figures('a.txt', base());
		expect(utf8.format).toBe('UTF-8, tab-delimited');
		expect(JSON.stringify(utf8.rows)).toContain('César Chávez Charter');
		const twins: [string, string | Buffer, string][] = [
			['pipe.txt', base().replace(/\t/g, '|'), 'UTF-8, pipe-delimited'],
			['cp1252.txt', Buffer.from(base(), 'latin1'), 'Windows-1252, tab-delimited'],
			['bom.txt', '\uFEFF' + base(), 'UTF-8, tab-delimited'],
			['lf.txt', base().replace(/\r\n/g, '\n'), 'UTF-8, tab-delimited'],
			[
				'u16.txt',
				Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base(), 'utf16le')]),
				'UTF-16 (little-endian), tab-delimited'
			],
			['comma.csv', base().replace(/\t/g, ','), 'UTF-8, comma-separated']
		];
		for (const [name, content, format] of twins) {
			const twin = await figures(name, content);
			expect(twin.format, name).toBe(format);
			expect(twin.rows, name).toEqual(utf8.rows);
		}
	});
	it('reads a Windows-1252 "é" far past the first chunk', async () => {
		const lines = base().trimEnd().split('\r\n');
		const filler = Array.from({ length: 3000 }, (_, i) =>
			lines[1].replace(MPUSD, String(27661590000000 + i))
		);
		const text = [lines[0], ...filler, ...lines.slice(1)].join('\r\n');
		const r = await figures('late.txt', Buffer.from(text, 'latin1'));
		expect(r.format).toBe('Windows-1252, tab-delimited');
		expect(JSON.stringify(r.rows)).toContain('César Chávez Charter');
	});
});

describe('bad input is refused whole, with line, column, value and reason', () => {
	it('writes nothing and names each problem', async () => {
		const db = mpusdDb();
		const before = dump(db);
		const lines = ela2024().trimEnd().split('\r\n');
		const h = lines[0].split('\t');
		const bad = lines.map((l, i) => {
			if (i !== 1) return l;
			const c = l.split('\t');
			c[h.indexOf('currstatus')] = 'abc';
			c[h.indexOf('color')] = '7';
			return c.join('\t');
		});
		bad[4] = bad[4].replace(MPUSD, '2766092');
		const r = await importFile(
			db,
			write('eladownload2024.txt', bad.join('\r\n')),
			'eladownload2024.txt',
			actor
		);
		expect(r.committed).toBe(false);
		expect(r.errors).toEqual([
			{ line: 2, column: 'currstatus', value: 'abc', reason: 'is not a number' },
			{ line: 2, column: 'color', value: '7', reason: 'must be between 0 and 5' },
			{ line: 5, column: 'cds', value: '2766092', reason: 'is not a 14-digit CDS code' }
		]);
		expect(dump(db)).toBe(before);
	});

	it('re-importing the same file is a no-op', async () => {
		const db = mpusdDb();
		const path = join(fixtures, 'ca-dashboard/2025/chronicdownload2025.txt');
		await importFile(db, path, 'chronicdownload2025.txt', actor);
		const before = dump(db);
		const again = await importFile(db, path, 'chronicdownload2025.txt', actor);
		expect(again).toMatchObject({ committed: false, inserted: 0, updated: 0 });
		expect(dump(db)).toBe(before);
	});
});

describe('on the public pages', () => {
	it('test takers stay out of the by-group tables; the board may ask for them, labelled', async () => {
		const db = mpusdDb();
		await importFixture(db, 'ca-dashboard/2024/eladownload2024.txt', actor);
		const id = db.$client
			.prepare("SELECT id FROM measure WHERE code = 'ela'")
			.pluck()
			.get() as number;
		const pub = resultsByGroup(db, id, 11).map((g) => g.code);
		expect(pub).toContain('LTEL');
		expect(pub).not.toContain('SBA');
		const board = resultsByGroup(db, id, 11, { testTakers: true });
		expect(board.find((g) => g.code === 'SBA')).toMatchObject({ testTakers: true });
	});

	it('a school page has its census enrollment as context, small groups left out', async () => {
		const db = mpusdDb();
		await importFixture(db, 'ca-dashboard/2024/censusenrollratesdownload2024.txt', actor);
		const school = db.$client
			.prepare("SELECT id FROM school WHERE cds_code = '27660926118962'")
			.pluck()
			.get() as number;
		const e = schoolEnrollment(db, school, 11)!;
		expect(e.year).toBe('2023-24');
		expect(e.total).toBe(400);
		// In the state's group order.
		expect(e.groups.map((g) => [g.code, g.students, g.share])).toEqual([
			['HI', 120, 30],
			['EL', 80, 20],
			['SED', 100, 25]
		]);
		expect(schoolEnrollment(db, school, 101)!.groups.map((g) => g.code)).toEqual(['HI']);
	});
});
