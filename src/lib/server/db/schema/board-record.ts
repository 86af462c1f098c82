import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso } from './district.ts';
import { users } from './auth.ts';
import { progressUpdates } from './meetings.ts';
import { rollCallVotes, verdicts } from '../../../choices.ts';

/**
 * A member of the board, with a seat and a term. Votes and trainings reference the member, not a
 * user account, so the record stays right after someone leaves the board or their account goes.
 */
export const boardMembers = sqliteTable(
	'board_member',
	{
		id: integer('id').primaryKey(),
		name: text('name').notNull(),
		/** e.g. "Trustee Area 3" or "At large". */
		seat: text('seat').notNull(),
		termStart: text('term_start').notNull(),
		termEnd: text('term_end').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [index('board_member_term_idx').on(t.termStart, t.termEnd)]
);

/**
 * The board's verdict on one progress update presented at a held meeting, with the motion. One per
 * report; kept unchangeable once recorded (triggers in db/open.ts), as the meeting's record is.
 */
export const dispositions = sqliteTable('disposition', {
	id: integer('id').primaryKey(),
	updateId: integer('update_id')
		.notNull()
		.unique()
		.references(() => progressUpdates.id, { onDelete: 'restrict' }),
	interpretation: text('interpretation', { enum: verdicts }).notNull(),
	progress: text('progress', { enum: verdicts }).notNull(),
	finding: text('finding').notNull(),
	motion: text('motion').notNull(),
	recordedBy: text('recorded_by'),
	recordedAt: text('recorded_at').notNull().default(nowIso)
});

/** One member's vote on a disposition's motion: the roll call. */
export const dispositionVotes = sqliteTable(
	'disposition_vote',
	{
		dispositionId: integer('disposition_id')
			.notNull()
			.references(() => dispositions.id, { onDelete: 'restrict' }),
		memberId: integer('member_id')
			.notNull()
			.references(() => boardMembers.id, { onDelete: 'restrict' }),
		vote: text('vote', { enum: rollCallVotes }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.dispositionId, t.memberId] }),
		index('disposition_vote_member_idx').on(t.memberId)
	]
);

/** The superintendent's certification that a report is true as of a date. */
export const reportCertifications = sqliteTable('report_certification', {
	updateId: integer('update_id')
		.primaryKey()
		.references(() => progressUpdates.id, { onDelete: 'cascade' }),
	trueAsOf: text('true_as_of').notNull(),
	certifiedBy: text('certified_by'),
	certifiedAt: text('certified_at').notNull().default(nowIso)
});

/** A training a board member completed. */
export const boardTrainings = sqliteTable(
	'board_training',
	{
		id: integer('id').primaryKey(),
		memberId: integer('member_id')
			.notNull()
			.references(() => boardMembers.id, { onDelete: 'restrict' }),
		completedOn: text('completed_on').notNull(),
		provider: text('provider').notNull(),
		topic: text('topic').notNull(),
		hours: real('hours').notNull(),
		/** The school-finance-law training of Education Code 35220–35223 (AB 640). */
		financeLaw: integer('finance_law', { mode: 'boolean' }).notNull().default(false),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [index('board_training_member_idx').on(t.memberId, t.completedOn)]
);

/**
 * The board's annual evaluation of the superintendent, by school year: drafted from the year's
 * verdicts, with the board's conclusions and next year's goals; public once adopted (its summary
 * and the roll call), never before.
 */
export const superintendentEvaluations = sqliteTable('superintendent_evaluation', {
	id: integer('id').primaryKey(),
	/** The school year's label, e.g. "2024-25". */
	schoolYear: text('school_year').notNull().unique(),
	conclusions: text('conclusions').notNull().default(''),
	goals: text('goals').notNull().default(''),
	summary: text('summary'),
	motion: text('motion'),
	adoptedOn: text('adopted_on'),
	createdAt: text('created_at').notNull().default(nowIso)
});

/** The roll call on adopting an evaluation. */
export const evaluationVotes = sqliteTable(
	'evaluation_vote',
	{
		evaluationId: integer('evaluation_id')
			.notNull()
			.references(() => superintendentEvaluations.id, { onDelete: 'restrict' }),
		memberId: integer('member_id')
			.notNull()
			.references(() => boardMembers.id, { onDelete: 'restrict' }),
		vote: text('vote', { enum: rollCallVotes }).notNull()
	},
	(t) => [primaryKey({ columns: [t.evaluationId, t.memberId] })]
);

/**
 * One member's rating of the superintendent on one priority: closed-session material,
 * confidential to the board. Never on a public page, in the open data or an export, and read only
 * for a board member's own page (board-record/evaluation.ts).
 */
export const evaluationRatings = sqliteTable(
	'evaluation_rating',
	{
		evaluationId: integer('evaluation_id')
			.notNull()
			.references(() => superintendentEvaluations.id, { onDelete: 'cascade' }),
		memberId: integer('member_id')
			.notNull()
			.references(() => boardMembers.id, { onDelete: 'restrict' }),
		priorityId: integer('priority_id').notNull(),
		rating: integer('rating').notNull(),
		comment: text('comment').notNull().default(''),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [primaryKey({ columns: [t.evaluationId, t.memberId, t.priorityId] })]
);

/** The board's self-evaluation instrument: items grouped by area, typed or loaded by the district. */
export const selfEvaluationItems = sqliteTable('self_evaluation_item', {
	id: integer('id').primaryKey(),
	area: text('area').notNull(),
	text: text('text').notNull(),
	sortOrder: integer('sort_order').notNull().default(0)
});

/**
 * One rater's rating of one item in a school year: a member (`member:<id>`) or the superintendent
 * (`superintendent`). Who rated what is never shown: the public and the board read the spread.
 */
export const selfEvaluationRatings = sqliteTable(
	'self_evaluation_rating',
	{
		schoolYear: text('school_year').notNull(),
		itemId: integer('item_id')
			.notNull()
			.references(() => selfEvaluationItems.id, { onDelete: 'cascade' }),
		rater: text('rater').notNull(),
		rating: integer('rating').notNull()
	},
	(t) => [primaryKey({ columns: [t.schoolYear, t.itemId, t.rater] })]
);

/** The goals the board adopts for itself from its self-evaluation, by school year. */
export const selfEvaluationGoals = sqliteTable('self_evaluation_goals', {
	schoolYear: text('school_year').primaryKey(),
	goals: text('goals').notNull(),
	adoptedOn: text('adopted_on').notNull()
});
