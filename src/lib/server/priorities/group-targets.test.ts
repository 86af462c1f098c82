// Targets per student group (issue 14, item 7): set with the measure, shown with the group's
// standing in the public by-group table, never mixed into the district's own targets.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { testDb } from '../testing.ts';
import { importFile } from '../imports/index.ts';
import { priorityPage } from '../views/public-summary.ts';
import { getMeasure, updateMeasure } from '../throughline/measures.ts';
import { presentation } from '../meetings/presentation.ts';
import { groupTargetSeries } from '../../charts/group-targets.ts';

const data = resolve('../shared/data/ca-dashboard');
const actor = { id: 'u1', email: 'staff@example.org' };

describe('targets per student group', () => {
	it('keeps a group’s targets apart and gives the group its own standing', async () => {
		process.env.THROUGHLINE_TODAY = '2026-12-01';
		try {
			const db = testDb();
			db.$client
				.prepare('INSERT INTO district (name, cds_code) VALUES (?, ?)')
				.run('Monterey Peninsula Unified', '27660920000000');
			for (const year of ['2022', '2023'])
				await importFile(
					db,
					`${data}/${year}/eladownload${year}.txt`,
					`eladownload${year}.txt`,
					actor
				);
			db.$client
				.prepare(
					"INSERT INTO priority (slug, title, description, sponsor, status) VALUES ('ela', 'Reading', 'Read well', 'Superintendent', 'active')"
				)
				.run();
			const ela = db.$client.prepare("SELECT * FROM measure WHERE code = 'ela'").get() as {
				id: number;
				name: string;
				code: string;
			};
			const base = {
				name: ela.name,
				code: 'ela',
				unit: 'points',
				direction: 'higher',
				kind: 'outcome',
				priorityId: '1'
			};
			const twice = updateMeasure(db, actor, ela.id, {
				...base,
				targetYear: ['2023-24', '2023-24'],
				targetValue: ['-70', '-65'],
				targetGroup: ['EL', 'EL']
			});
			expect(twice.ok).toBe(false);
			if (!twice.ok)
				expect(twice.errors['targets.1'][0]).toBe(
					'There is already a target for English learners for 2023-24.'
				);
			const unknown = updateMeasure(db, actor, ela.id, {
				...base,
				targetYear: ['2023-24'],
				targetValue: ['-70'],
				targetGroup: ['NOPE']
			});
			expect(unknown.ok).toBe(false);

			const saved = updateMeasure(db, actor, ela.id, {
				...base,
				targetYear: ['2023-24', '2023-24', '2026-27'],
				targetValue: ['-30', '-70', '-15'],
				targetGroup: ['ALL', 'EL', 'ALL']
			});
			if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
			expect(getMeasure(db, ela.id)?.targets.map((t) => [t.label, t.studentGroup])).toEqual([
				['2023-24', 'ALL'],
				['2026-27', 'ALL'],
				['2023-24', 'EL']
			]);
			const page = priorityPage(db, 'ela')!;
			const m = page.measures[0];
			// The district's targets are only its own.
			expect(m.targets.map((t) => t.value)).toEqual([-30, -15]);
			const el = m.groups.find((g) => g.code === 'EL')!;
			// English learners: −76.6 in 2022-23; their 2023-24 target of −70 is 6.6 points above it
			// (said, not graded: 2022-23 has no target of its own).
			expect(el.standing).toMatchObject({
				kind: 'next-target',
				gap: 6.6,
				next: { year: '2023-24', value: -70, relation: 'above' }
			});
			expect(m.groups.find((g) => g.code === 'AS')?.standing).toBeUndefined();
			// The chart's own series for the group: its one target, under the group's names.
			expect(m.groupTargets).toEqual([
				{
					code: 'EL',
					name: 'English learners',
					nameEs: 'Estudiantes de inglés',
					targets: [{ year: '2023-24', startYear: 2023, value: -70 }]
				}
			]);
			expect(groupTargetSeries(m.groupTargets, 'en').map((g) => [g.label, g.points])).toEqual([
				['Target for English learners', [{ year: '2023-24', value: -70 }]]
			]);
			expect(groupTargetSeries(m.groupTargets, 'es')[0].label).toBe(
				'Meta para Estudiantes de inglés'
			);
			// The meeting's slide carries it too, with the year on the chart.
			db.$client
				.prepare(
					"INSERT INTO board_meeting (held_on, kind, title) VALUES ('2026-11-18', 'regular', '')"
				)
				.run();
			db.$client.prepare('UPDATE measure SET headline = 1 WHERE id = ?').run(ela.id);
			const slide = presentation(db, 1)!.slides.find((s) => s.kind === 'priority');
			if (slide?.kind !== 'priority' || !slide.trend) throw new Error('no priority slide');
			expect(slide.trend.groupTargets).toEqual([
				{
					name: 'English learners',
					nameEs: 'Estudiantes de inglés',
					targets: [{ year: '2023-24', value: -70 }]
				}
			]);
			expect(slide.trend.points.map((p) => p.schoolYear)).toContain('2023-24');
		} finally {
			delete process.env.THROUGHLINE_TODAY;
		}
	});
});
