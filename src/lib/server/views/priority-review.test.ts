import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { checkIns } from '../db/schema/implementation.ts';
import { engagements, leaderTenures } from '../db/schema/leadership.ts';
import { boardMeetings, progressUpdates, progressUpdateVersions } from '../db/schema/meetings.ts';
import { measures } from '../db/schema/measures.ts';
import { structurePriorities, structures } from '../db/schema/structures.ts';
import { boardSignals } from './signals.ts';
import { signalContext } from '../throughline/context.ts';
import { seedSmallDistrict } from '../priorities/fixture.ts';
import { priorityReview } from './priority-review.ts';
import { boardPriority } from '../priorities/summary.ts';
import { priorityPage } from './public-summary.ts';

let db: DbFile;
const today = '2024-06-15';
const context = () => {
	const context = { ...signalContext(db), today };
	return { context, signals: boardSignals(db, context) };
};

/**
 * The small district (priority 1 "literacy", active, with an ELA measure; priority 2 "old",
 * retired), plus: a site-discretion structure carrying priority 1 with check-ins at both schools,
 * a required structure carrying priority 2 only, a sponsor, an engagement, and a shared update.
 */
beforeEach(() => {
	db = testDb();
	seedSmallDistrict(db);
	db.insert(structures)
		.values([
			{
				id: 1,
				name: 'Literacy coaching',
				category: 'people',
				authority: 'discretionary',
				origin: 'new'
			},
			{
				id: 2,
				name: 'Old routine',
				category: 'routines',
				authority: 'required',
				origin: 'repurposed'
			}
		])
		.run();
	db.insert(structurePriorities)
		.values([
			{ structureId: 1, priorityId: 1 },
			{ structureId: 2, priorityId: 2 }
		])
		.run();
	db.insert(checkIns)
		.values([
			{ schoolId: 1, structureId: 1, schoolYearId: 2, depth: 4 },
			{ schoolId: 2, structureId: 1, schoolYearId: 2, depth: 2, adaptation: 'Coaching cycles' }
		])
		.run();
	db.insert(measures)
		.values({
			id: 2,
			code: 'old',
			priorityId: 2,
			name: 'Old measure',
			unit: 'percent',
			direction: 'higher'
		})
		.run();
	db.insert(leaderTenures)
		.values({ role: 'sponsor', personName: 'Ana Ruiz', priorityId: 1, startedOn: '2022-07-01' })
		.run();
	db.insert(engagements)
		.values({
			priorityId: 1,
			leaderName: 'Ana Ruiz',
			kind: 'walkthrough',
			occurredOn: '2024-06-01'
		})
		.run();
	db.insert(boardMeetings).values({ id: 2, heldOn: '2024-06-10', title: 'June meeting' }).run();
	db.insert(progressUpdates).values({ id: 2, priorityId: 1, meetingId: 2 }).run();
	db.insert(progressUpdateVersions)
		.values({
			updateId: 2,
			version: 1,
			state: 'shared',
			status: 'on track',
			summary: 'Shared summary'
		})
		.run();
});
afterEach(() => db.$client.close());

describe('boardPriority', () => {
	it('gives each measure its trend and standing against target', () => {
		const p = boardPriority(db, 'literacy');
		expect(p?.isPublic).toBe(true);
		expect(p?.measures.map((m) => [m.name, m.standing.text])).toEqual([
			['ELA distance from standard', 'behind target by 3.1 points']
		]);
		expect(p?.measures[0].series.map((s) => s.value)).toEqual([-40, -33.1]);
	});

	it('returns a retired priority to the board, marked as not public', () => {
		expect(priorityPage(db, 'old')).toBeNull();
		const p = boardPriority(db, 'old');
		expect(p?.priority.title).toBe('A retired priority');
		expect(p?.isPublic).toBe(false);
		expect(p?.measures.map((m) => m.name)).toEqual(['Old measure']);
	});

	it('is null for an unknown slug', () => {
		expect(boardPriority(db, 'no-such-priority')).toBeNull();
	});
});

describe('priorityReview', () => {
	it('gathers the scale profile, carriers, leadership and updates of one priority', () => {
		const r = priorityReview(db, 'literacy', context());
		expect(r?.scale.priority.id).toBe(1);
		expect(r?.scale.structures).toEqual([{ id: 1, name: 'Literacy coaching', required: false }]);
		// 2023-24: one of two schools at 3+, mean depth 3, one school adapted the structure.
		expect(r?.scale.years.map((y) => [y.label, y.schools, y.spread, y.depth, y.ownership])).toEqual(
			[
				['2022-23', 0, null, null, null],
				['2023-24', 2, 0.5, 3, 0.5]
			]
		);
		expect(r?.carriers.structures.map((s) => s.name)).toEqual(['Literacy coaching']);
		expect(r?.leadership.sponsors.map((s) => s.personName)).toEqual(['Ana Ruiz']);
		expect(r?.leadership.daysSinceLast).toBe(14);
		expect(r?.updates.rows.map((u) => [u.meetingDate, u.state, u.summary])).toEqual([
			['2024-06-10', 'shared', 'Shared summary'],
			['2024-05-01', 'published', 'Published summary']
		]);
	});

	it('never lists a draft update', () => {
		expect(JSON.stringify(priorityReview(db, 'literacy', context()))).not.toContain(
			'Draft summary text'
		);
	});

	it('shows the signals about the priority and its structures, not another priority’s', () => {
		const keys = priorityReview(db, 'literacy', context())?.signals.map((s) => s.key);
		expect(keys).toEqual(
			expect.arrayContaining(['influence-only:1', 'structure-without-policy:1'])
		);
		expect(keys).not.toContain('structure-without-policy:2');
		expect(keys?.every((k) => k.endsWith(':1'))).toBe(true);
	});

	it('is null for an unknown slug', () => {
		expect(priorityReview(db, 'nothing-here', context())).toBeNull();
	});
});
