import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	boardMembers,
	evaluationRatings,
	evaluationVotes,
	superintendentEvaluations
} from '../db/schema/board-record.ts';
import { plainText, requiredDate, requiredText, type FieldErrors, type Saved } from '../forms.ts';
import { schoolYearSpan, startYearOfLabel } from '../../school-year.ts';
import type { RollCallVote, Verdict } from '../../choices.ts';
import type { Tally } from '../../board-record.ts';
import { checkedRollCall, dispositionRecords, tallyOf } from './dispositions.ts';

/** The board's ratings of the superintendent on each priority: 1 to 4, in words. */
export const ratingScale = [
	{ value: 1, label: 'Does not meet expectations' },
	{ value: 2, label: 'Partly meets expectations' },
	{ value: 3, label: 'Meets expectations' },
	{ value: 4, label: 'Exceeds expectations' }
] as const;

type VerdictCounts = Record<Verdict, number>;

export interface DraftPriority {
	priorityId: number;
	title: string;
	reports: {
		meetingId: number;
		heldOn: string;
		interpretation: Verdict;
		progress: Verdict;
		finding: string;
		carried: boolean;
	}[];
	interpretation: VerdictCounts;
	progress: VerdictCounts;
}

const noCounts = (): VerdictCounts => ({ yes: 0, partly: 0, no: 0 });

/**
 * The evaluation as the records draft it: per priority, each report of the school year with its
 * date and the board's verdict, and how many verdicts said yes, partly or no. A verdict whose
 * motion did not carry is listed, and not counted: the board did not adopt it.
 */
export function evaluationDraft(db: Db, schoolYear: string): DraftPriority[] {
	const start = startYearOfLabel(schoolYear);
	if (start === null) return [];
	const { from, to } = schoolYearSpan(start);
	const records = dispositionRecords(db, { from, through: to });
	const titles = new Map(
		db
			.select({ id: priorities.id, title: priorities.title, sortOrder: priorities.sortOrder })
			.from(priorities)
			.orderBy(asc(priorities.sortOrder), asc(priorities.id))
			.all()
			.map((p, i) => [p.id, { title: p.title, order: i }] as const)
	);
	const byPriority = new Map<number, DraftPriority>();
	for (const r of records) {
		const p = byPriority.get(r.priorityId) ?? {
			priorityId: r.priorityId,
			title: titles.get(r.priorityId)?.title ?? 'A priority since removed',
			reports: [],
			interpretation: noCounts(),
			progress: noCounts()
		};
		p.reports.push({
			meetingId: r.meetingId,
			heldOn: r.heldOn,
			interpretation: r.interpretation,
			progress: r.progress,
			finding: r.finding,
			carried: r.tally.carried
		});
		if (r.tally.carried) {
			p.interpretation[r.interpretation]++;
			p.progress[r.progress]++;
		}
		byPriority.set(r.priorityId, p);
	}
	return [...byPriority.values()].sort(
		(a, b) => (titles.get(a.priorityId)?.order ?? 1e9) - (titles.get(b.priorityId)?.order ?? 1e9)
	);
}

export type Evaluation = typeof superintendentEvaluations.$inferSelect;

export function evaluationOf(db: Db, schoolYear: string): Evaluation | null {
	return (
		db
			.select()
			.from(superintendentEvaluations)
			.where(eq(superintendentEvaluations.schoolYear, schoolYear))
			.get() ?? null
	);
}

/** The evaluation of a year, made when first needed (an audited write). */
function ensureEvaluation(db: Db, actor: Actor, schoolYear: string): Evaluation {
	return write(db, actor, ({ tx, audit }) => {
		const found = evaluationOf(tx, schoolYear);
		if (found) return found;
		const row = tx.insert(superintendentEvaluations).values({ schoolYear }).returning().get();
		audit({ action: 'create', entity: 'superintendent_evaluation', entityId: row.id, after: row });
		return row;
	});
}

const adoptedRefusal = {
	ok: false as const,
	errors: { form: ['This evaluation is adopted: it is kept as the board adopted it.'] }
};

export const conclusionsInput = z.object({
	conclusions: plainText('conclusions', 8000),
	goals: plainText('goals for next year', 8000)
});

/** The board's conclusions and next year's goals, editable until the evaluation is adopted. */
export function saveConclusions(db: Db, actor: Actor, schoolYear: string, values: unknown): Saved {
	const parsed = conclusionsInput.safeParse(values);
	if (!parsed.success)
		return { ok: false, errors: { conclusions: [parsed.error.issues[0].message] } };
	const evaluation = ensureEvaluation(db, actor, schoolYear);
	if (evaluation.adoptedOn) return adoptedRefusal;
	return write(db, actor, ({ tx, audit }) => {
		tx.update(superintendentEvaluations)
			.set(parsed.data)
			.where(eq(superintendentEvaluations.id, evaluation.id))
			.run();
		audit({
			action: 'update',
			entity: 'superintendent_evaluation',
			entityId: evaluation.id,
			before: { conclusions: evaluation.conclusions, goals: evaluation.goals },
			after: parsed.data
		});
		return { ok: true as const, id: evaluation.id };
	});
}

export const ratingInput = z.object({
	priorityId: z.coerce.number().int().positive(),
	rating: z.coerce
		.number({ error: 'Choose a rating from 1 to 4.' })
		.int('Choose a rating from 1 to 4.')
		.min(1, 'Choose a rating from 1 to 4.')
		.max(4, 'Choose a rating from 1 to 4.'),
	comment: plainText('comment', 2000)
});

/**
 * A board member's own rating of the superintendent on one priority (again, to change it). The
 * member is the one the signed-in account is linked to; a rating outside the scale is refused.
 */
export function rateSuperintendent(
	db: Db,
	actor: Actor & { id: string },
	schoolYear: string,
	values: unknown
): Saved {
	const member = memberOfAccount(db, actor.id);
	if (!member)
		return {
			ok: false,
			errors: {
				form: [
					'Your account is not linked to a board member: an administrator links it on the Board members page.'
				]
			}
		};
	const parsed = ratingInput.safeParse(values);
	if (!parsed.success) {
		const errors: FieldErrors = {};
		for (const issue of parsed.error.issues)
			(errors[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
		return { ok: false, errors };
	}
	const start = startYearOfLabel(schoolYear);
	if (
		start === null ||
		!evaluationDraft(db, schoolYear).some((p) => p.priorityId === parsed.data.priorityId)
	)
		return { ok: false, errors: { form: ['Rate a priority the year’s reports are about.'] } };
	const evaluation = ensureEvaluation(db, actor, schoolYear);
	if (evaluation.adoptedOn) return adoptedRefusal;
	return write(db, actor, ({ tx, audit }) => {
		const key = and(
			eq(evaluationRatings.evaluationId, evaluation.id),
			eq(evaluationRatings.memberId, member.id),
			eq(evaluationRatings.priorityId, parsed.data.priorityId)
		);
		const before = tx.select().from(evaluationRatings).where(key).get();
		const row = {
			evaluationId: evaluation.id,
			memberId: member.id,
			...parsed.data,
			updatedAt: new Date().toISOString()
		};
		if (before) tx.update(evaluationRatings).set(row).where(key).run();
		else tx.insert(evaluationRatings).values(row).run();
		// The audit trail notes that a member rated, not the rating: the trail is read by
		// administrators, and the ratings are the board's alone.
		audit({
			action: before ? 'update' : 'create',
			entity: 'evaluation_rating',
			entityId: `${evaluation.id}:${member.id}:${parsed.data.priorityId}`,
			note: 'confidential to the board'
		});
		return { ok: true as const, id: evaluation.id };
	});
}

export function memberOfAccount(db: Db, userId: string) {
	return db.select().from(boardMembers).where(eq(boardMembers.userId, userId)).get() ?? null;
}

export interface BoardRating {
	memberId: number;
	memberName: string;
	priorityId: number;
	rating: number;
	comment: string;
}

/**
 * Every member's ratings of a year: closed-session material. Only the board's own evaluation page
 * calls this, and only for a reader whose role is board (the route checks `evaluate`).
 */
export function ratingsForTheBoard(db: Db, schoolYear: string): BoardRating[] {
	const evaluation = evaluationOf(db, schoolYear);
	if (!evaluation) return [];
	return db
		.select({
			memberId: evaluationRatings.memberId,
			memberName: boardMembers.name,
			priorityId: evaluationRatings.priorityId,
			rating: evaluationRatings.rating,
			comment: evaluationRatings.comment
		})
		.from(evaluationRatings)
		.innerJoin(boardMembers, eq(boardMembers.id, evaluationRatings.memberId))
		.where(eq(evaluationRatings.evaluationId, evaluation.id))
		.orderBy(asc(boardMembers.seat), asc(evaluationRatings.priorityId))
		.all();
}

export const adoptionInput = z.object({
	summary: requiredText('summary the board adopts', 8000),
	motion: requiredText('motion', 500),
	adoptedOn: requiredDate('date adopted'),
	votes: z.record(z.string(), z.string())
});

/** The board adopts the evaluation's public summary by a roll call; once, then kept as adopted. */
export function adoptEvaluation(
	db: Db,
	actor: Actor,
	schoolYear: string,
	values: unknown,
	today: string
): Saved {
	const parsed = adoptionInput.safeParse(values);
	const errors: FieldErrors = {};
	if (!parsed.success)
		for (const issue of parsed.error.issues)
			(errors[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
	if (parsed.success && parsed.data.adoptedOn > today)
		errors.adoptedOn = ['The board adopts it at a meeting that has taken place: today or earlier.'];
	const roll = parsed.success
		? checkedRollCall(db, parsed.data.adoptedOn, parsed.data.votes)
		: null;
	if (roll) Object.assign(errors, roll.errors);
	if (!parsed.success || !roll || Object.keys(errors).length) return { ok: false, errors };
	if (!tallyOf(roll.cast.map((c) => c.vote)).carried)
		return {
			ok: false,
			errors: {
				votes: ['The motion did not carry: a majority of the seats must vote aye to adopt.']
			}
		};
	const evaluation = ensureEvaluation(db, actor, schoolYear);
	if (evaluation.adoptedOn) return adoptedRefusal;
	const { summary, motion, adoptedOn } = parsed.data;
	return write(db, actor, ({ tx, audit }) => {
		tx.update(superintendentEvaluations)
			.set({ summary, motion, adoptedOn })
			.where(eq(superintendentEvaluations.id, evaluation.id))
			.run();
		tx.insert(evaluationVotes)
			.values(roll.cast.map((c) => ({ evaluationId: evaluation.id, ...c })))
			.run();
		audit({
			action: 'update',
			entity: 'superintendent_evaluation',
			entityId: evaluation.id,
			after: { summary, motion, adoptedOn, votes: roll.cast }
		});
		return { ok: true as const, id: evaluation.id };
	});
}

export interface AdoptedEvaluation {
	schoolYear: string;
	summary: string;
	motion: string;
	adoptedOn: string;
	votes: { name: string; seat: string; vote: RollCallVote }[];
	tally: Tally;
}

/** The public part: each adopted evaluation's summary and roll call, newest first. */
export function adoptedEvaluations(db: Db): AdoptedEvaluation[] {
	const rows = db
		.select()
		.from(superintendentEvaluations)
		.orderBy(asc(superintendentEvaluations.schoolYear))
		.all();
	return rows
		.filter((e) => e.adoptedOn && e.summary && e.motion)
		.reverse()
		.map((e) => {
			const votes = db
				.select({ name: boardMembers.name, seat: boardMembers.seat, vote: evaluationVotes.vote })
				.from(evaluationVotes)
				.innerJoin(boardMembers, eq(boardMembers.id, evaluationVotes.memberId))
				.where(eq(evaluationVotes.evaluationId, e.id))
				.orderBy(asc(boardMembers.seat))
				.all();
			return {
				schoolYear: e.schoolYear,
				summary: e.summary!,
				motion: e.motion!,
				adoptedOn: e.adoptedOn!,
				votes,
				tally: tallyOf(votes.map((v) => v.vote))
			};
		});
}
