import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso, schoolColumn } from './district.ts';
import { structureColumn } from './structures.ts';
import { users } from './auth.ts';
import { feedbackKinds } from '../../../choices.ts';

/** What a school told the district about a structure; the district's response closes the loop. */
export const feedbackItems = sqliteTable(
	'feedback',
	{
		id: integer('id').primaryKey(),
		schoolId: schoolColumn(),
		structureId: structureColumn(),
		kind: text('kind', { enum: feedbackKinds }).notNull(),
		summary: text('summary').notNull(),
		/** Where it came from: a principal meeting, a survey, a site visit… */
		source: text('source').notNull().default(''),
		reportedOn: text('reported_on').notNull(),
		/** The support adjustment the district made; set when the loop is closed. */
		response: text('response'),
		respondedOn: text('responded_on'),
		respondedBy: text('responded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: text('created_at').notNull().default(nowIso)
	},
	(t) => [
		index('feedback_structure_idx').on(t.structureId, t.reportedOn),
		index('feedback_school_idx').on(t.schoolId, t.reportedOn)
	]
);
