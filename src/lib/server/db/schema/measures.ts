import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import {
	nowIso,
	schoolOrDistrictColumn,
	schoolYearColumn,
	schoolYears,
	studentGroupColumn
} from './district.ts';
import { priorities } from './priorities.ts';
import {
	measureUnits,
	measureDirections,
	measureKinds,
	colorMissingReasons
} from '../../../choices.ts';

/**
 * Why a Dashboard result has no color: the state showed status only that year (2022), the group
 * was under the state's minimum size (30 students, 15 for foster youth and homeless students), or
 * the file gave none for another reason.
 */

export const measures = sqliteTable(
	'measure',
	{
		id: integer('id').primaryKey(),
		/** Stable key; Dashboard imports use the indicator's ("ela", "chronic", …). */
		code: text('code').notNull().unique(),
		priorityId: integer('priority_id').references(() => priorities.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		nameEs: text('name_es'),
		unit: text('unit', { enum: measureUnits }).notNull(),
		/** Which direction is better. */
		direction: text('direction', { enum: measureDirections }).notNull(),
		kind: text('kind', { enum: measureKinds }).notNull().default('outcome'),
		/**
		 * Whose measure it is: the district's students as a whole ('ALL'), or one student group's
		 * code (the state's English learner progress has rows for English learners only; a
		 * district may measure students with disabilities). Its headline, standing and targets
		 * read that group's values.
		 */
		studentGroup: text('student_group').notNull().default('ALL'),
		source: text('source').notNull().default(''),
		/**
		 * What the measure counts, in the district's words (numerator and denominator, or the state's
		 * method); empty for a measure nobody described, whose public definition is then generated.
		 */
		description: text('description'),
		descriptionEs: text('description_es'),
		baselineYearId: integer('baseline_year_id').references(() => schoolYears.id),
		baselineValue: real('baseline_value'),
		/** The measure shown on the public summary for its priority. */
		headline: integer('headline', { mode: 'boolean' }).notNull().default(false),
		sortOrder: integer('sort_order').notNull().default(0),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [index('measure_priority_idx').on(t.priorityId, t.sortOrder)]
);

/** The district-wide annual (interim) target of a measure for one school year. */
export const measureTargets = sqliteTable(
	'measure_target',
	{
		id: integer('id').primaryKey(),
		measureId: integer('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		schoolYearId: schoolYearColumn(),
		value: real('value').notNull(),
		/**
		 * Whose target: the district's students as a whole ('ALL'), or one student group (many
		 * districts set one for English learners or students with disabilities). A code, not a
		 * reference: a measure may get targets before the state's groups are imported.
		 */
		studentGroup: text('student_group').notNull().default('ALL')
	},
	(t) => [uniqueIndex('measure_target_uq').on(t.measureId, t.schoolYearId, t.studentGroup)]
);

/**
 * A measure's value for one school year, for the district (schoolId null) or one school, for one
 * student group. `n` is the group's size, so that small groups can be suppressed.
 */
export const results = sqliteTable(
	'result',
	{
		id: integer('id').primaryKey(),
		measureId: integer('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		schoolYearId: schoolYearColumn(),
		schoolId: schoolOrDistrictColumn(),
		studentGroup: studentGroupColumn(),
		value: real('value'),
		n: integer('n'),
		/** The state's Dashboard color (1 red … 5 blue, 0 none) and status level (1–5). */
		stateColor: integer('state_color'),
		statusLevel: integer('status_level'),
		/** The state's change level (1 declined significantly … 5 increased significantly, 0 none). */
		changeLevel: integer('change_level'),
		/** The prior year's status and the change from it, as the state's file gives them. */
		priorStatus: real('prior_status'),
		change: real('change'),
		/** Why the state gave no color, when it gave none (see `colorMissingReasons`). */
		colorMissing: text('color_missing', { enum: colorMissingReasons }),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [
		// SQLite treats NULLs as distinct, so district rows (school_id NULL) get their own key.
		uniqueIndex('result_school_uq')
			.on(t.schoolId, t.measureId, t.schoolYearId, t.studentGroup)
			.where(sql`school_id IS NOT NULL`),
		uniqueIndex('result_district_uq')
			.on(t.measureId, t.schoolYearId, t.studentGroup)
			.where(sql`school_id IS NULL`),
		index('result_measure_year_idx').on(t.measureId, t.schoolYearId, t.studentGroup),
		check('result_n_nonnegative', sql`n IS NULL OR n >= 0`)
	]
);
