// Monterey Peninsula Unified from its 2022 and 2023 Dashboard files (tests/fixtures/ca-dashboard)
// and the state's workbooks (../shared/data/ca-accountability). Expected by hand from the state's
// files: assistancestatus22.xlsx gives EL "B" and SWD "B" (priorities 4 and 5), status
// "Differentiated Assistance"; assistancestatus23.xlsx gives SED "A" (4, 5, 6) and SWD "C" (5, 6),
// status "Differentiated Assistance, Year 1"; essaassistance23.xlsx lists Los Arboles Middle as
// "CSI Low Perform".
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtTestDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { importFile } from '../imports/index.ts';
import { accountabilityView, unaddressedReds } from './overview.ts';

const actor = { id: 'u1', email: 'staff@example.org' };
const fixtures = resolve('tests/fixtures/ca-dashboard');
const workbooks = resolve('../shared/data/ca-accountability');
let db: DbFile;

beforeAll(async () => {
	db = districtTestDb();
	for (const y of ['2022', '2023'])
		for (const f of readdirSync(join(fixtures, y)))
			expect((await importFile(db, join(fixtures, y, f), f, actor)).errorCount).toBe(0);
	for (const f of [
		'assistancestatus22.xlsx',
		'assistancestatus23.xlsx',
		'essaassistance22.xlsx',
		'essaassistance23.xlsx'
	])
		expect((await importFile(db, join(workbooks, f), f, actor)).committed).toBe(true);
}, 120_000);

const year = (y: number) => accountabilityView(db, 'board').years.find((v) => v.year === y)!;
const areas = (y: number) =>
	Object.fromEntries(
		year(y)
			.groups.filter((g) => g.computed.length || g.state.length)
			.map((g) => [g.group.code, [g.computedLetter, g.stateLetter, g.computed, g.state, g.differs]])
	);

describe('Monterey Peninsula Unified', () => {
	it('2022: English learners and students with disabilities, B (4, 5), computed and the state’s', () => {
		expect(year(2022).stateStatus).toBe('Differentiated Assistance');
		expect(year(2022).eligible).toBe(true);
		const two = Object.entries(areas(2022)).filter(([, a]) => (a[2] as number[]).length >= 2);
		expect(Object.fromEntries(two)).toEqual({
			EL: ['B', 'B', [4, 5], [4, 5], false],
			SWD: ['B', 'B', [4, 5], [4, 5], false]
		});
	});

	it('2023: socioeconomically disadvantaged A (4, 5, 6), students with disabilities C (5, 6)', () => {
		expect(year(2023).stateStatus).toBe('Differentiated Assistance, Year 1');
		const two = Object.entries(areas(2023)).filter(([, a]) => (a[2] as number[]).length >= 2);
		expect(Object.fromEntries(two)).toEqual({
			SED: ['A', 'A', [4, 5, 6], [4, 5, 6], false],
			SWD: ['C', 'C', [5, 6], [5, 6], false]
		});
		expect(year(2023).groups.every((g) => !g.differs)).toBe(true);
	});

	it('names each Red by group and indicator, and the schools the state identified', () => {
		const reds = year(2023).reds.map((r) => `${r.group.code} ${r.indicator}`);
		// SWD met 5 and 6: chronic absenteeism and suspension Red (2023 had colors).
		expect(reds).toContain('SWD chronic');
		expect(reds).toContain('SWD susp');
		expect(reds).toContain('SED susp');
		expect(year(2023).schools).toContainEqual(
			expect.objectContaining({ name: 'Los Arboles Middle', status: 'CSI Low Perform' })
		);
		// 2022 had no colors: the lowest status level stands for Red.
		expect(year(2022).reds.every((r) => r.basis === 'status')).toBe(true);
	});

	it('without priorities, no Red is addressed; a measure of the indicator or a group target addresses it', () => {
		expect(unaddressedReds(db).year).toBe(2023);
		expect(unaddressedReds(db).reds.length).toBe(year(2023).reds.length);
		db.$client
			.prepare(
				"INSERT INTO priority (slug, title) VALUES ('attendance', 'Every student, every day')"
			)
			.run();
		db.$client
			.prepare(
				"UPDATE measure SET priority_id = (SELECT id FROM priority WHERE slug = 'attendance') WHERE code = 'chronic'"
			)
			.run();
		const swdChronic = year(2023).reds.find(
			(r) => r.group.code === 'SWD' && r.indicator === 'chronic'
		)!;
		expect(swdChronic.addressedBy).toEqual([
			expect.objectContaining({ slug: 'attendance', how: 'all' })
		]);
		db.$client
			.prepare(
				"INSERT INTO measure_target (measure_id, school_year_id, value, student_group) SELECT m.id, y.id, 20, 'SWD' FROM measure m, school_year y WHERE m.code = 'chronic' AND y.start_year = 2022"
			)
			.run();
		expect(
			year(2023).reds.find((r) => r.group.code === 'SWD' && r.indicator === 'chronic')!.addressedBy
		).toEqual([expect.objectContaining({ how: 'target' })]);
		const swdSusp = unaddressedReds(db).reds.find(
			(r) => r.group.code === 'SWD' && r.indicator === 'susp'
		);
		expect(swdSusp).toBeDefined();
	});

	it('foster youth: Red in suspension with 23 students (suspdownload2023.txt), over the state’s 15, under a suppression size of 30', () => {
		const fos = (reader: 'board' | 'public') => {
			const y = accountabilityView(db, reader).years.find((v) => v.year === 2023)!;
			return {
				red: y.reds.find((r) => r.group.code === 'FOS' && r.indicator === 'susp')?.n ?? null,
				group: y.groups.some((g) => g.group.code === 'FOS')
			};
		};
		expect(fos('board')).toEqual({ red: 23, group: true });
		db.$client.prepare('UPDATE district SET suppression_size = 30').run();
		expect(fos('board')).toEqual({ red: 23, group: true });
		expect(fos('public')).toEqual({ red: null, group: false });
		db.$client.prepare('UPDATE district SET suppression_size = 11').run();
		expect(fos('public')).toEqual({ red: 23, group: true });
	});

	it('the public never reads a Red of a group under the suppression size', () => {
		db.$client.prepare('UPDATE district SET suppression_size = 100000').run();
		expect(accountabilityView(db, 'public').years.flatMap((y) => y.reds)).toEqual([]);
		db.$client.prepare('UPDATE district SET suppression_size = 11').run();
		expect(accountabilityView(db, 'public').years.flatMap((y) => y.reds).length).toBeGreaterThan(0);
	});
});

describe("the schools' Reds", () => {
	// By hand from tests/fixtures/ca-dashboard/2023 (the state's files, the same as
	// ../shared/data/ca-dashboard/2023): the rows of MPUSD's schools (rtype S) with color 1, and
	// college/career, which the 2023 Dashboard gave status only (no color column), at status level
	// 1 with 30 students or more (Learning for Life's Hispanic students, 29, and students with
	// disabilities, 11, are under the state's size).
	it('are read from the schools’ own rows, by school, with the figure and size', () => {
		const schools = year(2023).schoolReds.map((s) => [
			s.cds,
			s.name,
			s.reds.map((r) => `${r.group.code} ${r.indicator} ${r.value} ${r.n}`).sort()
		]);
		expect(schools).toEqual([
			[
				'27660926118962',
				'International School of Monterey',
				['ALL susp 5.1 435', 'AS susp 6.5 31', 'EL elpi 20.4 54']
			],
			[
				'27660922730240',
				'Learning for Life Charter',
				[
					'ALL cci 7 43',
					'ALL ela -179.8 53',
					'ALL math -272.7 58',
					'HI ela -210.6 32',
					'HI math -288.4 32',
					'SED cci 6.7 30'
				]
			]
		]);
	});

	it('show the public no group under the suppression size', () => {
		db.$client.prepare('update district set suppression_size = 32').run();
		try {
			const shown = accountabilityView(db, 'public')
				.years.find((v) => v.year === 2023)!
				.schoolReds.flatMap((s) => s.reds.map((r) => `${s.cds} ${r.group.code} ${r.indicator}`));
			// Asian students at International School of Monterey were 31: under 32, not shown.
			expect(shown).not.toContain('27660926118962 AS susp');
			expect(shown).toContain('27660922730240 HI ela');
		} finally {
			db.$client.prepare('update district set suppression_size = 11').run();
		}
	});
});
