import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { saveNew } from '../audit/rows.ts';
import {
	selfEvaluationGoals,
	selfEvaluationItems,
	selfEvaluationRatings
} from '../db/schema/board-record.ts';
import { parse, requiredDate, requiredText, type FieldErrors, type Saved } from '../forms.ts';
import { schoolYearLabel, startYearOfLabel } from '../../school-year.ts';
import { mean } from '../../stats.ts';

/** Each item is rated from 1 (needs much improvement) to 5 (a strength). */
export const selfScale = { min: 1, max: 5 } as const;

/**
 * A short neutral example instrument, loaded on request: CSBA's is proprietary, so a district types
 * or loads its own items and edits them. Areas follow the board's roles in the seeds: direction,
 * structure, support, accountability, community.
 */
export const exampleInstrument: { area: string; text: string }[] = [
	{
		area: 'Setting direction',
		text: 'The board keeps a few instructional priorities and says what it will not do.'
	},
	{ area: 'Setting direction', text: 'Our decisions refer to the priorities.' },
	{
		area: 'Establishing structure',
		text: 'Board policies establish the routines that carry the priorities.'
	},
	{ area: 'Providing support', text: 'The budget follows the priorities.' },
	{ area: 'Ensuring accountability', text: 'We give a verdict on every progress report, on time.' },
	{
		area: 'Ensuring accountability',
		text: 'We evaluate the superintendent from the year’s records.'
	},
	{
		area: 'Community leadership',
		text: 'The public can read our priorities, results and verdicts.'
	}
];

export const itemInput = z.object({
	area: requiredText('area', 100),
	text: requiredText('item', 300)
});

export function addItem(db: Db, actor: Actor, values: unknown): Saved {
	const next = listItems(db).length + 1;
	const parsed = parse(itemInput, values);
	return saveNew(
		db,
		actor,
		selfEvaluationItems,
		'self_evaluation_item',
		parsed.ok ? { ok: true, data: { ...parsed.data, sortOrder: next } } : parsed
	);
}

/** Loads the example items (once: refused when the instrument has items already). */
export function loadExampleInstrument(db: Db, actor: Actor): Saved {
	if (listItems(db).length)
		return {
			ok: false,
			errors: { form: ['The instrument has items already: add or edit them one by one.'] }
		};
	return write(db, actor, ({ tx, audit }) => {
		const rows = tx
			.insert(selfEvaluationItems)
			.values(exampleInstrument.map((item, i) => ({ ...item, sortOrder: i + 1 })))
			.returning()
			.all();
		audit({
			action: 'import',
			entity: 'self_evaluation_item',
			after: rows,
			note: 'the example instrument'
		});
		return { ok: true as const, id: rows[0].id };
	});
}

export function listItems(db: Db) {
	return db
		.select()
		.from(selfEvaluationItems)
		.orderBy(asc(selfEvaluationItems.sortOrder), asc(selfEvaluationItems.id))
		.all();
}

/**
 * One rater's ratings of every item for a year (`item-<id>` fields), each from 1 to 5: a rating
 * outside the scale is refused, and nothing is saved. Rating again replaces the rater's own.
 */
export function rateBoard(
	db: Db,
	actor: Actor,
	rater: string,
	schoolYear: string,
	values: Record<string, unknown>
): Saved {
	if (startYearOfLabel(schoolYear) === null)
		return { ok: false, errors: { form: ['Choose a school year.'] } };
	const items = listItems(db);
	const errors: FieldErrors = {};
	const ratings: { itemId: number; rating: number }[] = [];
	for (const item of items) {
		const raw = String(values[`item-${item.id}`] ?? '').trim();
		if (!raw) continue;
		const n = Number(raw);
		if (!Number.isInteger(n) || n < selfScale.min || n > selfScale.max)
			errors[`item-${item.id}`] = [`Rate each item from ${selfScale.min} to ${selfScale.max}.`];
		else ratings.push({ itemId: item.id, rating: n });
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	if (ratings.length === 0) return { ok: false, errors: { form: ['Rate at least one item.'] } };
	return write(db, actor, ({ tx, audit }) => {
		for (const r of ratings) {
			tx.insert(selfEvaluationRatings)
				.values({ schoolYear, rater, ...r })
				.onConflictDoUpdate({
					target: [
						selfEvaluationRatings.schoolYear,
						selfEvaluationRatings.itemId,
						selfEvaluationRatings.rater
					],
					set: { rating: r.rating }
				})
				.run();
		}
		// Who rated, not what: the ratings are read as a spread only.
		audit({
			action: 'update',
			entity: 'self_evaluation_rating',
			entityId: `${schoolYear}:${rater}`,
			note: `${ratings.length} items rated`
		});
		return { ok: true as const, id: ratings.length };
	});
}

export interface ItemSpread {
	itemId: number;
	area: string;
	text: string;
	/** How many raters gave each rating, 1 to 5. */
	counts: number[];
	n: number;
	mean: number | null;
	min: number | null;
	max: number | null;
	/** Last year's mean, and the change from it (null without both years). */
	lastMean: number | null;
	change: number | null;
}

function spreadOf(values: number[]) {
	const counts = [0, 0, 0, 0, 0];
	for (const v of values) counts[v - 1]++;
	return {
		counts,
		n: values.length,
		mean: values.length ? Math.round((mean(values) ?? 0) * 100) / 100 : null,
		min: values.length ? Math.min(...values) : null,
		max: values.length ? Math.max(...values) : null
	};
}

/**
 * Each item's spread of ratings in a year, with the change from the year before: the largest
 * drops first (boards turn those into goals), then the items without a change, in their order.
 */
export function selfEvaluationSpread(db: Db, schoolYear: string): ItemSpread[] {
	const start = startYearOfLabel(schoolYear);
	if (start === null) return [];
	const lastYear = schoolYearLabel(start - 1);
	const rows = db
		.select({
			schoolYear: selfEvaluationRatings.schoolYear,
			itemId: selfEvaluationRatings.itemId,
			rating: selfEvaluationRatings.rating
		})
		.from(selfEvaluationRatings)
		.all();
	const of = (year: string, itemId: number) =>
		rows.filter((r) => r.schoolYear === year && r.itemId === itemId).map((r) => r.rating);
	const spreads = listItems(db).map((item) => {
		const now = spreadOf(of(schoolYear, item.id));
		const before = spreadOf(of(lastYear, item.id));
		return {
			itemId: item.id,
			area: item.area,
			text: item.text,
			...now,
			lastMean: before.mean,
			change:
				now.mean !== null && before.mean !== null
					? Math.round((now.mean - before.mean) * 100) / 100
					: null
		};
	});
	return spreads
		.map((s, order) => ({ s, order }))
		.sort((a, b) => (a.s.change ?? Infinity) - (b.s.change ?? Infinity) || a.order - b.order)
		.map(({ s }) => s);
}

/** Whether this rater has rated this year (their own ratings, for their own form). */
export function ownRatings(db: Db, rater: string, schoolYear: string): Record<number, number> {
	return Object.fromEntries(
		db
			.select({ itemId: selfEvaluationRatings.itemId, rating: selfEvaluationRatings.rating })
			.from(selfEvaluationRatings)
			.where(
				and(
					eq(selfEvaluationRatings.rater, rater),
					eq(selfEvaluationRatings.schoolYear, schoolYear)
				)
			)
			.all()
			.map((r) => [r.itemId, r.rating])
	);
}

export const goalsInput = z.object({
	goals: requiredText('goals', 4000),
	adoptedOn: requiredDate('date adopted')
});

export function adoptSelfGoals(db: Db, actor: Actor, schoolYear: string, values: unknown): Saved {
	const parsed = parse(goalsInput, values);
	if (!parsed.ok) return parsed;
	return write(db, actor, ({ tx, audit }) => {
		const before = tx
			.select()
			.from(selfEvaluationGoals)
			.where(eq(selfEvaluationGoals.schoolYear, schoolYear))
			.get();
		const after = { schoolYear, ...parsed.data };
		tx.insert(selfEvaluationGoals)
			.values(after)
			.onConflictDoUpdate({ target: selfEvaluationGoals.schoolYear, set: parsed.data })
			.run();
		audit({
			action: before ? 'update' : 'create',
			entity: 'self_evaluation_goals',
			entityId: schoolYear,
			before,
			after
		});
		return { ok: true as const, id: 1 };
	});
}

export function selfGoalsOf(db: Db, schoolYear: string) {
	return (
		db
			.select()
			.from(selfEvaluationGoals)
			.where(eq(selfEvaluationGoals.schoolYear, schoolYear))
			.get() ?? null
	);
}

/** The public summary: per year with ratings, each item's spread and the goals adopted; never who rated what. */
export function publicSelfEvaluation(db: Db) {
	const years = db
		.selectDistinct({ schoolYear: selfEvaluationRatings.schoolYear })
		.from(selfEvaluationRatings)
		.all()
		.map((r) => r.schoolYear)
		.sort()
		.reverse();
	return years.map((schoolYear) => ({
		schoolYear,
		items: selfEvaluationSpread(db, schoolYear).map(({ itemId, area, text, n, mean, change }) => ({
			itemId,
			area,
			text,
			n,
			mean,
			change
		})),
		goals: selfGoalsOf(db, schoolYear)
	}));
}
