import { byName } from '../db/sort.ts';
import { daysBetween } from '../../school-year.ts';
import { and, asc, desc, eq, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { feedbackItems } from '../db/schema/feedback.ts';
import { schools } from '../db/schema/district.ts';
import { structures } from '../db/schema/structures.ts';
import { deleteRecorded, insertRecorded, updateRecorded } from '../audit/rows.ts';
import { feedbackKinds } from '../../choices.ts';

export type Feedback = typeof feedbackItems.$inferSelect;

const isoDate = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, message)
		.refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')), message);

const id = (message: string) =>
	z.preprocess(
		(v) => (v === '' || v == null ? undefined : Number(v)),
		z.number({ error: message }).int(message).positive(message)
	);

export const feedbackInput = z.object({
	schoolId: id('Choose the school.'),
	structureId: id('Choose the structure.'),
	kind: z.enum(feedbackKinds, { error: 'Choose a barrier, a need or a bright spot.' }),
	summary: z
		.string()
		.trim()
		.min(1, 'Say what the school reported.')
		.max(2000, 'Keep it under 2,000 characters.'),
	source: z.string().trim().max(200, 'Keep the source under 200 characters.').default(''),
	reportedOn: isoDate('Enter the date it was reported as YYYY-MM-DD.')
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const responseInput = z.object({
	response: z
		.string()
		.trim()
		.min(1, 'Describe the support adjustment the district made.')
		.max(2000, 'Keep it under 2,000 characters.'),
	respondedOn: isoDate('Enter the date of the response as YYYY-MM-DD.')
});
export type ResponseInput = z.infer<typeof responseInput>;

export { daysBetween };

/** Whole days from a loop's opening to its closing (or to today, while open). */
export function loopDays(f: Pick<Feedback, 'reportedOn' | 'respondedOn'>, today: string): number {
	return daysBetween(f.reportedOn, f.respondedOn ?? today);
}

export interface FeedbackRow extends Feedback {
	schoolName: string;
	structureName: string;
}

export interface FeedbackFilter {
	structureId?: number;
	schoolId?: number;
	state?: 'open' | 'closed';
}

export function listFeedback(db: Db, filter: FeedbackFilter = {}): FeedbackRow[] {
	const rows = db
		.select({ f: feedbackItems, schoolName: schools.name, structureName: structures.name })
		.from(feedbackItems)
		.innerJoin(schools, eq(schools.id, feedbackItems.schoolId))
		.innerJoin(structures, eq(structures.id, feedbackItems.structureId))
		.where(
			and(
				filter.structureId ? eq(feedbackItems.structureId, filter.structureId) : undefined,
				filter.schoolId ? eq(feedbackItems.schoolId, filter.schoolId) : undefined
			)
		)
		.orderBy(desc(feedbackItems.reportedOn), desc(feedbackItems.id))
		.all()
		.map((r) => ({ ...r.f, schoolName: r.schoolName, structureName: r.structureName }));
	if (filter.state === 'open') return rows.filter((r) => r.respondedOn === null);
	if (filter.state === 'closed') return rows.filter((r) => r.respondedOn !== null);
	return rows;
}

export function getFeedback(db: Db, feedbackId: number): Feedback | undefined {
	return db.select().from(feedbackItems).where(eq(feedbackItems.id, feedbackId)).get();
}

export function feedbackOptions(db: Db) {
	return {
		schools: db
			.select({ id: schools.id, name: schools.name })
			.from(schools)
			.orderBy(byName(schools.name))
			.all(),
		structures: db
			.select({ id: structures.id, name: structures.name })
			.from(structures)
			.orderBy(asc(structures.sortOrder), byName(structures.name))
			.all()
	};
}

export interface LoopSummary {
	total: number;
	open: number;
	closed: number;
	/** Median whole days to close, over closed loops; null when none is closed. */
	medianDaysToClose: number | null;
	/** Mean days to close, one decimal. */
	meanDaysToClose: number | null;
	/** Open loops older than the limit. */
	openTooLong: number;
}

export function summarizeLoops(rows: Feedback[], today: string, openDays: number): LoopSummary {
	const closedDays = rows
		.filter((r) => r.respondedOn !== null)
		.map((r) => loopDays(r, today))
		.sort((a, b) => a - b);
	const open = rows.filter((r) => r.respondedOn === null);
	const n = closedDays.length;
	const median =
		n === 0
			? null
			: n % 2
				? closedDays[(n - 1) / 2]
				: (closedDays[n / 2 - 1] + closedDays[n / 2]) / 2;
	return {
		total: rows.length,
		open: open.length,
		closed: n,
		medianDaysToClose: median,
		meanDaysToClose:
			n === 0 ? null : Math.round((closedDays.reduce((a, b) => a + b, 0) / n) * 10) / 10,
		openTooLong: open.filter((r) => loopDays(r, today) > openDays).length
	};
}

export interface MonthCount {
	month: string;
	opened: number;
	closed: number;
}

/** Loops opened (by report date) and closed (by response date) per calendar month, in order. */
export function loopsPerMonth(rows: Feedback[]): MonthCount[] {
	const months = new Map<string, MonthCount>();
	const at = (month: string) => {
		let m = months.get(month);
		if (!m) {
			m = { month, opened: 0, closed: 0 };
			months.set(month, m);
		}
		return m;
	};
	for (const r of rows) {
		at(r.reportedOn.slice(0, 7)).opened += 1;
		if (r.respondedOn) at(r.respondedOn.slice(0, 7)).closed += 1;
	}
	if (months.size === 0) return [];
	// Fill the months in between, so that quiet months show as zero.
	const keys = [...months.keys()].sort();
	const out: MonthCount[] = [];
	let [y, m] = keys[0].split('-').map(Number);
	const last = keys[keys.length - 1];
	for (;;) {
		const key = `${y}-${String(m).padStart(2, '0')}`;
		out.push(months.get(key) ?? { month: key, opened: 0, closed: 0 });
		if (key >= last) break;
		m += 1;
		if (m > 12) {
			m = 1;
			y += 1;
		}
	}
	return out;
}

export function openLoopsOlderThan(db: Db, today: string, days: number): Feedback[] {
	const cutoff = new Date(Date.parse(today + 'T00:00:00Z') - days * 86_400_000)
		.toISOString()
		.slice(0, 10);
	return db
		.select()
		.from(feedbackItems)
		.where(and(isNull(feedbackItems.respondedOn), lt(feedbackItems.reportedOn, cutoff)))
		.all();
}

export function createFeedback(db: Db, actor: Actor, input: FeedbackInput): number {
	return insertRecorded(db, actor, feedbackItems, 'feedback', input).id;
}

export function updateFeedback(
	db: Db,
	actor: Actor,
	feedbackId: number,
	input: FeedbackInput
): boolean {
	return updateRecorded(db, actor, feedbackItems, 'feedback', feedbackId, () => input) !== null;
}

export class LoopError extends Error {}

/** Closes the loop with the district's response. The response cannot predate the report. */
export function closeLoop(db: Db, actor: Actor, feedbackId: number, input: ResponseInput): boolean {
	const closed = (before: Feedback) => {
		if (input.respondedOn < before.reportedOn) {
			throw new LoopError('The response cannot come before the report.');
		}
		return { response: input.response, respondedOn: input.respondedOn, respondedBy: actor.id };
	};
	return (
		updateRecorded(db, actor, feedbackItems, 'feedback', feedbackId, closed, 'loop closed') !== null
	);
}

export function reopenLoop(db: Db, actor: Actor, feedbackId: number): boolean {
	const reopened = () => ({ response: null, respondedOn: null, respondedBy: null });
	return (
		updateRecorded(db, actor, feedbackItems, 'feedback', feedbackId, reopened, 'loop reopened') !==
		null
	);
}

export function deleteFeedback(db: Db, actor: Actor, feedbackId: number): boolean {
	return deleteRecorded(db, actor, feedbackItems, 'feedback', feedbackId);
}
