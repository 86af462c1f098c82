import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { nowIso } from './district.ts';

// The state's own accountability determinations, as its workbooks publish them. Throughline's
// computed determination (src/lib/server/accountability/) is read from the Dashboard results on
// demand, so it never drifts from them; these rows are the state's record, set beside it.

/**
 * The district's Differentiated Assistance status for one Dashboard year, from the state's
 * "LCFF District/COE Eligibility File" (assistancestatusYY.xlsx): "General Assistance",
 * "Differentiated Assistance", "Differentiated Assistance, Year 1"… in the state's words. A
 * workbook carries the years before too (AssistanceStatus2017…), kept with the file they came from.
 */
export const stateAssistanceStatus = sqliteTable('state_assistance_status', {
	id: integer('id').primaryKey(),
	/** The Dashboard year (2023 is the fall 2023 Dashboard, of 2022-23). */
	year: integer('year').notNull().unique(),
	status: text('status').notNull(),
	/**
	 * The workbook of this very year was imported (not only a later one's look back): its groups'
	 * letters, even none, are the state's determination for the year.
	 */
	withGroups: integer('with_groups', { mode: 'boolean' }).notNull().default(false),
	/** The workbook it was read from. */
	source: text('source').notNull(),
	updatedAt: text('updated_at').notNull().default(nowIso)
});

/**
 * One student group's letter in the state's DA workbook for one Dashboard year: the LCFF priority
 * areas in which the group met the criteria (A = 4, 5, 6 … K = 4, 5, 6, 8; the workbook's "Value"
 * sheet). A group the workbook leaves blank ("*") has no row.
 */
export const stateAssistanceGroups = sqliteTable(
	'state_assistance_group',
	{
		id: integer('id').primaryKey(),
		year: integer('year').notNull(),
		/** The Dashboard files' code (the workbook's TOM is stored as MR). */
		studentGroup: text('student_group').notNull(),
		letter: text('letter').notNull(),
		source: text('source').notNull(),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [uniqueIndex('state_assistance_group_uq').on(t.year, t.studentGroup)]
);

/**
 * A school's ESSA assistance status for one Dashboard year, from the state's "Every Student
 * Succeeds Act Assistance Status" workbook (essaassistanceYY.xlsx): CSI Grad, CSI Low Perform,
 * ATSI, TSI or No Status, with the student groups that made it ATSI or TSI. Keyed by CDS code,
 * not a school row: the district may not have imported the school directory.
 */
export const stateEssaStatus = sqliteTable(
	'state_essa_status',
	{
		id: integer('id').primaryKey(),
		year: integer('year').notNull(),
		cds: text('cds').notNull(),
		schoolName: text('school_name').notNull(),
		status: text('status').notNull(),
		/** The workbook's Exit column (NOEXIT, ATSIEXIT…), as written. */
		exit: text('exit'),
		/** The groups flagged 1, in the Dashboard files' codes, comma-separated. */
		studentGroups: text('student_groups').notNull().default(''),
		source: text('source').notNull(),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [uniqueIndex('state_essa_status_uq').on(t.year, t.cds)]
);
