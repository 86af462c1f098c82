import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { nowIso } from './district.ts';
import { priorities, priorityColumn } from './priorities.ts';
import { users } from './auth.ts';
import { meetingKinds, updateStates, updateStatuses } from '../../../choices.ts';

export const boardMeetings = sqliteTable(
	'board_meeting',
	{
		id: integer('id').primaryKey(),
		heldOn: text('held_on').notNull(),
		kind: text('kind', { enum: meetingKinds }).notNull().default('regular'),
		title: text('title').notNull().default(''),
		location: text('location'),
		/**
		 * When the superintendent (or an administrator) marked the meeting held: from then on it has
		 * a public record page (/meetings/[id]). Null until then.
		 */
		heldAt: text('held_at'),
		heldBy: text('held_by'),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [index('board_meeting_held_idx').on(t.heldOn)]
);

/** An agenda item, tied to a priority or to none ("other"), with the minutes spent on it. */
export const agendaItems = sqliteTable(
	'agenda_item',
	{
		id: integer('id').primaryKey(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => boardMeetings.id, { onDelete: 'cascade' }),
		priorityId: integer('priority_id').references(() => priorities.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		minutes: integer('minutes').notNull().default(0),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [index('agenda_item_meeting_idx').on(t.meetingId, t.sortOrder)]
);

/** The monitoring calendar: meetings at which a priority is due for a progress update. */
export const monitoringCalendar = sqliteTable(
	'monitoring_due',
	{
		priorityId: priorityColumn(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => boardMeetings.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.priorityId, t.meetingId] })]
);

/** The superintendent's progress update on one priority for one board meeting. */
export const progressUpdates = sqliteTable(
	'progress_update',
	{
		id: integer('id').primaryKey(),
		priorityId: priorityColumn(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => boardMeetings.id, { onDelete: 'cascade' }),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [
		uniqueIndex('progress_update_uq').on(t.priorityId, t.meetingId),
		index('progress_update_meeting_idx').on(t.meetingId)
	]
);

/**
 * Each version of an update. The newest version is the one being edited; a published version is
 * frozen (editing it starts a new draft version), so the public keeps seeing the last published
 * text and the board can read every earlier one.
 */
export const progressUpdateVersions = sqliteTable(
	'progress_update_version',
	{
		id: integer('id').primaryKey(),
		updateId: integer('update_id')
			.notNull()
			.references(() => progressUpdates.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		state: text('state', { enum: updateStates }).notNull().default('draft'),
		status: text('status', { enum: updateStatuses }).notNull(),
		summary: text('summary').notNull().default(''),
		summaryEs: text('summary_es'),
		narrative: text('narrative').notNull().default(''),
		narrativeEs: text('narrative_es'),
		learned: text('learned').notNull().default(''),
		learnedEs: text('learned_es'),
		adjustments: text('adjustments').notNull().default(''),
		adjustmentsEs: text('adjustments_es'),
		nextSteps: text('next_steps').notNull().default(''),
		nextStepsEs: text('next_steps_es'),
		/**
		 * What the presenter says with the slide: board and staff only, shown in the presenter view.
		 * Never on a public page, never in a meeting's record (the deck holds no notes).
		 */
		speakerNotes: text('speaker_notes').notNull().default(''),
		/** JSON array of measure ids shown as evidence, live from the results. */
		evidenceMeasureIds: text('evidence_measure_ids', { mode: 'json' })
			.$type<number[]>()
			.notNull()
			.default([]),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		publishedAt: text('published_at'),
		publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: text('created_at').notNull().default(nowIso),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [
		uniqueIndex('progress_update_version_uq').on(t.updateId, t.version),
		index('progress_update_version_state_idx').on(t.state, t.publishedAt)
	]
);

/** A board member's question to staff on a shared or published update. No replies between members. */
export const boardQuestions = sqliteTable(
	'board_question',
	{
		id: integer('id').primaryKey(),
		updateId: integer('update_id')
			.notNull()
			.references(() => progressUpdates.id, { onDelete: 'cascade' }),
		askedBy: text('asked_by').references(() => users.id, { onDelete: 'set null' }),
		question: text('question').notNull(),
		askedAt: text('asked_at').notNull().default(nowIso),
		answer: text('answer'),
		answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
		answeredAt: text('answered_at')
	},
	(t) => [index('board_question_update_idx').on(t.updateId)]
);

/**
 * What the board was shown at a meeting, frozen when the meeting's updates are published or the
 * meeting is marked held: the slides and packet as they read then (meetings/snapshots.ts). Kept
 * unchangeable (triggers in db/open.ts refuse edits and deletes): a public body's record of the
 * writings distributed to its board (Gov. Code §54957.5). A later freeze adds a row; the newest
 * is the record.
 */
export const meetingSnapshots = sqliteTable(
	'meeting_snapshot',
	{
		id: integer('id').primaryKey(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => boardMeetings.id, { onDelete: 'restrict' }),
		frozenAt: text('frozen_at').notNull().default(nowIso),
		reason: text('reason', { enum: ['published', 'held'] }).notNull(),
		frozenBy: text('frozen_by'),
		/** The presentation (meetings/presentation.ts `Deck`) as JSON. */
		deck: text('deck', { mode: 'json' }).notNull()
	},
	(t) => [index('meeting_snapshot_meeting_idx').on(t.meetingId, t.frozenAt)]
);
