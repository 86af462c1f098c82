// The mid-year report on the LCAP: budget and spending to date per action, with the status the
// district gives each, presented to the board at a meeting by 28 February (a non-consent item
// California requires since 2023) and kept with that meeting's record.
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import {
	boardMeetings,
	lcapMidYearReports,
	lcapMidYearRows,
	meetingSnapshots
} from '../db/schema/index.ts';
import { write } from '../audit/write.ts';
import type { Actor } from '../audit/index.ts';
import { lcapActionStatuses, type LcapActionStatus } from '../../choices.ts';
import { optionalId, parse, type FormValues, type Saved } from '../forms.ts';
import { centsOf } from './money.ts';

/** Whether a meeting's record is frozen (an update published for it, or the meeting held). */
export function meetingFrozen(db: Db, meetingId: number | null): boolean {
	if (meetingId === null) return false;
	return !!db
		.select({ id: meetingSnapshots.id })
		.from(meetingSnapshots)
		.where(eq(meetingSnapshots.meetingId, meetingId))
		.limit(1)
		.get();
}

/** The mid-year report a meeting carries, if any: its public record shows it. */
export function midYearOfMeeting(db: Db, meetingId: number): MidYearView | null {
	const r = db
		.select({ id: lcapMidYearReports.id })
		.from(lcapMidYearReports)
		.where(eq(lcapMidYearReports.meetingId, meetingId))
		.get();
	return r ? midYearReport(db, r.id) : null;
}

export function midYearReports(db: Db) {
	return db
		.select({
			id: lcapMidYearReports.id,
			year: lcapMidYearReports.year,
			asOf: lcapMidYearReports.asOf,
			meetingId: lcapMidYearReports.meetingId,
			heldOn: boardMeetings.heldOn,
			heldAt: boardMeetings.heldAt
		})
		.from(lcapMidYearReports)
		.leftJoin(boardMeetings, eq(boardMeetings.id, lcapMidYearReports.meetingId))
		.orderBy(desc(lcapMidYearReports.year))
		.all();
}

export interface MidYearView {
	id: number;
	year: string;
	asOf: string;
	budgetOn: string | null;
	/** `frozen`: the meeting's record is frozen, and the report with it (the database refuses edits). */
	meeting: { id: number; heldOn: string; held: boolean; frozen: boolean } | null;
	rows: {
		id: number;
		goalNumber: string;
		actionNumber: string;
		title: string;
		studentGroups: string;
		budgetCents: number | null;
		spentCents: number | null;
		status: LcapActionStatus | null;
		note: string;
	}[];
	budgetCents: number;
	spentCents: number;
	byGoal: { goalNumber: string; budgetCents: number; spentCents: number; actions: number }[];
	byStatus: Record<LcapActionStatus | 'none', number>;
}

export function midYearReport(db: Db, id: number): MidYearView | null {
	const r = db
		.select({ report: lcapMidYearReports, meeting: boardMeetings })
		.from(lcapMidYearReports)
		.leftJoin(boardMeetings, eq(boardMeetings.id, lcapMidYearReports.meetingId))
		.where(eq(lcapMidYearReports.id, id))
		.get();
	if (!r) return null;
	const rows = db
		.select()
		.from(lcapMidYearRows)
		.where(eq(lcapMidYearRows.reportId, id))
		.orderBy(asc(lcapMidYearRows.sortOrder))
		.all();
	const byGoal = new Map<string, MidYearView['byGoal'][number]>();
	const byStatus: MidYearView['byStatus'] = {
		'not started': 0,
		'in progress': 0,
		completed: 0,
		none: 0
	};
	for (const row of rows) {
		const g = byGoal.get(row.goalNumber) ?? {
			goalNumber: row.goalNumber,
			budgetCents: 0,
			spentCents: 0,
			actions: 0
		};
		g.budgetCents += row.budgetCents ?? 0;
		g.spentCents += row.spentCents ?? 0;
		g.actions++;
		byGoal.set(row.goalNumber, g);
		byStatus[row.status ?? 'none']++;
	}
	return {
		id: r.report.id,
		year: r.report.year,
		asOf: r.report.asOf,
		budgetOn: r.report.budgetOn,
		meeting: r.meeting
			? {
					id: r.meeting.id,
					heldOn: r.meeting.heldOn,
					held: r.meeting.heldAt !== null,
					frozen: meetingFrozen(db, r.meeting.id)
				}
			: null,
		rows: rows.map((row) => ({
			id: row.id,
			goalNumber: row.goalNumber,
			actionNumber: row.actionNumber,
			title: row.title,
			studentGroups: row.studentGroups,
			budgetCents: row.budgetCents,
			spentCents: row.spentCents,
			status: row.status,
			note: row.note
		})),
		budgetCents: rows.reduce((s, x) => s + (x.budgetCents ?? 0), 0),
		spentCents: rows.reduce((s, x) => s + (x.spentCents ?? 0), 0),
		byGoal: [...byGoal.values()],
		byStatus
	};
}

export const midYearMeetingInput = z.object({ meetingId: optionalId('meeting') });

/** The meeting whose agenda carries the mid-year report; refused once that meeting is held. */
export function setMidYearMeeting(db: Db, actor: Actor, id: number, values: FormValues): Saved {
	const parsed = parse(midYearMeetingInput, values);
	if (!parsed.ok) return parsed;
	const report = db.select().from(lcapMidYearReports).where(eq(lcapMidYearReports.id, id)).get();
	if (!report) return { ok: false, errors: { form: ['This report is gone.'] } };
	const { meetingId } = parsed.data;
	if (meetingFrozen(db, report.meetingId)) {
		return {
			ok: false,
			errors: {
				meetingId: ['The report is on the record of its meeting; it stays with it.']
			}
		};
	}
	if (meetingFrozen(db, meetingId)) {
		return {
			ok: false,
			errors: {
				meetingId: ['That meeting’s record is frozen: choose a meeting still to come.']
			}
		};
	}
	if (
		meetingId !== null &&
		!db
			.select({ id: boardMeetings.id })
			.from(boardMeetings)
			.where(eq(boardMeetings.id, meetingId))
			.get()
	) {
		return { ok: false, errors: { meetingId: ['Choose a meeting from the list.'] } };
	}
	if (report.meetingId === meetingId) return { ok: true, id };
	write(db, actor, ({ tx, audit }) => {
		tx.update(lcapMidYearReports).set({ meetingId }).where(eq(lcapMidYearReports.id, id)).run();
		audit({
			action: 'update',
			entity: 'lcap_midyear_report',
			entityId: id,
			before: { meetingId: report.meetingId },
			after: { meetingId },
			note: `LCAP mid-year report ${report.year}: its meeting`
		});
	});
	return { ok: true, id };
}

const statusInput = z
	.string()
	.optional()
	.transform((v) => v || null)
	.refine(
		(v) => v === null || (lcapActionStatuses as readonly string[]).includes(v),
		'Choose a status from the list.'
	)
	.transform((v) => v as LcapActionStatus | null);

type RowState = { status: LcapActionStatus | null; spentCents: number | null };

/**
 * The figures staff enter by hand at mid-year, one field each per action: its status
 * (`status-<row id>`) and its spending to date (`spent-<row id>`, dollars; empty: not known),
 * saved together or not at all; refused once the report's meeting is on record.
 */
export function setMidYearStatuses(
	db: Db,
	actor: Actor,
	reportId: number,
	values: FormValues
): Saved {
	const report = midYearReport(db, reportId);
	if (!report) return { ok: false, errors: { form: ['This report is gone.'] } };
	if (report.meeting?.frozen) {
		return {
			ok: false,
			errors: { form: ['The report is on the record of its meeting; it no longer changes.'] }
		};
	}
	const changes: { id: number; actionNumber: string; before: RowState; after: RowState }[] = [];
	const errors: Record<string, string[]> = {};
	for (const row of report.rows) {
		const before: RowState = { status: row.status, spentCents: row.spentCents };
		const after: RowState = { ...before };
		const statusKey = `status-${row.id}`;
		if (statusKey in values) {
			const parsed = statusInput.safeParse(values[statusKey]);
			if (parsed.success) after.status = parsed.data;
			else errors[statusKey] = ['Choose a status from the list.'];
		}
		const spentKey = `spent-${row.id}`;
		if (spentKey in values) {
			const cents = centsOf(String(values[spentKey]));
			if (cents === undefined || (cents !== null && cents < 0)) {
				errors[spentKey] = [
					`Action ${row.actionNumber}: the amount spent must be in dollars, e.g. 204,127.00.`
				];
			} else after.spentCents = cents;
		}
		if (after.status !== before.status || after.spentCents !== before.spentCents) {
			changes.push({ id: row.id, actionNumber: row.actionNumber, before, after });
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	if (!changes.length) return { ok: true, id: reportId };
	write(db, actor, ({ tx, audit }) => {
		for (const c of changes)
			tx.update(lcapMidYearRows).set(c.after).where(eq(lcapMidYearRows.id, c.id)).run();
		audit({
			action: 'update',
			entity: 'lcap_midyear_report',
			entityId: reportId,
			before: Object.fromEntries(changes.map((c) => [c.actionNumber, c.before])),
			after: Object.fromEntries(changes.map((c) => [c.actionNumber, c.after])),
			note: `Mid-year ${report.year}: ${changes.length} actions changed by hand`
		});
	});
	return { ok: true, id: reportId };
}
