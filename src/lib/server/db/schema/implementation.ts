import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { nowIso, schoolColumn, schoolYearColumn } from './district.ts';
import { structureColumn } from './structures.ts';

/** The rubric: 0 not started · 1 beginning · 2 developing · 3 implementing · 4 sustaining. */

/** One school's depth of implementation of one structure in one school year. */
export const checkIns = sqliteTable(
	'check_in',
	{
		id: integer('id').primaryKey(),
		schoolId: schoolColumn(),
		structureId: structureColumn(),
		schoolYearId: schoolYearColumn(),
		depth: integer('depth').notNull(),
		/** How the school adapted the structure locally, if it did. */
		adaptation: text('adaptation'),
		/** A site-led role (a teacher leader, a site team) carries the structure: ownership. */
		siteLed: integer('site_led', { mode: 'boolean' }).notNull().default(false),
		evidenceUrl: text('evidence_url'),
		updatedAt: text('updated_at').notNull().default(nowIso)
	},
	(t) => [
		uniqueIndex('check_in_uq').on(t.schoolYearId, t.structureId, t.schoolId),
		index('check_in_school_idx').on(t.schoolId, t.schoolYearId),
		check('check_in_depth_range', sql`depth BETWEEN 0 AND 4`)
	]
);
