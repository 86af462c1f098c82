import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { nowIso } from './district.ts';
import { boardMeetings } from './meetings.ts';
import { priorities } from './priorities.ts';
import { structures } from './structures.ts';
import { measures } from './measures.ts';
import { lcapGoalTypes, lcapActionStatuses } from '../../../choices.ts';

// The LCAP (Local Control and Accountability Plan): the money-and-actions layer under the
// throughline. Amounts are whole cents, so that 183 actions add up to the printed total exactly.

/** A three-year LCAP cycle, e.g. 2024-27. */
export const lcapCycles = sqliteTable('lcap_cycle', {
	id: integer('id').primaryKey(),
	label: text('label').notNull().unique(),
	createdAt: text('created_at').notNull().default(nowIso)
});

/** One year's LCAP as the board adopted it (the 2025-26 LCAP, adopted 24 June 2025). */
export const lcapVersions = sqliteTable('lcap_version', {
	id: integer('id').primaryKey(),
	cycleId: integer('cycle_id')
		.notNull()
		.references(() => lcapCycles.id, { onDelete: 'cascade' }),
	/** The LCAP year, e.g. "2025-26". */
	year: text('year').notNull().unique(),
	adoptedOn: text('adopted_on'),
	adoptedMeetingId: integer('adopted_meeting_id').references(() => boardMeetings.id, {
		onDelete: 'set null'
	}),
	/** The totals typed from the printed tables, checked at import ("the actions add up to …"). */
	printedTotalCents: integer('printed_total_cents'),
	printedLcffCents: integer('printed_lcff_cents'),
	/** The material-difference threshold of the Annual Update: a share and an amount. */
	materialPercent: integer('material_percent').notNull().default(10),
	materialCents: integer('material_cents').notNull().default(5_000_000),
	createdAt: text('created_at').notNull().default(nowIso)
});

export function lcapVersionColumn() {
	return integer('version_id')
		.notNull()
		.references(() => lcapVersions.id, { onDelete: 'cascade' });
}

export const lcapGoals = sqliteTable(
	'lcap_goal',
	{
		id: integer('id').primaryKey(),
		versionId: lcapVersionColumn(),
		number: text('number').notNull(),
		type: text('type', { enum: lcapGoalTypes }).notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		equityMultiplierSchool: text('equity_multiplier_school'),
		/** The state priorities (1–8) the goal addresses, as numbers separated by commas. */
		statePriorities: text('state_priorities').notNull().default(''),
		page: integer('page'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [uniqueIndex('lcap_goal_uq').on(t.versionId, t.number)]
);

/** The crosswalk: an LCAP goal serves one or more board priorities. */
export const lcapGoalPriorities = sqliteTable(
	'lcap_goal_priority',
	{
		goalId: integer('goal_id')
			.notNull()
			.references(() => lcapGoals.id, { onDelete: 'cascade' }),
		priorityId: integer('priority_id')
			.notNull()
			.references(() => priorities.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.goalId, t.priorityId] }),
		index('lcap_goal_priority_priority_idx').on(t.priorityId)
	]
);

export const lcapActions = sqliteTable(
	'lcap_action',
	{
		id: integer('id').primaryKey(),
		versionId: lcapVersionColumn(),
		goalId: integer('goal_id')
			.notNull()
			.references(() => lcapGoals.id, { onDelete: 'cascade' }),
		number: text('number').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		studentGroupFocus: text('student_group_focus').notNull().default(''),
		totalCents: integer('total_cents').notNull(),
		lcffCents: integer('lcff_cents').notNull().default(0),
		otherStateCents: integer('other_state_cents').notNull().default(0),
		localCents: integer('local_cents').notNull().default(0),
		federalCents: integer('federal_cents').notNull().default(0),
		personnelCents: integer('personnel_cents'),
		nonPersonnelCents: integer('non_personnel_cents'),
		/** Contributing to increased or improved services; null where the table left it blank. */
		contributing: integer('contributing', { mode: 'boolean' }),
		studentGroups: text('student_groups').notNull().default(''),
		scope: text('scope').notNull().default(''),
		unduplicatedGroups: text('unduplicated_groups').notNull().default(''),
		location: text('location').notNull().default(''),
		timeSpan: text('time_span').notNull().default(''),
		page: integer('page'),
		note: text('note').notNull().default(''),
		/** The crosswalk: the district structure that carries the action, if any. */
		structureId: integer('structure_id').references(() => structures.id, {
			onDelete: 'set null'
		}),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [
		uniqueIndex('lcap_action_uq').on(t.versionId, t.number),
		index('lcap_action_goal_idx').on(t.goalId),
		index('lcap_action_structure_idx').on(t.structureId)
	]
);

/** The LCAP's own "renumbered" list: last year's action number → this year's. */
export const lcapActionCrosswalk = sqliteTable(
	'lcap_action_crosswalk',
	{
		versionId: lcapVersionColumn(),
		priorNumber: text('prior_number').notNull(),
		number: text('number').notNull()
	},
	(t) => [primaryKey({ columns: [t.versionId, t.priorNumber] })]
);

export const lcapMetrics = sqliteTable(
	'lcap_metric',
	{
		id: integer('id').primaryKey(),
		versionId: lcapVersionColumn(),
		goalId: integer('goal_id')
			.notNull()
			.references(() => lcapGoals.id, { onDelete: 'cascade' }),
		number: text('number').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		source: text('source').notNull().default(''),
		/** The cells as printed (with every group); the rows by group are in lcap_metric_row. */
		baseline: text('baseline').notNull().default(''),
		year1: text('year_1').notNull().default(''),
		year2: text('year_2').notNull().default(''),
		target: text('target').notNull().default(''),
		difference: text('difference').notNull().default(''),
		page: integer('page'),
		/** The crosswalk: the priority's measure this metric is (the same figures, not copied). */
		measureId: integer('measure_id').references(() => measures.id, { onDelete: 'set null' }),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [
		uniqueIndex('lcap_metric_uq').on(t.versionId, t.number),
		index('lcap_metric_goal_idx').on(t.goalId),
		index('lcap_metric_measure_idx').on(t.measureId)
	]
);

/** One student group's (or one component's) row of a metric, as printed. */
export const lcapMetricRows = sqliteTable(
	'lcap_metric_row',
	{
		id: integer('id').primaryKey(),
		metricId: integer('metric_id')
			.notNull()
			.references(() => lcapMetrics.id, { onDelete: 'cascade' }),
		studentGroup: text('student_group').notNull().default(''),
		component: text('component').notNull().default(''),
		baselineYear: text('baseline_year').notNull().default(''),
		baseline: text('baseline').notNull().default(''),
		year1Year: text('year_1_year').notNull().default(''),
		year1: text('year_1').notNull().default(''),
		year2: text('year_2').notNull().default(''),
		targetYear: text('target_year').notNull().default(''),
		target: text('target').notNull().default(''),
		difference: text('difference').notNull().default(''),
		note: text('note').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [index('lcap_metric_row_metric_idx').on(t.metricId, t.sortOrder)]
);

/** The Annual Update printed in a year's LCAP: last year's actions, planned vs estimated actual. */
export const lcapAnnualUpdateRows = sqliteTable(
	'lcap_annual_update_row',
	{
		id: integer('id').primaryKey(),
		versionId: lcapVersionColumn(),
		goalNumber: text('goal_number').notNull(),
		/** Last year's action number, as last year numbered it (joined to this year's only by the crosswalk). */
		actionNumber: text('action_number').notNull(),
		title: text('title').notNull(),
		contributing: integer('contributing', { mode: 'boolean' }),
		plannedCents: integer('planned_cents').notNull(),
		estimatedActualCents: integer('estimated_actual_cents').notNull(),
		page: integer('page'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [uniqueIndex('lcap_annual_update_uq').on(t.versionId, t.actionNumber)]
);

/** A mid-year report on a year's LCAP (budget vs spent to date), due to the board by 28 February. */
export const lcapMidYearReports = sqliteTable('lcap_midyear_report', {
	id: integer('id').primaryKey(),
	/** The school year reported on, e.g. "2024-25". */
	year: text('year').notNull().unique(),
	/** The date the spending is counted to (10 December 2024). */
	asOf: text('as_of').notNull(),
	/** The budget's date (the LCAP's adoption, 25 June 2024). */
	budgetOn: text('budget_on'),
	/** The meeting whose agenda carries it: presented, and frozen with the meeting's record. */
	meetingId: integer('meeting_id').references(() => boardMeetings.id, { onDelete: 'set null' }),
	createdAt: text('created_at').notNull().default(nowIso)
});

export const lcapMidYearRows = sqliteTable(
	'lcap_midyear_row',
	{
		id: integer('id').primaryKey(),
		reportId: integer('report_id')
			.notNull()
			.references(() => lcapMidYearReports.id, { onDelete: 'cascade' }),
		goalNumber: text('goal_number').notNull(),
		actionNumber: text('action_number').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		studentGroups: text('student_groups').notNull().default(''),
		/** Null where the report printed "No Budget Assigned". */
		budgetCents: integer('budget_cents'),
		spentCents: integer('spent_cents'),
		status: text('status', { enum: lcapActionStatuses }),
		note: text('note').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [uniqueIndex('lcap_midyear_row_uq').on(t.reportId, t.actionNumber)]
);
