import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { nowIso, schoolOrDistrictColumn, schoolYearColumn } from './district.ts';
import { measures } from './measures.ts';
import { priorities } from './priorities.ts';

/**
 * A break a district records in its own measure's series (a new assessment, a new definition):
 * results from `schoolYearId` on are not comparable with those before it, so no change is computed
 * across it and charts mark it. The state's own breaks are a table in the code
 * (`src/lib/series-breaks.ts`), not rows here.
 */
export const seriesBreaks = sqliteTable(
	'series_break',
	{
		id: integer('id').primaryKey(),
		measureId: integer('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		/** The first school year of the new series. */
		schoolYearId: schoolYearColumn(),
		reason: text('reason').notNull(),
		reasonEs: text('reason_es'),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [uniqueIndex('series_break_uq').on(t.measureId, t.schoolYearId)]
);

/**
 * A dated note of something that happened (a strike, a fire, a new curriculum, a new principal),
 * district-wide (no school, no priority), for one school or for one priority. Shown on every chart
 * whose span includes its date; public unless `internal`.
 */
export const eventNotes = sqliteTable(
	'event_note',
	{
		id: integer('id').primaryKey(),
		/** ISO date, YYYY-MM-DD. */
		happenedOn: text('happened_on').notNull(),
		schoolId: schoolOrDistrictColumn(),
		priorityId: integer('priority_id').references(() => priorities.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		textEs: text('text_es'),
		/** Board and staff only: never on a public page, in the open data or the API. */
		internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [index('event_note_date_idx').on(t.happenedOn)]
);

/**
 * The state's (rtype X) and the county's (rtype C) figure of a Dashboard indicator the district
 * has, as the state's file gives it, by school year and student group: shown beside the district's.
 * No other district's rows are kept.
 */
export const areaFigures = sqliteTable(
	'area_figure',
	{
		id: integer('id').primaryKey(),
		measureId: integer('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		schoolYearId: schoolYearColumn(),
		level: text('level', { enum: ['state', 'county'] }).notNull(),
		/** The state's group code (not a reference: the state may give groups the district lacks). */
		studentGroup: text('student_group').notNull(),
		value: real('value'),
		n: integer('n'),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [uniqueIndex('area_figure_uq').on(t.measureId, t.schoolYearId, t.level, t.studentGroup)]
);
