import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { district, schools } from '../db/schema/district.ts';
import { structures } from '../db/schema/structures.ts';
import { feedbackItems } from '../db/schema/feedback.ts';
import { auditLog } from '../db/schema/audit.ts';
import {
	closeLoop,
	createFeedback,
	feedbackInput,
	listFeedback,
	LoopError,
	loopDays,
	loopsPerMonth,
	responseInput,
	summarizeLoops
} from './feedback.ts';
import { feedbackSignals } from './signals.ts';

const actor = { id: null, email: 'staff@example.org' };
let db: DbFile;
beforeEach(() => {
	db = testDb();
	db.insert(district)
		.values({ id: 1, name: 'T', cdsCode: '01234560000000', feedbackOpenDays: 30 })
		.run();
	db.insert(schools)
		.values([
			{ id: 1, cdsCode: '01234560000001', name: 'Alder Elementary' },
			{ id: 2, cdsCode: '01234560000002', name: 'Birch Middle' }
		])
		.run();
	db.insert(structures)
		.values([
			{ id: 1, name: 'Coaching', category: 'people', authority: 'required', origin: 'new' },
			{ id: 2, name: 'PLC time', category: 'time', authority: 'required', origin: 'repurposed' }
		])
		.run();
});
afterEach(() => db.$client.close());

function add(schoolId: number, structureId: number, reportedOn: string, respondedOn?: string) {
	const id = createFeedback(db, actor, {
		schoolId,
		structureId,
		kind: 'barrier',
		summary: 's',
		source: 'principal meeting',
		reportedOn
	});
	if (respondedOn) closeLoop(db, actor, id, { response: 'r', respondedOn });
	return id;
}

describe('feedback loops', () => {
	it('measure time to close in days, median and mean', () => {
		add(1, 1, '2025-01-01', '2025-01-11'); // 10
		add(1, 2, '2025-01-20', '2025-02-19'); // 30
		add(2, 1, '2025-02-01', '2025-02-05'); // 4
		add(2, 2, '2025-02-28', '2025-03-01'); // 1
		add(2, 2, '2025-05-01'); // open 45 days on 15 June
		add(1, 1, '2025-06-01'); // open 14 days
		const rows = db.select().from(feedbackItems).all();
		expect(rows.map((r) => loopDays(r, '2025-06-15'))).toEqual([10, 30, 4, 1, 45, 14]);
		expect(summarizeLoops(rows, '2025-06-15', 30)).toEqual({
			total: 6,
			open: 2,
			closed: 4,
			medianDaysToClose: 7,
			meanDaysToClose: 11.3,
			openTooLong: 1
		});
		expect(summarizeLoops([], '2025-06-15', 30).medianDaysToClose).toBeNull();
	});

	it('counts loops opened and closed per month, quiet months included', () => {
		add(1, 1, '2025-01-01', '2025-01-11');
		add(1, 2, '2025-01-20', '2025-03-19');
		add(2, 1, '2025-04-01');
		expect(loopsPerMonth(db.select().from(feedbackItems).all())).toEqual([
			{ month: '2025-01', opened: 2, closed: 1 },
			{ month: '2025-02', opened: 0, closed: 0 },
			{ month: '2025-03', opened: 0, closed: 1 },
			{ month: '2025-04', opened: 1, closed: 0 }
		]);
	});

	it('filters by structure, school and state', () => {
		add(1, 1, '2025-01-01', '2025-01-11');
		add(1, 2, '2025-01-20');
		add(2, 1, '2025-02-01');
		expect(listFeedback(db, { structureId: 1 }).map((r) => r.schoolName)).toEqual([
			'Birch Middle',
			'Alder Elementary'
		]);
		expect(listFeedback(db, { schoolId: 1, state: 'open' }).map((r) => r.structureName)).toEqual([
			'PLC time'
		]);
		expect(listFeedback(db, { state: 'closed' })).toHaveLength(1);
	});

	it('signals open loops older than the setting', () => {
		add(1, 1, '2025-05-01');
		add(1, 1, '2025-05-20');
		const settings = db.select().from(district).get()!;
		expect(feedbackSignals(db, { settings, today: '2025-06-15' })).toMatchObject([
			{ key: 'feedback-open', message: expect.stringContaining('1 feedback loop has') }
		]);
		expect(
			feedbackSignals(db, { settings: { ...settings, feedbackOpenDays: 60 }, today: '2025-06-15' })
		).toEqual([]);
	});

	it('refuses a response before the report, saving nothing', () => {
		const id = add(1, 1, '2025-05-01');
		const before = db.select().from(auditLog).all().length;
		expect(() => closeLoop(db, actor, id, { response: 'r', respondedOn: '2025-04-01' })).toThrow(
			LoopError
		);
		expect(listFeedback(db)[0].respondedOn).toBeNull();
		expect(db.select().from(auditLog).all()).toHaveLength(before);
	});

	it('refuses invalid input with clear messages', () => {
		const r = feedbackInput.safeParse({
			schoolId: '',
			structureId: 'x',
			kind: 'rant',
			summary: '',
			reportedOn: 'yesterday'
		});
		expect(r.success).toBe(false);
		expect(Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
			schoolId: 'Choose the school.',
			structureId: 'Choose the structure.',
			kind: 'Choose a barrier, a need or a bright spot.',
			summary: 'Say what the school reported.',
			reportedOn: 'Enter the date it was reported as YYYY-MM-DD.'
		});
		expect(responseInput.safeParse({ response: '', respondedOn: '2025-01-01' }).success).toBe(
			false
		);
	});
});
