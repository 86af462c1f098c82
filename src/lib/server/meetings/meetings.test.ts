import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import {
	addAgendaItem,
	agendaItemInput,
	checkedAgendaItem,
	checkedDuePriorities,
	createMeeting,
	meetingInput,
	monitoringCalendarOf,
	schoolYearOf,
	setDuePriorities,
	timeShareOf,
	timeSharePerMeeting,
	timeSharePerYear
} from './meetings.ts';
import { publishUpdate, saveUpdate, type UpdateInput } from './updates.ts';
import { meetingSignals } from './signals.ts';
import { seedMeetingsDistrict, staff, superintendent } from './fixture.ts';
import { district } from '../db/schema/district.ts';

let db: DbFile;
beforeEach(() => {
	db = testDb();
	seedMeetingsDistrict(db);
});
afterEach(() => db.$client.close());

const update: UpdateInput = {
	status: 'on track',
	summary: 'Going well',
	summaryEs: null,
	narrative: '',
	narrativeEs: null,
	learned: '',
	learnedEs: null,
	adjustments: '',
	adjustmentsEs: null,
	nextSteps: '',
	nextStepsEs: null,
	speakerNotes: '',
	evidenceMeasureIds: []
};

describe('school years', () => {
	it('start on 1 July', () => {
		expect(schoolYearOf('2024-06-30').label).toBe('2023-24');
		expect(schoolYearOf('2024-07-01').label).toBe('2024-25');
		expect(schoolYearOf('2099-12-01').label).toBe('2099-00');
	});
});

describe('time spent on the priorities', () => {
	it('counts priority minutes against all minutes, per meeting and per year by minutes', () => {
		const a = createMeeting(db, staff, {
			heldOn: '2024-09-10',
			kind: 'regular',
			title: '',
			location: null
		});
		const b = createMeeting(db, staff, {
			heldOn: '2025-01-14',
			kind: 'special',
			title: '',
			location: null
		});
		createMeeting(db, staff, {
			heldOn: '2025-08-20',
			kind: 'regular',
			title: '',
			location: null
		});
		// a: 30 on priorities of 120 → 25%
		addAgendaItem(db, staff, a, { title: 'Literacy', priorityId: 1, minutes: 30, sortOrder: 0 });
		addAgendaItem(db, staff, a, { title: 'Budget', priorityId: null, minutes: 90, sortOrder: 1 });
		// b: 45 + 15 of 60 → 100%
		addAgendaItem(db, staff, b, { title: 'Literacy', priorityId: 1, minutes: 45, sortOrder: 0 });
		addAgendaItem(db, staff, b, { title: 'Math', priorityId: 2, minutes: 15, sortOrder: 1 });
		// c: nothing recorded
		const per = timeSharePerMeeting(db);
		expect(per.map((m) => m.percent)).toEqual([25, 100, null]);
		expect(per[0]).toMatchObject({ priorityMinutes: 30, totalMinutes: 120, schoolYear: '2024-25' });
		const years = timeSharePerYear(per);
		// 2024-25: (30 + 60) / (120 + 60) = 50%, not the mean of 25% and 100%
		expect(years).toEqual([
			{ schoolYear: '2024-25', meetings: 2, priorityMinutes: 90, totalMinutes: 180, percent: 50 },
			{ schoolYear: '2025-26', meetings: 1, priorityMinutes: 0, totalMinutes: 0, percent: null }
		]);
	});

	it('rounds to whole percent', () => {
		expect(
			timeShareOf([
				{ priorityId: 1, minutes: 1 },
				{ priorityId: null, minutes: 2 }
			]).percent
		).toBe(33);
	});
});

describe('forms', () => {
	it('refuse a bad date, kind and minutes with clear messages', () => {
		const m = meetingInput.safeParse({ heldOn: '2025-13-45', kind: 'party', title: '' });
		expect(m.success).toBe(false);
		const fields = m.error!.issues.map((i) => i.path[0]);
		expect(fields).toEqual(expect.arrayContaining(['heldOn', 'kind']));
		const a = agendaItemInput.safeParse({ title: '', priorityId: 'other', minutes: '-5' });
		expect(a.success).toBe(false);
		expect(a.error!.issues.map((i) => i.message)).toEqual(
			expect.arrayContaining(['Give the agenda item a title.', 'Minutes cannot be negative.'])
		);
		expect(
			agendaItemInput.parse({ title: 'x', priorityId: 'other', minutes: '5' }).priorityId
		).toBeNull();
	});
});

describe('monitoring calendar', () => {
	it('marks a past due meeting without a published update overdue, and signals it', () => {
		const past = createMeeting(db, staff, {
			heldOn: '2025-03-01',
			kind: 'regular',
			title: '',
			location: null
		});
		const future = createMeeting(db, staff, {
			heldOn: '2025-06-30',
			kind: 'regular',
			title: '',
			location: null
		});
		const lastYear = createMeeting(db, staff, {
			heldOn: '2024-03-01',
			kind: 'regular',
			title: '',
			location: null
		});
		setDuePriorities(db, staff, past, [1, 2]);
		setDuePriorities(db, staff, future, [1]);
		setDuePriorities(db, staff, lastYear, [1]);
		// Priority 1 at the past meeting: published. Priority 2: a draft only.
		const u1 = saveUpdate(db, staff, 1, past, update);
		publishUpdate(db, superintendent, u1.updateId);
		saveUpdate(db, staff, 2, past, update);

		const cal = monitoringCalendarOf(db, '2025-06-15');
		expect(cal.map((c) => [c.priorityId, c.heldOn, c.state, c.overdue])).toEqual([
			[1, '2025-03-01', 'published', false],
			[1, '2025-06-30', 'not started', false],
			[2, '2025-03-01', 'draft', true]
		]);
		const settings = db.select().from(district).get()!;
		const signals = meetingSignals(db, { settings, today: '2025-06-15' });
		expect(signals.map((s) => s.key)).toEqual([`update-overdue:2:${past}`]);
	});

	it('records every change in the audit trail', () => {
		const m = createMeeting(db, staff, {
			heldOn: '2025-03-01',
			kind: 'regular',
			title: '',
			location: null
		});
		setDuePriorities(db, staff, m, [2, 1, 1]);
		const entries = db.select().from(auditLog).all();
		expect(entries.map((e) => e.entity)).toEqual(['board_meeting', 'monitoring_due']);
		expect(entries[1].after).toEqual({ priorityIds: [1, 2] });
	});
});

describe('an agenda item and the monitoring calendar, checked against the stored priorities', () => {
	const item = { title: 'Reading update', minutes: '20', sortOrder: '1' };

	it('takes a priority on the list, or "other"', () => {
		expect(checkedAgendaItem(db, { ...item, priorityId: '1' })).toMatchObject({
			ok: true,
			data: { priorityId: 1, minutes: 20 }
		});
		expect(checkedAgendaItem(db, { ...item, priorityId: 'other' })).toMatchObject({
			ok: true,
			data: { priorityId: null }
		});
	});

	it('refuses a priority that is gone, and reads the form first', () => {
		expect(checkedAgendaItem(db, { ...item, priorityId: '999' })).toEqual({
			ok: false,
			errors: { priorityId: ['Choose a priority from the list or "other".'] }
		});
		expect(checkedAgendaItem(db, { ...item, title: '', priorityId: '999' })).toEqual({
			ok: false,
			errors: { title: ['Give the agenda item a title.'] }
		});
	});

	it('takes the ticked priorities, none included, and refuses an unknown one', () => {
		expect(checkedDuePriorities(db, { priorityIds: ['1', '2'] })).toEqual({
			ok: true,
			data: [1, 2]
		});
		expect(checkedDuePriorities(db, { priorityIds: [] })).toEqual({ ok: true, data: [] });
		const refused = { ok: false, errors: { priorityIds: ['Choose priorities from the list.'] } };
		expect(checkedDuePriorities(db, { priorityIds: ['1', '999'] })).toEqual(refused);
		expect(checkedDuePriorities(db, { priorityIds: ['x'] })).toEqual(refused);
	});
});
