import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { boardMeetings, progressUpdates, progressUpdateVersions } from '../db/schema/meetings.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	boardMembers,
	dispositions,
	dispositionVotes,
	reportCertifications
} from '../db/schema/board-record.ts';
import { choice, requiredDate, requiredText, type FieldErrors, type Saved } from '../forms.ts';
import { rollCallVotes, verdicts, type RollCallVote } from '../../choices.ts';
import type { FormValues } from '../../forms.ts';
import { seatedOn } from './members.ts';
import type { DispositionRecord, Tally } from '../../board-record.ts';

export type { DispositionRecord, Tally } from '../../board-record.ts';

export const dispositionInput = z.object({
	interpretation: choice('verdict on the interpretation', verdicts),
	progress: choice('verdict on progress', verdicts),
	finding: requiredText('finding', 1000),
	motion: requiredText('motion', 500),
	/** Member id → vote, from the fields `vote-<memberId>`. */
	votes: z.record(z.string(), z.string())
});
export type DispositionInput = z.infer<typeof dispositionInput>;

/** A form's values with its roll call (`vote-<memberId>` fields) gathered into `votes`. */
export function dispositionValues(values: FormValues) {
	const votes: Record<string, string> = {};
	for (const [k, v] of Object.entries(values))
		if (k.startsWith('vote-')) votes[k.slice(5)] = Array.isArray(v) ? (v[0] ?? '') : v;
	return { ...values, votes };
}

/**
 * A roll call checked against the seats on a date: one vote (aye, no, abstain, absent) for each
 * member seated that day, no more, no fewer. The votes to store, or the messages.
 */
export function checkedRollCall(
	db: Db,
	date: string,
	votes: Record<string, string>
): { cast: { memberId: number; vote: RollCallVote }[]; errors: FieldErrors } {
	const seated = seatedOn(db, date);
	const errors: FieldErrors = {};
	if (seated.length === 0) {
		errors.form = [
			'No board member is seated on that date: add the members and their terms first (Board members).'
		];
		return { cast: [], errors };
	}
	const seatedIds = new Set(seated.map((m) => String(m.id)));
	const isVote = (v: string | undefined) => (rollCallVotes as readonly string[]).includes(v ?? '');
	const missing = seated.filter((m) => !isVote(votes[String(m.id)]));
	const extra = Object.keys(votes).filter((id) => votes[id] && !seatedIds.has(id));
	if (missing.length || extra.length) {
		const given = seated.length - missing.length;
		errors.votes = [
			`The roll call must count one vote for each of the ${seated.length} seated members; it counts ${given + extra.length}.` +
				(missing.length ? ` No vote for ${missing.map((m) => m.name).join(', ')}.` : '') +
				(extra.length ? ' A vote was given for someone not seated on that date.' : '')
		];
		for (const m of missing) errors[`vote-${m.id}`] = [`Choose ${m.name}’s vote.`];
	}
	return {
		cast: seated.map((m) => ({ memberId: m.id, vote: votes[String(m.id)] as RollCallVote })),
		errors
	};
}

export function tallyOf(votes: RollCallVote[]): Tally {
	const t = { aye: 0, no: 0, abstain: 0, absent: 0 };
	for (const v of votes) t[v]++;
	return { ...t, seats: votes.length, carried: t.aye * 2 > votes.length };
}

/** A report was presented when its meeting is held and a version reached the board (shared or published). */
function presentedReport(db: Db, updateId: number) {
	const row = db
		.select({
			updateId: progressUpdates.id,
			meetingId: boardMeetings.id,
			heldOn: boardMeetings.heldOn,
			heldAt: boardMeetings.heldAt
		})
		.from(progressUpdates)
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.where(eq(progressUpdates.id, updateId))
		.get();
	if (!row?.heldAt) return null;
	const shown = db
		.select({ id: progressUpdateVersions.id })
		.from(progressUpdateVersions)
		.where(
			and(eq(progressUpdateVersions.updateId, updateId), ne(progressUpdateVersions.state, 'draft'))
		)
		.limit(1)
		.get();
	return shown ? row : null;
}

/**
 * Records the board's verdict on a report presented at a held meeting, with the motion and the
 * roll call: one vote for each member seated on the meeting's date, no more, no fewer. Refused, with
 * nothing saved, for a report not presented, one already decided, or a roll call that does not
 * add up to the seats. Kept unchangeable once recorded.
 */
export function recordDisposition(
	db: Db,
	actor: Actor,
	updateId: number,
	values: unknown,
	/** When, if not now: the demo seed writes with its frozen clock. */
	at?: string
): Saved {
	const parsed = dispositionInput.safeParse(values);
	const errors: FieldErrors = {};
	if (!parsed.success)
		for (const issue of parsed.error.issues) {
			const key = issue.path.length ? issue.path.join('.') : 'form';
			(errors[key] ??= []).push(issue.message);
		}
	const report = presentedReport(db, updateId);
	if (!report) {
		return {
			ok: false,
			errors: {
				form: [
					'This report was not presented at a held meeting: the board records its verdict on a report once the meeting where it was presented is marked held.'
				]
			}
		};
	}
	if (
		db
			.select({ id: dispositions.id })
			.from(dispositions)
			.where(eq(dispositions.updateId, updateId))
			.get()
	)
		return {
			ok: false,
			errors: { form: ['The board’s verdict on this report is already on record.'] }
		};
	const votes = parsed.success ? parsed.data.votes : {};
	const roll = checkedRollCall(db, report.heldOn, votes);
	Object.assign(errors, roll.errors);
	if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
	const input = parsed.data;
	return write(db, actor, ({ tx, audit }) => {
		const row = tx
			.insert(dispositions)
			.values({
				updateId,
				interpretation: input.interpretation,
				progress: input.progress,
				finding: input.finding,
				motion: input.motion,
				recordedBy: actor.email,
				...(at ? { recordedAt: at } : {})
			})
			.returning()
			.get();
		const cast = roll.cast.map((c) => ({ dispositionId: row.id, ...c }));
		tx.insert(dispositionVotes).values(cast).run();
		audit({
			action: 'create',
			entity: 'disposition',
			entityId: row.id,
			after: { ...row, votes: cast.map((c) => ({ memberId: c.memberId, vote: c.vote })) },
			at
		});
		return { ok: true as const, id: row.id };
	});
}

export const certificationInput = z.object({
	trueAsOf: requiredDate('date the report is true as of')
});

/** The superintendent certifies a report true as of a date (again, to change the date). */
export function certifyReport(
	db: Db,
	actor: Actor,
	updateId: number,
	values: unknown,
	today: string,
	at?: string
): Saved {
	const parsed = certificationInput.safeParse(values);
	if (!parsed.success) return { ok: false, errors: { trueAsOf: [parsed.error.issues[0].message] } };
	const { trueAsOf } = parsed.data;
	if (trueAsOf > today)
		return {
			ok: false,
			errors: { trueAsOf: ['A report can be certified true as of today or an earlier day.'] }
		};
	if (
		!db
			.select({ id: progressUpdates.id })
			.from(progressUpdates)
			.where(eq(progressUpdates.id, updateId))
			.get()
	)
		return { ok: false, errors: { form: ['There is no such report.'] } };
	return write(db, actor, ({ tx, audit }) => {
		const before = tx
			.select()
			.from(reportCertifications)
			.where(eq(reportCertifications.updateId, updateId))
			.get();
		const after = {
			updateId,
			trueAsOf,
			certifiedBy: actor.email,
			certifiedAt: at ?? new Date().toISOString()
		};
		tx.insert(reportCertifications)
			.values(after)
			.onConflictDoUpdate({ target: reportCertifications.updateId, set: after })
			.run();
		audit({
			action: before ? 'update' : 'create',
			entity: 'report_certification',
			entityId: updateId,
			before,
			after,
			at
		});
		return { ok: true as const, id: updateId };
	});
}

/** Dispositions with their roll calls, by meeting or priority or school-year dates; oldest first. */
export function dispositionRecords(
	db: Db,
	where: { meetingId?: number; priorityId?: number; from?: string; through?: string } = {}
): DispositionRecord[] {
	const rows = db
		.select({
			id: dispositions.id,
			updateId: dispositions.updateId,
			priorityId: progressUpdates.priorityId,
			meetingId: progressUpdates.meetingId,
			heldOn: boardMeetings.heldOn,
			interpretation: dispositions.interpretation,
			progress: dispositions.progress,
			finding: dispositions.finding,
			motion: dispositions.motion,
			recordedAt: dispositions.recordedAt,
			trueAsOf: reportCertifications.trueAsOf
		})
		.from(dispositions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, dispositions.updateId))
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.leftJoin(reportCertifications, eq(reportCertifications.updateId, dispositions.updateId))
		.where(
			and(
				where.meetingId === undefined ? undefined : eq(progressUpdates.meetingId, where.meetingId),
				where.priorityId === undefined
					? undefined
					: eq(progressUpdates.priorityId, where.priorityId)
			)
		)
		.orderBy(asc(boardMeetings.heldOn), asc(dispositions.id))
		.all()
		.filter(
			(r) =>
				(!where.from || r.heldOn >= where.from) && (!where.through || r.heldOn <= where.through)
		);
	if (rows.length === 0) return [];
	const votes = db
		.select({
			dispositionId: dispositionVotes.dispositionId,
			memberId: boardMembers.id,
			name: boardMembers.name,
			seat: boardMembers.seat,
			vote: dispositionVotes.vote
		})
		.from(dispositionVotes)
		.innerJoin(boardMembers, eq(boardMembers.id, dispositionVotes.memberId))
		.where(
			inArray(
				dispositionVotes.dispositionId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(boardMembers.seat), asc(boardMembers.id))
		.all();
	return rows.map((r) => {
		const own = votes
			.filter((v) => v.dispositionId === r.id)
			.map(({ dispositionId: _, ...v }) => v);
		return { ...r, votes: own, tally: tallyOf(own.map((v) => v.vote)) };
	});
}

export interface AwaitingVerdict {
	updateId: number;
	priorityId: number;
	priorityTitle: string;
	meetingId: number;
	heldOn: string;
}

/** Reports presented at held meetings (shared or published) that the board has given no verdict. */
export function reportsAwaitingVerdict(db: Db): AwaitingVerdict[] {
	const rows = db
		.selectDistinct({
			updateId: progressUpdates.id,
			priorityId: progressUpdates.priorityId,
			priorityTitle: priorities.title,
			meetingId: boardMeetings.id,
			heldOn: boardMeetings.heldOn,
			disposition: dispositions.id
		})
		.from(progressUpdates)
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.innerJoin(priorities, eq(priorities.id, progressUpdates.priorityId))
		.innerJoin(progressUpdateVersions, eq(progressUpdateVersions.updateId, progressUpdates.id))
		.leftJoin(dispositions, eq(dispositions.updateId, progressUpdates.id))
		.where(and(isNotNull(boardMeetings.heldAt), ne(progressUpdateVersions.state, 'draft')))
		.orderBy(asc(boardMeetings.heldOn), asc(priorities.sortOrder))
		.all();
	return rows.filter((r) => r.disposition === null).map(({ disposition: _, ...r }) => r);
}

/** Whether a report of this meeting may take a verdict now (for the board page's form). */
export function presentedAt(db: Db, meetingId: number): number[] {
	return db
		.selectDistinct({ updateId: progressUpdates.id })
		.from(progressUpdates)
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.innerJoin(progressUpdateVersions, eq(progressUpdateVersions.updateId, progressUpdates.id))
		.where(
			and(
				eq(progressUpdates.meetingId, meetingId),
				isNotNull(boardMeetings.heldAt),
				ne(progressUpdateVersions.state, 'draft')
			)
		)
		.all()
		.map((r) => r.updateId);
}

/** The "true as of" dates of a meeting's certified reports, by update id. */
export function certificationsOf(db: Db, meetingId: number): Record<number, string> {
	const rows = db
		.select({ updateId: reportCertifications.updateId, trueAsOf: reportCertifications.trueAsOf })
		.from(reportCertifications)
		.innerJoin(progressUpdates, eq(progressUpdates.id, reportCertifications.updateId))
		.where(eq(progressUpdates.meetingId, meetingId))
		.all();
	return Object.fromEntries(rows.map((r) => [r.updateId, r.trueAsOf]));
}

/**
 * What the board's meeting page needs for its verdicts: the reports presented (which may take
 * one), the verdicts on record, who was seated that day (the roll call) and the certifications.
 */
export function meetingVerdicts(db: Db, meeting: { id: number; heldOn: string }) {
	return {
		presented: presentedAt(db, meeting.id),
		records: dispositionRecords(db, { meetingId: meeting.id }),
		seated: seatedOn(db, meeting.heldOn).map((m) => ({ id: m.id, name: m.name, seat: m.seat })),
		certifications: certificationsOf(db, meeting.id)
	};
}
