// The state's colors and levels reach the public pages (issue 14, item 5), tried on the real
// Monterey Peninsula Unified files: 2022 was status only, 2023 has colors and change levels.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { testDb } from '../testing.ts';
import { importFile } from '../imports/index.ts';
import { priorityPage } from '../views/public-summary.ts';
import { schoolResults } from '../schools/queries.ts';
import { stateLevelsOf, toPublicResult } from '../results/suppression.ts';
import { changeLevelWord, statusLevelWord } from '../../state-dashboard.ts';

const data = resolve('../shared/data/ca-dashboard');
const actor = { id: 'u1', email: 'staff@example.org' };

async function mpusdWithEla() {
	const db = testDb();
	db.$client
		.prepare('INSERT INTO district (name, cds_code) VALUES (?, ?)')
		.run('Monterey Peninsula Unified', '27660920000000');
	for (const year of ['2022', '2023'])
		await importFile(db, `${data}/${year}/eladownload${year}.txt`, `eladownload${year}.txt`, actor);
	db.$client
		.prepare(
			"INSERT INTO priority (slug, title, description, sponsor, status) VALUES ('ela', 'Reading', 'Read well', 'Superintendent', 'active')"
		)
		.run();
	db.$client.prepare("UPDATE measure SET priority_id = 1 WHERE code = 'ela'").run();
	return db;
}

describe('the state’s colors and levels on the public pages', () => {
	it('the district series carries 2022-23’s color and levels; 2021-22 says status only', async () => {
		const db = await mpusdWithEla();
		const page = priorityPage(db, 'ela')!;
		const ela = page.measures[0];
		const [y2021, y2022] = ela.series;
		expect(y2021).toMatchObject({ year: '2021-22', value: -34.1 });
		expect(y2021.state).toMatchObject({ color: null, colorMissing: 'status-only' });
		expect(y2022).toMatchObject({ year: '2022-23', value: -34.3 });
		expect(y2022.state?.color).toBeGreaterThanOrEqual(1);
		expect(y2022.state?.status).toBeGreaterThanOrEqual(1);
		expect(y2022.state?.change).toBeGreaterThanOrEqual(1);
		expect(page.districtCdsCode).toBe('27660920000000');
		// By group and by school too, never for a suppressed group.
		const groups = ela.groups.flatMap((g) => Object.values(g.byYear));
		expect(groups.some((r) => r.state?.color)).toBe(true);
		expect(groups.filter((r) => r.suppressed).every((r) => r.state === null)).toBe(true);
		expect(ela.schools.some((s) => s.byYear['2022-23']?.state?.color)).toBe(true);
		const school = db.$client.prepare('SELECT id FROM school LIMIT 1').get() as { id: number };
		const bySchool = schoolResults(db, school.id, 11).measures[0];
		expect(bySchool.groups[0].byYear['2022-23']).toHaveProperty('state');
	});

	it('keeps only levels in range; a suppressed result carries none', () => {
		expect(
			stateLevelsOf({ direction: 'higher', stateColor: 0, statusLevel: 0, changeLevel: null })
		).toBeNull();
		expect(stateLevelsOf({ direction: 'lower', stateColor: 2, statusLevel: 7 })).toEqual({
			color: 2,
			status: null,
			change: null,
			colorMissing: null,
			direction: 'lower'
		});
		expect(
			toPublicResult(
				{
					value: 1,
					n: 5,
					studentGroup: 'EL',
					direction: 'higher',
					stateColor: 3,
					statusLevel: 3
				},
				11
			).state
		).toBeNull();
	});
});

describe("the state's words on a real district's page", () => {
	it('chronic absenteeism and suspension read the way the state words them (MPUSD, 2023)', async () => {
		const db = testDb();
		db.$client
			.prepare('INSERT INTO district (name, cds_code) VALUES (?, ?)')
			.run('Monterey Peninsula Unified', '27660920000000');
		for (const file of ['chronicdownload2023.txt', 'suspdownload2023.txt'])
			await importFile(db, `${data}/2023/${file}`, file, actor);
		db.$client
			.prepare(
				"INSERT INTO priority (slug, title, description, sponsor, status) VALUES ('here', 'Here every day', 'Attend', 'Superintendent', 'active')"
			)
			.run();
		db.$client
			.prepare("UPDATE measure SET priority_id = 1 WHERE code IN ('chronic', 'susp')")
			.run();
		const page = priorityPage(db, 'here')!;
		const latest = (code: string) => {
			const measure = page.measures.find((x) => x.code === code)!;
			return measure.series.find((s) => s.year === '2022-23')!;
		};
		// From STATE-FILES.md, read off chronicdownload2023.txt and suspdownload2023.txt by hand.
		const chronic = latest('chronic');
		expect(chronic.value).toBe(26.7);
		expect(chronic.state).toMatchObject({ color: 2, status: 1, change: 4, direction: 'lower' });
		expect(statusLevelWord(chronic.state!.status!, chronic.state!.direction!, 'en')).toBe(
			'Very High'
		);
		expect(changeLevelWord(chronic.state!.change!, chronic.state!.direction!, 'en')).toBe(
			'Declined'
		);
		const susp = latest('susp');
		expect(susp.value).toBe(3.7);
		expect(susp.state).toMatchObject({ color: 2, status: 3, change: 1, direction: 'lower' });
		expect(changeLevelWord(susp.state!.change!, susp.state!.direction!, 'en')).toBe(
			'Increased Significantly'
		);
		expect(changeLevelWord(susp.state!.change!, susp.state!.direction!, 'es')).toBe(
			'Aumentó considerablemente'
		);
	});
});
