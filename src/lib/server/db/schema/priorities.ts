import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso, schoolColumn } from './district.ts';
import { boardMeetings } from './meetings.ts';
import { priorityStatuses } from '../../../choices.ts';

export const priorities = sqliteTable(
	'priority',
	{
		id: integer('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		title: text('title').notNull(),
		titleEs: text('title_es'),
		description: text('description').notNull().default(''),
		descriptionEs: text('description_es'),
		rationale: text('rationale').notNull().default(''),
		/** The senior leader who sponsors the priority (name and title, as the public reads it). */
		sponsor: text('sponsor').notNull().default(''),
		status: text('status', { enum: priorityStatuses }).notNull().default('active'),
		adoptedOn: text('adopted_on'),
		adoptedMeetingId: integer('adopted_meeting_id').references(() => boardMeetings.id, {
			onDelete: 'set null'
		}),
		/**
		 * When the plan as the board adopted it was recorded: its measures, baselines, targets and
		 * carrying structures then (`planAsAdopted`, JSON). Before it, the priority is drafted
		 * freely; after it, every change to the plan goes to the public change log with a reason.
		 */
		planRecordedAt: text('plan_recorded_at'),
		planAsAdopted: text('plan_as_adopted', { mode: 'json' }),
		sortOrder: integer('sort_order').notNull().default(0),
		createdAt: text('created_at').notNull().default(nowIso),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [index('priority_status_idx').on(t.status, t.sortOrder)]
);

/** The priority a row belongs to; the row goes with the priority. */
export function priorityColumn() {
	return integer('priority_id')
		.notNull()
		.references(() => priorities.id, { onDelete: 'cascade' });
}

/** An initiative the board decided not to pursue, or to stop. */
export const notDoingItems = sqliteTable('not_doing_item', {
	id: integer('id').primaryKey(),
	title: text('title').notNull(),
	titleEs: text('title_es'),
	decision: text('decision', { enum: ['not pursued', 'stopped'] })
		.notNull()
		.default('not pursued'),
	decidedOn: text('decided_on').notNull(),
	reason: text('reason').notNull(),
	reasonEs: text('reason_es'),
	createdAt: text('created_at').notNull().default(nowIso)
});

/** Any program running at schools, priority or not; counts toward a school's initiative load. */
export const initiatives = sqliteTable('initiative', {
	id: integer('id').primaryKey(),
	name: text('name').notNull().unique(),
	description: text('description').notNull().default(''),
	priorityId: integer('priority_id').references(() => priorities.id, { onDelete: 'set null' }),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	startYear: integer('start_year'),
	createdAt: text('created_at').notNull().default(nowIso)
});

export const initiativeSchools = sqliteTable(
	'initiative_school',
	{
		initiativeId: integer('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		schoolId: schoolColumn()
	},
	(t) => [
		primaryKey({ columns: [t.initiativeId, t.schoolId] }),
		index('initiative_school_school_idx').on(t.schoolId)
	]
);
