import { formatDate } from '../../format.ts';
import { schoolYearLabel, schoolYearOf as startYearOf } from '../../school-year.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import {
	agendaItems,
	boardMeetings,
	meetingSnapshots,
	monitoringCalendar,
	progressUpdates,
	progressUpdateVersions
} from '../db/schema/meetings.ts';
import { priorities } from '../db/schema/priorities.ts';
import { district } from '../db/schema/district.ts';
import { write } from '../audit/write.ts';
import { insertRecorded, updateRecorded } from '../audit/rows.ts';
import { meetingKinds } from '../../choices.ts';
import { missingChoice } from '../db/lookups.ts';
import { parseChecked, type FieldErrors, type FormValues, type Parsed } from '../forms.ts';

export type Meeting = typeof boardMeetings.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;

const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
	.refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')), 'Enter a real date.');

export const meetingInput = z.object({
	heldOn: isoDate,
	kind: z.enum(meetingKinds, { error: 'Choose regular, special or study session.' }),
	title: z.string().trim().max(200, 'Keep the title under 200 characters.').default(''),
	location: z
		.string()
		.trim()
		.max(200, 'Keep the location under 200 characters.')
		.transform((s) => s || null)
		.nullable()
		.default(null)
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const agendaItemInput = z.object({
	title: z.string().trim().min(1, 'Give the agenda item a title.').max(300, 'Keep it under 300.'),
	/** A priority id, or null for "other". */
	priorityId: z.preprocess(
		(v) => (v === '' || v === 'other' || v == null ? null : Number(v)),
		z.number({ error: 'Choose a priority or "other".' }).int().positive().nullable()
	),
	minutes: z.coerce
		.number({ error: 'Enter the minutes spent as a whole number.' })
		.int('Enter the minutes spent as a whole number.')
		.min(0, 'Minutes cannot be negative.')
		.max(1440, 'A meeting item cannot last more than a day.'),
	sortOrder: z.coerce.number().int().min(0).max(1000).default(0)
});
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

/** An agenda item's form, checked, then its priority against the list (it may have gone since). */
export function checkedAgendaItem(db: Db, values: FormValues): Parsed<AgendaItemInput> {
	return parseChecked(agendaItemInput, values, (d): FieldErrors =>
		missingChoice(db, priorities, priorities.id, d.priorityId)
			? { priorityId: ['Choose a priority from the list or "other".'] }
			: {}
	);
}

const dueInput = z.object({
	priorityIds: z.array(z.coerce.number().int().positive('Choose priorities from the list.'))
});

/** The monitoring calendar's form: the priorities due, each one still on the list. */
export function checkedDuePriorities(db: Db, values: FormValues): Parsed<number[]> {
	const refusal: FieldErrors = { priorityIds: ['Choose priorities from the list.'] };
	const parsed = parseChecked(dueInput, values, (d) =>
		d.priorityIds.some((id) => missingChoice(db, priorities, priorities.id, id)) ? refusal : {}
	);
	return parsed.ok ? { ok: true, data: parsed.data.priorityIds } : { ok: false, errors: refusal };
}

/** The school year a date falls in, with its label (the rule lives in $lib/school-year). */
export function schoolYearOf(date: string): { startYear: number; label: string } {
	const startYear = startYearOf(date);
	return { startYear, label: schoolYearLabel(startYear) };
}

export function meetingLabel(m: Pick<Meeting, 'heldOn' | 'kind' | 'title'>): string {
	const on = formatDate(m.heldOn);
	return m.title ? `${m.title} (${on})` : `${capitalize(m.kind)} meeting, ${on}`;
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export function getMeeting(db: Db, id: number): Meeting | undefined {
	return db.select().from(boardMeetings).where(eq(boardMeetings.id, id)).get();
}

export interface AgendaRow extends AgendaItem {
	priorityTitle: string | null;
}

export function agendaOf(db: Db, meetingId: number): AgendaRow[] {
	return db
		.select({
			id: agendaItems.id,
			meetingId: agendaItems.meetingId,
			priorityId: agendaItems.priorityId,
			title: agendaItems.title,
			minutes: agendaItems.minutes,
			sortOrder: agendaItems.sortOrder,
			priorityTitle: priorities.title
		})
		.from(agendaItems)
		.leftJoin(priorities, eq(priorities.id, agendaItems.priorityId))
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.sortOrder), asc(agendaItems.id))
		.all();
}

export function createMeeting(db: Db, actor: Actor, input: MeetingInput): number {
	return insertRecorded(db, actor, boardMeetings, 'board_meeting', input).id;
}

export function updateMeeting(db: Db, actor: Actor, id: number, input: MeetingInput): boolean {
	return updateRecorded(db, actor, boardMeetings, 'board_meeting', id, () => input) !== null;
}

/** The meeting has a frozen record (meetings/snapshots.ts): a public record, never deleted. */
export class MeetingOnRecordError extends Error {
	constructor() {
		super(
			'This meeting cannot be deleted: its record of what the board was shown is kept as a public record.'
		);
	}
}

export function deleteMeeting(db: Db, actor: Actor, id: number): boolean {
	return write(db, actor, ({ tx, audit }) => {
		const before = tx.select().from(boardMeetings).where(eq(boardMeetings.id, id)).get();
		if (!before) return false;
		const onRecord = tx
			.select({ id: meetingSnapshots.id })
			.from(meetingSnapshots)
			.where(eq(meetingSnapshots.meetingId, id))
			.limit(1)
			.get();
		if (onRecord) throw new MeetingOnRecordError();
		tx.delete(boardMeetings).where(eq(boardMeetings.id, id)).run();
		audit({
			action: 'delete',
			entity: 'board_meeting',
			entityId: id,
			before
		});
		return true;
	});
}

export function addAgendaItem(
	db: Db,
	actor: Actor,
	meetingId: number,
	input: AgendaItemInput
): number {
	return insertRecorded(db, actor, agendaItems, 'agenda_item', { ...input, meetingId }).id;
}

export function updateAgendaItem(
	db: Db,
	actor: Actor,
	meetingId: number,
	id: number,
	input: AgendaItemInput
): boolean {
	return write(db, actor, ({ tx, audit }) => {
		const where = and(eq(agendaItems.id, id), eq(agendaItems.meetingId, meetingId));
		const before = tx.select().from(agendaItems).where(where).get();
		if (!before) return false;
		const after = tx.update(agendaItems).set(input).where(where).returning().get();
		audit({
			action: 'update',
			entity: 'agenda_item',
			entityId: id,
			before,
			after
		});
		return true;
	});
}

export function deleteAgendaItem(db: Db, actor: Actor, meetingId: number, id: number): boolean {
	return write(db, actor, ({ tx, audit }) => {
		const where = and(eq(agendaItems.id, id), eq(agendaItems.meetingId, meetingId));
		const before = tx.select().from(agendaItems).where(where).get();
		if (!before) return false;
		tx.delete(agendaItems).where(where).run();
		audit({
			action: 'delete',
			entity: 'agenda_item',
			entityId: id,
			before
		});
		return true;
	});
}

// ---------------------------------------------------------------------------------------------
// Board time on the priorities

export interface TimeShare {
	priorityMinutes: number;
	totalMinutes: number;
	/** Whole percent of the minutes spent on priority items; null when no minutes are recorded. */
	percent: number | null;
}

export function timeShareOf(items: Pick<AgendaItem, 'priorityId' | 'minutes'>[]): TimeShare {
	let priorityMinutes = 0;
	let totalMinutes = 0;
	for (const item of items) {
		totalMinutes += item.minutes;
		if (item.priorityId != null) priorityMinutes += item.minutes;
	}
	return {
		priorityMinutes,
		totalMinutes,
		percent: totalMinutes > 0 ? Math.round((priorityMinutes / totalMinutes) * 100) : null
	};
}

export interface MeetingTimeShare extends TimeShare {
	meetingId: number;
	heldOn: string;
	kind: Meeting['kind'];
	title: string;
	schoolYear: string;
}

/** Each meeting's share of time on the priorities, oldest first. */
export function timeSharePerMeeting(db: Db): MeetingTimeShare[] {
	const meetings = db.select().from(boardMeetings).orderBy(asc(boardMeetings.heldOn)).all();
	const items = db.select().from(agendaItems).all();
	return meetings.map((m) => ({
		meetingId: m.id,
		heldOn: m.heldOn,
		kind: m.kind,
		title: m.title,
		schoolYear: schoolYearOf(m.heldOn).label,
		...timeShareOf(items.filter((i) => i.meetingId === m.id))
	}));
}

export interface YearTimeShare extends TimeShare {
	schoolYear: string;
	meetings: number;
}

/** The share per school year, weighted by minutes (not an average of meeting percentages). */
export function timeSharePerYear(perMeeting: MeetingTimeShare[]): YearTimeShare[] {
	const years = new Map<string, YearTimeShare>();
	for (const m of perMeeting) {
		const y = years.get(m.schoolYear) ?? {
			schoolYear: m.schoolYear,
			meetings: 0,
			priorityMinutes: 0,
			totalMinutes: 0,
			percent: null
		};
		y.meetings += 1;
		y.priorityMinutes += m.priorityMinutes;
		y.totalMinutes += m.totalMinutes;
		years.set(m.schoolYear, y);
	}
	return [...years.values()]
		.map((y) => ({
			...y,
			percent: y.totalMinutes > 0 ? Math.round((y.priorityMinutes / y.totalMinutes) * 100) : null
		}))
		.sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
}

export function boardTimeGoal(db: Db): number {
	return db.select({ g: district.boardTimeGoalPercent }).from(district).get()?.g ?? 50;
}

// ---------------------------------------------------------------------------------------------
// The monitoring calendar

export function duePriorityIds(db: Db, meetingId: number): number[] {
	return db
		.select({ p: monitoringCalendar.priorityId })
		.from(monitoringCalendar)
		.where(eq(monitoringCalendar.meetingId, meetingId))
		.all()
		.map((r) => r.p);
}

/** Sets which priorities are due for a progress update at a meeting. */
export function setDuePriorities(
	db: Db,
	actor: Actor,
	meetingId: number,
	priorityIds: number[]
): void {
	write(db, actor, ({ tx, audit }) => {
		const before = tx
			.select({ p: monitoringCalendar.priorityId })
			.from(monitoringCalendar)
			.where(eq(monitoringCalendar.meetingId, meetingId))
			.all()
			.map((r) => r.p)
			.sort((a, b) => a - b);
		const after = [...new Set(priorityIds)].sort((a, b) => a - b);
		tx.delete(monitoringCalendar).where(eq(monitoringCalendar.meetingId, meetingId)).run();
		if (after.length) {
			tx.insert(monitoringCalendar)
				.values(after.map((priorityId) => ({ priorityId, meetingId })))
				.run();
		}
		audit({
			action: 'update',
			entity: 'monitoring_due',
			entityId: meetingId,
			before: { priorityIds: before },
			after: { priorityIds: after }
		});
	});
}

export type DueState = 'published' | 'shared' | 'draft' | 'not started';

export interface CalendarEntry {
	priorityId: number;
	priorityTitle: string;
	meetingId: number;
	heldOn: string;
	/** The furthest any version of the update has got. */
	state: DueState;
	overdue: boolean;
}

/**
 * The monitoring calendar of a school year: each due (priority, meeting) with how far its update
 * got. Overdue: the meeting is in the past and no version of the update is published.
 */
export function monitoringCalendarOf(db: Db, today: string, schoolYear?: string): CalendarEntry[] {
	const year = schoolYear ?? schoolYearOf(today).label;
	const rows = db
		.select({
			priorityId: monitoringCalendar.priorityId,
			priorityTitle: priorities.title,
			sortOrder: priorities.sortOrder,
			meetingId: monitoringCalendar.meetingId,
			heldOn: boardMeetings.heldOn
		})
		.from(monitoringCalendar)
		.innerJoin(priorities, eq(priorities.id, monitoringCalendar.priorityId))
		.innerJoin(boardMeetings, eq(boardMeetings.id, monitoringCalendar.meetingId))
		.orderBy(asc(priorities.sortOrder), asc(priorities.id), asc(boardMeetings.heldOn))
		.all()
		.filter((r) => schoolYearOf(r.heldOn).label === year);
	if (rows.length === 0) return [];
	const states = db
		.select({
			priorityId: progressUpdates.priorityId,
			meetingId: progressUpdates.meetingId,
			state: progressUpdateVersions.state
		})
		.from(progressUpdateVersions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, progressUpdateVersions.updateId))
		.where(
			inArray(
				progressUpdates.meetingId,
				rows.map((r) => r.meetingId)
			)
		)
		.all();
	const rank: Record<DueState, number> = { 'not started': 0, draft: 1, shared: 2, published: 3 };
	return rows.map((r) => {
		let state: DueState = 'not started';
		for (const s of states) {
			if (
				s.priorityId === r.priorityId &&
				s.meetingId === r.meetingId &&
				rank[s.state] > rank[state]
			)
				state = s.state;
		}
		return {
			priorityId: r.priorityId,
			priorityTitle: r.priorityTitle,
			meetingId: r.meetingId,
			heldOn: r.heldOn,
			state,
			overdue: r.heldOn < today && state !== 'published'
		};
	});
}

/** Priorities to choose from in forms: active ones first, in the board's order. */
export function priorityOptions(db: Db) {
	const rows = db
		.select({ id: priorities.id, title: priorities.title, status: priorities.status })
		.from(priorities)
		.orderBy(asc(priorities.sortOrder), asc(priorities.id))
		.all();
	return [
		...rows.filter((p) => p.status === 'active'),
		...rows.filter((p) => p.status !== 'active')
	];
}
