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
