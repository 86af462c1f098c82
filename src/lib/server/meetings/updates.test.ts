import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { createMeeting } from './meetings.ts';
import {
	boardUpdatesOfPriority,
	latestPublishedByPriority,
	latestPublishedUpdate,
	publishedUpdates,
	publishUpdate,
	saveUpdate,
	shareUpdate,
	updateInput,
	versionsOf,
	visibleVersions,
	WorkflowError,
	type UpdateInput
} from './updates.ts';
import {
	answerQuestion,
	askQuestion,
	questionsOfMeeting,
	unansweredOlderThan
} from './questions.ts';
import { boardMember, seedMeetingsDistrict, staff, superintendent } from './fixture.ts';
import { boardQuestions } from '../db/schema/meetings.ts';
import { eq } from 'drizzle-orm';

let db: DbFile;
let meeting: number;
beforeEach(() => {
	db = testDb();
	seedMeetingsDistrict(db);
	meeting = createMeeting(db, staff, {
		heldOn: '2025-03-01',
		kind: 'regular',
		title: '',
		location: null
	});
});
afterEach(() => db.$client.close());

const input = (summary: string): UpdateInput =>
	updateInput.parse({
		status: 'watch',
		summary,
		narrative: 'n',
		learned: 'l',
		evidenceMeasureIds: []
	});

describe('the progress update workflow', () => {
	it('goes draft → shared → published, and the board never reads a draft', () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first draft'));
		expect(versionsOf(db, updateId).map((v) => v.state)).toEqual(['draft']);
		expect(visibleVersions(versionsOf(db, updateId), false)).toEqual([]);
		expect(publishedUpdates(db)).toEqual([]);

		shareUpdate(db, staff, updateId);
		expect(visibleVersions(versionsOf(db, updateId), false).map((v) => v.state)).toEqual([
			'shared'
		]);
		expect(publishedUpdates(db)).toEqual([]);

		// Editing a shared version changes it in place.
		saveUpdate(db, staff, 1, meeting, input('shared, edited'));
		expect(versionsOf(db, updateId)).toHaveLength(1);

		publishUpdate(db, superintendent, updateId);
		const pub = latestPublishedUpdate(db, 1)!;
		expect(pub).toMatchObject({
			summary: 'shared, edited',
			version: 1,
			status: 'watch',
			priorityId: 1
		});
		expect(Object.keys(pub)).not.toEqual(expect.arrayContaining(['state']));
		expect(pub).not.toHaveProperty('state');
		expect(pub).not.toHaveProperty('authorId');
		expect(pub).not.toHaveProperty('publishedBy');
	});

	it('keeps the published text when edited after publishing: a new draft version', () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('v1'));
		publishUpdate(db, superintendent, updateId);
		const second = saveUpdate(db, staff, 1, meeting, input('v2 draft'));
		expect(second.version).toBe(2);
		expect(versionsOf(db, updateId).map((v) => [v.version, v.state, v.summary])).toEqual([
			[2, 'draft', 'v2 draft'],
			[1, 'published', 'v1']
		]);
		// The public and the board still read v1; the board reads it in the history.
		expect(latestPublishedUpdate(db, 1)!.summary).toBe('v1');
		expect(visibleVersions(versionsOf(db, updateId), false).map((v) => v.version)).toEqual([1]);

		publishUpdate(db, superintendent, updateId);
		expect(latestPublishedUpdate(db, 1)!.summary).toBe('v2 draft');
		expect(publishedUpdates(db, { limit: 10 })).toHaveLength(1);
		expect(visibleVersions(versionsOf(db, updateId), false).map((v) => v.version)).toEqual([2, 1]);
	});

	it('refuses to publish what is already published, or share a non-draft', () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('v1'));
		publishUpdate(db, superintendent, updateId);
		expect(() => publishUpdate(db, superintendent, updateId)).toThrow(WorkflowError);
		expect(() => shareUpdate(db, staff, updateId)).toThrow(WorkflowError);
	});

	it('lists published updates per priority, newest meeting first, with a limit', () => {
		const later = createMeeting(db, staff, {
			heldOn: '2025-05-01',
			kind: 'regular',
			title: '',
			location: null
		});
		for (const [p, m, s] of [
			[1, meeting, 'p1 march'],
			[1, later, 'p1 may'],
			[2, meeting, 'p2 march']
		] as const) {
			publishUpdate(db, superintendent, saveUpdate(db, staff, p, m, input(s)).updateId);
		}
		saveUpdate(db, staff, 2, later, input('p2 may draft'));
		expect(publishedUpdates(db, {}).map((u) => u.summary)).toEqual([
			'p1 may',
			'p1 march',
			'p2 march'
		]);
		expect(publishedUpdates(db, { priorityId: 2 }).map((u) => u.summary)).toEqual(['p2 march']);
		expect(publishedUpdates(db, { priorityIds: [2] }).map((u) => u.summary)).toEqual(['p2 march']);
		expect(publishedUpdates(db, { priorityIds: [] })).toEqual([]);
		expect([...latestPublishedByPriority(db, [1, 2]).values()].map((u) => u.summary)).toEqual([
			'p1 may',
			'p2 march'
		]);
		expect(publishedUpdates(db, { limit: 1 }).map((u) => u.summary)).toEqual(['p1 may']);
		expect(latestPublishedUpdate(db, 2)!.meetingDate).toBe('2025-03-01');
	});

	it('audits each step', () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('v1'));
		shareUpdate(db, staff, updateId);
		publishUpdate(db, superintendent, updateId);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((e) => e.action)
		).toEqual(['create', 'create', 'create', 'share', 'publish']);
	});

	it('refuses an update without a summary or with a bad status', () => {
		const r = updateInput.safeParse({ status: 'great', summary: ' ' });
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => i.message)).toEqual([
			'Choose on track, watch or off track.',
			'Write a one-line summary.'
		]);
	});
});

describe('board questions', () => {
	it('can be asked only once the update is shared, and answered by staff', () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('v1'));
		expect(() => askQuestion(db, boardMember, updateId, 'Why?')).toThrow(WorkflowError);
		shareUpdate(db, staff, updateId);
		const q = askQuestion(db, boardMember, updateId, 'Why?');
		expect(questionsOfMeeting(db, meeting)).toMatchObject([
			{
				id: q,
				question: 'Why?',
				askedByName: 'Bo Board',
				answer: null,
				priorityTitle: 'Early literacy'
			}
		]);
		answerQuestion(db, staff, q, 'Because.');
		expect(questionsOfMeeting(db, meeting)[0].answer).toBe('Because.');
	});

	it('counts unanswered questions older than 14 days', () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('v1'));
		shareUpdate(db, staff, updateId);
		const old = askQuestion(db, boardMember, updateId, 'old');
		const recent = askQuestion(db, boardMember, updateId, 'recent');
		const answeredOld = askQuestion(db, boardMember, updateId, 'answered');
		db.update(boardQuestions)
			.set({ askedAt: '2025-05-01T10:00:00.000Z' })
			.where(eq(boardQuestions.id, old))
			.run();
		db.update(boardQuestions)
			.set({ askedAt: '2025-06-10T10:00:00.000Z' })
			.where(eq(boardQuestions.id, recent))
			.run();
		db.update(boardQuestions)
			.set({ askedAt: '2025-05-01T10:00:00.000Z' })
			.where(eq(boardQuestions.id, answeredOld))
			.run();
		answerQuestion(db, staff, answeredOld, 'done');
		expect(unansweredOlderThan(db, '2025-06-15').map((q) => q.id)).toEqual([old]);
	});
});

describe('boardUpdatesOfPriority', () => {
	const meetingOn = (heldOn: string) =>
		createMeeting(db, staff, {
			heldOn,
			kind: 'regular',
			title: `Meeting ${heldOn}`,
			location: null
		});

	it('lists what the board may read, newest meeting first: shared and published, never a draft', () => {
		const april = meetingOn('2025-04-01');
		const may = meetingOn('2025-05-01');
		// March: published, then edited into a new draft — the board still reads the published v1.
		const march = saveUpdate(db, staff, 1, meeting, input('march published')).updateId;
		publishUpdate(db, superintendent, march);
		saveUpdate(db, staff, 1, meeting, input('march v2 draft'));
		// April: shared with the board, not published.
		shareUpdate(db, staff, saveUpdate(db, staff, 1, april, input('april shared')).updateId);
		// May: a draft only — not listed.
		saveUpdate(db, staff, 1, may, input('may draft'));
		// Another priority's update is not listed.
		shareUpdate(db, staff, saveUpdate(db, staff, 2, may, input('math shared')).updateId);

		const { rows, total } = boardUpdatesOfPriority(db, 1);
		expect(rows.map((u) => [u.meetingDate, u.state, u.version, u.summary])).toEqual([
			['2025-04-01', 'shared', 1, 'april shared'],
			['2025-03-01', 'published', 1, 'march published']
		]);
		expect(total).toBe(2);
		expect(rows[0]).toMatchObject({ meetingId: april, meetingTitle: 'Meeting 2025-04-01' });
		expect(JSON.stringify(rows)).not.toContain('draft');
	});

	it('shows the newest version once it is shared again after publishing', () => {
		const id = saveUpdate(db, staff, 1, meeting, input('v1')).updateId;
		publishUpdate(db, superintendent, id);
		saveUpdate(db, staff, 1, meeting, input('v2'));
		shareUpdate(db, staff, id);
		expect(boardUpdatesOfPriority(db, 1).rows.map((u) => [u.version, u.state])).toEqual([
			[2, 'shared']
		]);
	});

	it('keeps the newest few and counts them all', () => {
		for (const day of ['2025-04-01', '2025-05-01', '2025-06-01']) {
			const m = meetingOn(day);
			publishUpdate(db, superintendent, saveUpdate(db, staff, 1, m, input(day)).updateId);
		}
		const { rows, total } = boardUpdatesOfPriority(db, 1, 2);
		expect(rows.map((u) => u.summary)).toEqual(['2025-06-01', '2025-05-01']);
		expect(total).toBe(3);
		expect(boardUpdatesOfPriority(db, 2)).toEqual({ rows: [], total: 0 });
	});
});
