import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso } from './district.ts';
import { priorityColumn } from './priorities.ts';
import { auditLog } from './audit.ts';
import { planChangeKinds } from '../../../choices.ts';

/**
 * What may change in an adopted plan and must be explained to the public: a measure added to or
 * removed from the priority, a measure's targets or baseline, the priority's status, and the
 * structures that carry it.
 */

/**
 * The public record of the plan: one row per change to an adopted priority, with what it was
 * before and after (as plain values, worded by the page in the reader's language) and the reason
 * the district gave. The audit trail stays the full internal record; `auditId` points to it.
 */
export const planChanges = sqliteTable(
	'plan_change',
	{
		id: integer('id').primaryKey(),
		priorityId: priorityColumn(),
		changedAt: text('changed_at').notNull().default(nowIso),
		kind: text('kind', { enum: planChangeKinds }).notNull(),
		/** The measure's or structure's name when the change was made (it may be renamed later). */
		subject: text('subject').notNull().default(''),
		subjectEs: text('subject_es'),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' }),
		reason: text('reason').notNull(),
		reasonEs: text('reason_es'),
		auditId: integer('audit_id').references(() => auditLog.id)
	},
	(t) => [index('plan_change_priority_idx').on(t.priorityId, t.changedAt)]
);
