import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { nowIso } from './district.ts';
import { users } from './auth.ts';
import {
	noticeDeliveries,
	noticeKinds,
	noticeLanguages,
	noticeStatuses
} from '../../../notices.ts';

/**
 * The outbox: one row per notice and recipient, written in the same transaction as the change
 * that causes it (outbox/), sent by the worker (notices/). `subject` names the cause, so the
 * same cause never queues the same notice twice for one person.
 */
export const notices = sqliteTable(
	'notice',
	{
		id: integer('id').primaryKey(),
		kind: text('kind', { enum: noticeKinds }).notNull(),
		recipientId: text('recipient_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The cause: `progress_update_version:12`, `due:2025-03-04:7:14`… */
		subject: text('subject').notNull(),
		/** The thing's title only: never a draft's content. */
		title: text('title').notNull(),
		titleEs: text('title_es'),
		/** The page it links to, from the site's root. */
		path: text('path').notNull(),
		status: text('status', { enum: noticeStatuses }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		/** When the worker may try next (ISO); back-off after a temporary refusal. */
		nextAttemptAt: text('next_attempt_at').notNull().default(nowIso),
		lastError: text('last_error'),
		sentAt: text('sent_at'),
		/** Set when sent in a weekly digest rather than on its own. */
		digest: integer('digest', { mode: 'boolean' }).notNull().default(false),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [
		uniqueIndex('notice_once_idx').on(t.kind, t.subject, t.recipientId),
		index('notice_due_idx').on(t.status, t.nextAttemptAt),
		index('notice_recipient_idx').on(t.recipientId, t.status)
	]
);

/** Each person's choice per kind of notice (none chosen: the kind's default). */
export const noticePreferences = sqliteTable(
	'notice_preference',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: noticeKinds }).notNull(),
		delivery: text('delivery', { enum: noticeDeliveries }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })]
);

/** Each person's language for e-mail and when their last weekly digest went. */
export const noticeReaders = sqliteTable('notice_reader', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	language: text('language', { enum: noticeLanguages }).notNull().default('en'),
	lastDigestAt: text('last_digest_at')
});
