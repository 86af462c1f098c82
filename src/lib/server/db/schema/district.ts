import { sql } from 'drizzle-orm';
import {
	blob,
	index,
	integer,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import {
	districtDefaults as d,
	logoTypes,
	schoolTypes,
	studentGroupKinds
} from '../../../choices.ts';

export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * One database holds one district. Its row also carries the board's settings, so that every
 * setting is typed and has a default instead of living in a key–value bag.
 */
export const district = sqliteTable('district', {
	id: integer('id').primaryKey(),
	name: text('name').notNull(),
	/** 14-digit County-District-School code; district codes end in 0000000. */
	cdsCode: text('cds_code').notNull(),
	/** Board-set cap on active priorities. */
	priorityCap: integer('priority_cap').notNull().default(d.priorityCap),
	/** Results for groups smaller than this are never shown to the public. */
	suppressionSize: integer('suppression_size').notNull().default(d.suppressionSize),
	currentSchoolYearId: integer('current_school_year_id').references(() => schoolYears.id),
	/** A school running more active initiatives than this is flagged. */
	initiativeLimit: integer('initiative_limit').notNull().default(d.initiativeLimit),
	/** A priority with no senior-leader engagement for this many days is flagged. */
	engagementWindowDays: integer('engagement_window_days').notNull().default(d.engagementWindowDays),
	/** Goal for the share of board meeting time spent on the priorities, in percent. */
	boardTimeGoalPercent: integer('board_time_goal_percent')
		.notNull()
		.default(d.boardTimeGoalPercent),
	/** Feedback loops open longer than this are flagged. */
	feedbackOpenDays: integer('feedback_open_days').notNull().default(d.feedbackOpenDays),
	/** Admin, superintendent and staff must sign in with a second factor (an authenticator app). */
	mfaRequired: integer('mfa_required', { mode: 'boolean' }).notNull().default(d.mfaRequired),
	/** When results or published content last changed: the public pages' "data as of". */
	dataUpdatedAt: text('data_updated_at')
});

/** The district's logo, shown in the site header; checked to be one of `logoTypes` on upload. */
export const districtLogo = sqliteTable('district_logo', {
	districtId: integer('district_id')
		.primaryKey()
		.references(() => district.id, { onDelete: 'cascade' }),
	contentType: text('content_type', { enum: logoTypes }).notNull(),
	bytes: blob('bytes', { mode: 'buffer' }).notNull(),
	/** Its SHA-256 (hex): the address's version, so browsers may keep it. */
	sha256: text('sha256').notNull(),
	updatedAt: text('updated_at').notNull().default(nowIso)
});

export const schoolYears = sqliteTable('school_year', {
	id: integer('id').primaryKey(),
	/** e.g. "2023-24" */
	label: text('label').notNull().unique(),
	/** The calendar year the school year starts in (2023 for 2023-24). */
	startYear: integer('start_year').notNull().unique()
});

export const schools = sqliteTable(
	'school',
	{
		id: integer('id').primaryKey(),
		cdsCode: text('cds_code').notNull().unique(),
		name: text('name').notNull(),
		type: text('type', { enum: schoolTypes }).notNull().default('other'),
		/** Grade span as the state writes it, e.g. "K-5". */
		gradeSpan: text('grade_span'),
		status: text('status', { enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		openedOn: text('opened_on'),
		closedOn: text('closed_on'),
		charter: integer('charter', { mode: 'boolean' }).notNull().default(false),
		/**
		 * Left out of the district's figures: every by-school table, the coherence matrix, scale
		 * profiles and the public school lists (e.g. a charter the district authorizes but does not
		 * run, which the state's files list under the district). Its rows stay, for the record.
		 */
		excluded: integer('excluded', { mode: 'boolean' }).notNull().default(false),
		excludedReason: text('excluded_reason'),
		excludedOn: text('excluded_on')
	},
	(t) => [index('school_name_idx').on(t.name), index('school_status_idx').on(t.status)]
);

/**
 * CDS codes of schools merged into another: a later file naming the old code reaches the kept
 * school instead of creating the merged one again.
 */
export const schoolCdsAliases = sqliteTable('school_cds_alias', {
	cdsCode: text('cds_code').primaryKey(),
	schoolId: schoolColumn()
});

/**
 * The state's student-group codes (ALL, EL, SED, …) with their full names. `test-takers` marks the
 * academic files' categories of who took which test (SBA, CAA): kept for the board, never shown
 * to the public as a student group.
 */
export const studentGroups = sqliteTable('student_group', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	nameEs: text('name_es'),
	kind: text('kind', { enum: studentGroupKinds }).notNull().default('student-group'),
	sortOrder: integer('sort_order').notNull().default(0)
});

// The columns by which a row belongs to a school year, a school or a student group, written once
// so that every table refers to them alike. Functions: each table needs its own column.

/** The school year a row is for. */
export function schoolYearColumn() {
	return integer('school_year_id')
		.notNull()
		.references(() => schoolYears.id);
}

/** The school a row belongs to; the row goes with the school. */
export function schoolColumn() {
	return integer('school_id')
		.notNull()
		.references(() => schools.id, { onDelete: 'cascade' });
}

/** A school's row, or (null) the district's; a school's rows go with it. */
export function schoolOrDistrictColumn() {
	return integer('school_id').references(() => schools.id, { onDelete: 'cascade' });
}

/** The student group (the state's code) a row is for. */
export function studentGroupColumn() {
	return text('student_group')
		.notNull()
		.references(() => studentGroups.code);
}

/**
 * Census enrollment: how many students a school (or the district, schoolId null) had in a year,
 * by student group, as the state's census file gives it. Context for the school pages and the
 * group sizes behind suppression, never an outcome measure.
 */
export const enrollments = sqliteTable(
	'enrollment',
	{
		id: integer('id').primaryKey(),
		schoolYearId: schoolYearColumn(),
		schoolId: schoolOrDistrictColumn(),
		studentGroup: studentGroupColumn(),
		/** Students in the group (the whole enrollment for ALL). */
		students: integer('students'),
		/** The group's share of all students, in percent, as the state gives it. */
		share: real('share'),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [
		uniqueIndex('enrollment_school_uq')
			.on(t.schoolId, t.schoolYearId, t.studentGroup)
			.where(sql`school_id IS NOT NULL`),
		uniqueIndex('enrollment_district_uq')
			.on(t.schoolYearId, t.studentGroup)
			.where(sql`school_id IS NULL`)
	]
);
