import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { districtTestDb, testDb } from '../testing.ts';
import { importFile } from '../imports/index.ts';
import { measures } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import { schoolYears } from '../db/schema/district.ts';
import { eventNotes, seriesBreaks } from '../db/schema/context.ts';
import { auditLog } from '../db/schema/audit.ts';
import { priorityResults } from '../priorities/summary.ts';
import { seedSmallDistrict } from '../priorities/fixture.ts';
import { createBreak } from './breaks.ts';
import { eventNoteRows } from '../opendata/context-tables.ts';
import { datasetByName } from '../opendata/datasets.ts';
import { chartNotes, createNote, listNotes, publicNotes } from './notes.ts';

const actor = { id: 'u1', email: 'staff@example.org' };
// The state's own files for Monterey County (read-only, beside the checkout: ../shared/data).
const shared = (file: string) => resolve('../shared/data/ca-dashboard', file);

describe('breaks in a series, on the real Monterey Peninsula Unified files', () => {
	it('computes no change across the 2019-20 and 2020-21 gap and says why', async () => {
		const db = districtTestDb();
		for (const file of [
			'2018/eladownload2018.txt',
			'2022/eladownload2022.txt',
			'2023/eladownload2023.txt'
		])
			await importFile(db, shared(file), file.split('/')[1], actor);
		db.insert(priorities)
			.values({ id: 1, slug: 'reading', title: 'Reading', status: 'active' })
			.run();
		db.update(measures).set({ priorityId: 1 }).where(eq(measures.code, 'ela')).run();
		const ela = priorityResults(db, 'reading')!.measures[0];
		// ../shared/data/README.md: ELA −35.6 (2017-18), −34.1 (2022, i.e. 2021-22), −34.3 (2022-23).
		expect(ela.series.map((r) => [r.year, r.value])).toEqual([
			['2017-18', -35.6],
			['2021-22', -34.1],
			['2022-23', -34.3]
		]);
		// The change runs from 2021-22, the first year comparable with 2022-23, never from 2017-18.
		expect(ela.change).toEqual({
			from: '2021-22',
			to: '2022-23',
			improvement: expect.closeTo(-0.2, 5)
		});
		expect(ela.notComparable?.year).toBe('2017-18');
		expect(ela.notComparable?.reasons[0].reason).toMatch(/no Dashboard for 2019-20 and 2020-21/);
		expect(ela.summary).not.toMatch(/than in 2017-18|since 2017-18/);
		expect(ela.summary).toMatch(/not comparable with 2017-18/);
		// The chart gets the breaks to draw the gap and the mark.
		expect(ela.breaks.filter((b) => b.kind === 'gap').map((b) => b.missing)).toEqual([
			[2019, 2020]
		]);
	});

	it('refuses a district break on a measure with no results, and records one on a measure with results', () => {
		const db = testDb();
		seedSmallDistrict(db);
		db.insert(measures)
			.values({
				id: 9,
				code: 'walkthroughs',
				name: 'Walkthroughs',
				unit: 'count',
				direction: 'higher'
			})
			.run();
		const refused = createBreak(db, actor, {
			measureId: '9',
			schoolYearId: '2',
			reason: 'A new rubric'
		});
		expect(refused).toEqual({
			ok: false,
			errors: {
				measureId: [
					'Walkthroughs has no results yet: a break separates results, so record it once there are some.'
				]
			}
		});
		const noReason = createBreak(db, actor, { measureId: '1', schoolYearId: '2', reason: ' ' });
		expect(noReason.ok).toBe(false);
		expect(db.select().from(seriesBreaks).all()).toHaveLength(0);
		const saved = createBreak(db, actor, {
			measureId: '1',
			schoolYearId: '2',
			reason: 'the district moved to a new reading assessment'
		});
		expect(saved.ok).toBe(true);
		const ela = priorityResults(db, 'literacy')!.measures[0];
		// The small district's two years now sit on either side of the break: no change between them.
		expect(ela.change).toBeNull();
		expect(ela.notComparable).toEqual({
			year: '2022-23',
			reasons: [
				{
					reason: 'the district moved to a new reading assessment',
					reasonEs: 'the district moved to a new reading assessment'
				}
			]
		});
	});
});

describe('event notes', () => {
	function seeded() {
		const db = testDb();
		seedSmallDistrict(db);
		return db;
	}

	it('refuses a note dated outside every school year of the district, saving nothing', () => {
		const db = seeded();
		// The small district's years are 2022-23 and 2023-24: 1 July 2022 to 30 June 2024.
		const refused = createNote(db, actor, { happenedOn: '2024-07-01', text: 'A fire' });
		expect(refused).toEqual({
			ok: false,
			errors: {
				happenedOn: [
					"2024-07-01 falls in 2024-25, which is not one of the district's school years (2022-23 to 2023-24)."
				]
			}
		});
		expect(createNote(db, actor, { happenedOn: '2023-02-30', text: 'x' }).ok).toBe(false);
		expect(createNote(db, actor, { happenedOn: '2023-02-03', text: '' }).ok).toBe(false);
		expect(
			createNote(db, actor, { happenedOn: '2023-02-03', text: 'x', schoolId: '1', priorityId: '1' })
		).toEqual({
			ok: false,
			errors: {
				priorityId: ['A note is for one school or one priority, not both: leave one empty.']
			}
		});
		expect(db.select().from(eventNotes).all()).toHaveLength(0);
	});

	it('keeps an internal note off the public charts and the open data, and audits every note', () => {
		const db = seeded();
		const district = createNote(db, actor, {
			happenedOn: '2023-03-14',
			text: "Teachers' strike, 12 days"
		});
		const school = createNote(db, actor, {
			happenedOn: '2023-08-21',
			text: 'New principal',
			textEs: 'Nueva directora',
			schoolId: '1'
		});
		const internal = createNote(db, actor, {
			happenedOn: '2023-10-02',
			text: 'Board retreat on reading results',
			priorityId: '1',
			internal: 'on'
		});
		expect([district.ok, school.ok, internal.ok]).toEqual([true, true, true]);
		const audited = db.select().from(auditLog).where(eq(auditLog.entity, 'event_note')).all();
		expect(audited).toHaveLength(3);

		const publicChart = chartNotes(db, { priorityId: 1 }, { internal: false });
		expect(publicChart.map((n) => n.text)).toEqual(["Teachers' strike, 12 days"]);
		const boardChart = chartNotes(db, { priorityId: 1 }, { internal: true });
		expect(boardChart.map((n) => n.text)).toEqual([
			"Teachers' strike, 12 days",
			'Board retreat on reading results'
		]);
		const schoolChart = chartNotes(db, { schoolId: 1 }, { internal: false });
		expect(schoolChart.map((n) => n.text)).toEqual(["Teachers' strike, 12 days", 'New principal']);
		expect(publicNotes(db).map((n) => n.note)).toEqual([
			"Teachers' strike, 12 days",
			'New principal'
		]);
		expect(eventNoteRows(db).map((n) => n.note)).toEqual([
			"Teachers' strike, 12 days",
			'New principal'
		]);
		expect(JSON.stringify(datasetByName('event-notes')!.rows(db, {}))).not.toContain('retreat');
		expect(listNotes(db).total).toBe(3);
		expect(db.select().from(schoolYears).all()).toHaveLength(2);
	});
});
