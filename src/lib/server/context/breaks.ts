// Breaks a district records in its own measures' series (a new assessment, a new definition):
// from the year given, results do not compare with the years before. The state's breaks are a
// table in the code (src/lib/series-breaks.ts); reading both is the shared rule results/breaks.ts.
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { deleteRecorded, saveNew } from '../audit/rows.ts';
import { seriesBreaks } from '../db/schema/context.ts';
import { measures, results } from '../db/schema/measures.ts';
import { schoolYears } from '../db/schema/district.ts';
import {
	optionalText,
	parseChecked,
	requiredText,
	type FieldErrors,
	type Saved
} from '../forms.ts';

const id = (label: string) =>
	z
		.string({ error: `Choose the ${label}.` })
		.trim()
		.min(1, `Choose the ${label}.`)
		.transform(Number)
		.refine((n) => Number.isInteger(n) && n > 0, `Choose the ${label} from the list.`);

export const breakInput = z.object({
	measureId: id('measure'),
	schoolYearId: id('first school year of the new series'),
	reason: requiredText('reason (what changed)', 500),
	reasonEs: optionalText('Spanish reason', 500)
});

function checkBreak(db: Db, data: z.infer<typeof breakInput>): FieldErrors {
	const errors: FieldErrors = {};
	const measure = db.select().from(measures).where(eq(measures.id, data.measureId)).get();
	if (!measure) errors.measureId = ['Choose the measure from the list.'];
	else if (
		!db
			.select({ id: results.id })
			.from(results)
			.where(eq(results.measureId, data.measureId))
			.limit(1)
			.get()
	)
		errors.measureId = [
			`${measure.name} has no results yet: a break separates results, so record it once there are some.`
		];
	if (!db.select().from(schoolYears).where(eq(schoolYears.id, data.schoolYearId)).get())
		errors.schoolYearId = ['Choose the school year from the list.'];
	else if (
		db
			.select()
			.from(seriesBreaks)
			.where(
				and(
					eq(seriesBreaks.measureId, data.measureId),
					eq(seriesBreaks.schoolYearId, data.schoolYearId)
				)
			)
			.get()
	)
		errors.schoolYearId = ['This measure already has a break in that school year.'];
	return errors;
}

export function createBreak(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(
		db,
		actor,
		seriesBreaks,
		'series_break',
		parseChecked(breakInput, values, (d) => checkBreak(db, d))
	);
}

export function deleteBreak(db: Db, actor: Actor, id: number): boolean {
	return deleteRecorded(db, actor, seriesBreaks, 'series_break', id);
}

/** The district's breaks, for staff's list. */
export function listBreaks(db: Db) {
	return db
		.select({
			id: seriesBreaks.id,
			measure: measures.name,
			schoolYear: schoolYears.label,
			reason: seriesBreaks.reason,
			reasonEs: seriesBreaks.reasonEs
		})
		.from(seriesBreaks)
		.innerJoin(measures, eq(measures.id, seriesBreaks.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, seriesBreaks.schoolYearId))
		.orderBy(asc(measures.name), asc(schoolYears.startYear))
		.all();
}

/** The choices of the break form: the measures that have results, and the school years. */
export function breakChoices(db: Db) {
	return {
		measures: db
			.selectDistinct({ value: measures.id, label: measures.name })
			.from(measures)
			.innerJoin(results, eq(results.measureId, measures.id))
			.orderBy(asc(measures.name))
			.all(),
		years: db
			.select({ value: schoolYears.id, label: schoolYears.label })
			.from(schoolYears)
			.orderBy(asc(schoolYears.startYear))
			.all()
	};
}
