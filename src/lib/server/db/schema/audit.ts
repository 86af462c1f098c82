import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso } from './district.ts';

/**
 * Every change, as a public body's records demand. Append-only: no code path updates or deletes
 * a row (a trigger in the migration refuses it too).
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey(),
		at: text('at').notNull().default(nowIso),
		/** Kept as text, not a foreign key: the entry must outlive the account. */
		userId: text('user_id'),
		userEmail: text('user_email'),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' }),
		note: text('note'),
		/**
		 * The chain that makes the trail tamper-evident (db/audit-chain.ts): the previous row's hash, and
		 * this row's, over its content and that link. Null only for rows not yet sealed.
		 */
		prevHash: text('prev_hash'),
		hash: text('hash')
	},
	(t) => [
		index('audit_entity_idx').on(t.entity, t.entityId, t.at),
		index('audit_user_idx').on(t.userId, t.at),
		index('audit_at_idx').on(t.at),
		// The audit filter's list of kinds of act, read by seeks (history.ts `occurring`).
		index('audit_action_idx').on(t.action)
	]
);
