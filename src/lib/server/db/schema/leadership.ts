import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso, schools } from './district.ts';
import { priorities, priorityColumn } from './priorities.ts';
import { leaderRoles, engagementKinds } from '../../../choices.ts';

/** Who held a senior role or a principalship, and when (endedOn null: still in the role). */
export const leaderTenures = sqliteTable(
	'leader_tenure',
	{
		id: integer('id').primaryKey(),
		role: text('role', { enum: leaderRoles }).notNull(),
		personName: text('person_name').notNull(),
		/** Set for principals. */
		schoolId: integer('school_id').references(() => schools.id, { onDelete: 'cascade' }),
		/** Set for sponsors. */
		priorityId: integer('priority_id').references(() => priorities.id, { onDelete: 'cascade' }),
		startedOn: text('started_on').notNull(),
		endedOn: text('ended_on'),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [
		index('leader_tenure_role_idx').on(t.role, t.startedOn),
		index('leader_tenure_school_idx').on(t.schoolId),
		index('leader_tenure_priority_idx').on(t.priorityId)
	]
);

/** A visible act of a senior leader for a priority. */
export const engagements = sqliteTable(
	'engagement',
	{
		id: integer('id').primaryKey(),
		priorityId: priorityColumn(),
		leaderName: text('leader_name').notNull(),
		leaderRole: text('leader_role').notNull().default(''),
		kind: text('kind', { enum: engagementKinds }).notNull(),
		occurredOn: text('occurred_on').notNull(),
		schoolId: integer('school_id').references(() => schools.id, { onDelete: 'set null' }),
		note: text('note'),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [index('engagement_priority_idx').on(t.priorityId, t.occurredOn)]
);
