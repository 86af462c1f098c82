// Measures of one student group (issue 29, item 2). The state's English learner progress file has
// rows for English learners only, never "all students": its measure belongs to that group. The
// figures are read by hand off ../shared/data/ca-dashboard/{2022,2023}/elpidownload*.txt for
// Monterey Peninsula Unified (27660920000000): 48.6 % in 2021-22 (923 of 1,898) and 46.4 % in
// 2022-23 (916 of 1,973).
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { testDb } from '../testing.ts';
import { importFile } from '../imports/index.ts';
import { priorityPage, publicSummary } from '../views/public-summary.ts';
import { getMeasure, updateMeasure } from '../throughline/measures.ts';
import { evidenceFor } from '../meetings/evidence.ts';

const data = resolve('../shared/data/ca-dashboard');
const actor = { id: 'u1', email: 'staff@example.org' };

async function mpusd(files: string[]) {
	const db = testDb();
	db.$client
		.prepare('INSERT INTO district (name, cds_code) VALUES (?, ?)')
		.run('Monterey Peninsula Unified', '27660920000000');
	for (const f of files) await importFile(db, `${data}/${f}`, f.split('/')[1], actor);
	db.$client
		.prepare(
			"INSERT INTO priority (slug, title, description, sponsor, status) VALUES ('el', 'English learners thrive', 'Progress in English', 'Superintendent', 'active')"
		)
		.run();
	return db;
}

describe('a measure of one student group', () => {
	it('English learner progress belongs to English learners and reads their values everywhere', async () => {
		const db = await mpusd(['2022/elpidownload2022.txt', '2023/elpidownload2023.txt']);
		const elpi = db.$client
			.prepare("SELECT id, student_group AS studentGroup FROM measure WHERE code = 'elpi'")
			.get() as { id: number; studentGroup: string };
		expect(elpi.studentGroup).toBe('EL');
		db.$client
			.prepare('UPDATE measure SET priority_id = 1, headline = 1 WHERE id = ?')
			.run(elpi.id);

		const page = priorityPage(db, 'el')!;
		const m = page.measures[0];
		expect(m.studentGroup).toBe('EL');
		expect(m.series.map((s) => [s.year, s.value])).toEqual([
			['2021-22', 48.6],
			['2022-23', 46.4]
		]);
		expect(m.standing.kind).not.toBe('no-results');
		expect(page.measures[0].years).toEqual(['2021-22', '2022-23']);
		// The home page's headline reads the same.
		const headline = publicSummary(db).active[0].headline!;
		expect(headline.series.at(-1)?.value).toBe(46.4);
		// The meeting's evidence too.
		expect(evidenceFor(db, [elpi.id])[0].points.map((p) => p.value)).toEqual([48.6, 46.4]);

		// A target set for "all students" on the form is the measure's own group's target.
		const measure = getMeasure(db, elpi.id)!;
		const saved = updateMeasure(db, actor, elpi.id, {
			name: measure.name,
			code: 'elpi',
			unit: 'percent',
			direction: 'higher',
			kind: 'outcome',
			studentGroup: 'EL',
			priorityId: '1',
			targetYear: ['2023-24'],
			targetValue: ['50'],
			targetGroup: ['ALL']
		});
		if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
		expect(getMeasure(db, elpi.id)!.targets.map((t) => [t.label, t.studentGroup, t.value])).toEqual(
			[['2023-24', 'EL', 50]]
		);
		const after = priorityPage(db, 'el')!.measures[0];
		expect(after.targets.map((t) => t.value)).toEqual([50]);
		// 46.4 in 2022-23; the 2023-24 target of 50.0 % is 3.6 points above it, said neutrally.
		expect(after.standing).toMatchObject({
			kind: 'next-target',
			next: { year: '2023-24', value: 50, relation: 'above' },
			gap: 3.6
		});
	});

	it('a measure of all students with only group rows says so, not "no results yet"', async () => {
		const db = await mpusd(['2023/elpidownload2023.txt']);
		db.$client
			.prepare("UPDATE measure SET priority_id = 1, student_group = 'ALL' WHERE code = 'elpi'")
			.run();
		const m = priorityPage(db, 'el')!.measures[0];
		expect(m.series).toEqual([]);
		expect(m.standing).toMatchObject({ kind: 'no-results', groupsOnly: true });
	});

	it('refuses a test-taker category or an unknown code as the measure’s group', async () => {
		const db = await mpusd(['2023/eladownload2023.txt']);
		const ela = getMeasure(
			db,
			(db.$client.prepare("SELECT id FROM measure WHERE code = 'ela'").get() as { id: number }).id
		)!;
		for (const group of ['SBA', 'NOPE']) {
			const refused = updateMeasure(db, actor, ela.id, {
				name: ela.name,
				code: 'ela',
				unit: 'points',
				direction: 'higher',
				kind: 'outcome',
				studentGroup: group
			});
			expect(refused.ok).toBe(false);
			if (!refused.ok)
				expect(refused.errors.studentGroup).toEqual(['Choose a student group from the list.']);
		}
		expect(getMeasure(db, ela.id)!.studentGroup).toBe('ALL');
	});
});
