// Rows kept per school (or the district), school year and student group — results and
// enrollment: what their writers share.
import { sql } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { DbFile } from '../db/open.ts';
import { results } from '../db/schema/measures.ts';
import { knownGroup } from './groups.ts';
import { schoolYearLabel } from './indicators.ts';

/**
 * The inserts-or-updates of a result: a school's row and the district's (school_id null) are
 * unique on different partial indexes, and an upsert's conflict target must name one of them.
 */
export function resultUpserts(
	db: DbFile,
	values: SQLiteInsertValue<typeof results>,
	set: SQLiteUpdateSetSource<typeof results>
) {
	return {
		school: db
			.insert(results)
			.values(values)
			.onConflictDoUpdate({
				target: [results.schoolId, results.measureId, results.schoolYearId, results.studentGroup],
				targetWhere: sql`school_id IS NOT NULL`,
				set
			}),
		district: db
			.insert(results)
			.values(values)
			.onConflictDoUpdate({
				target: [results.measureId, results.schoolYearId, results.studentGroup],
				targetWhere: sql`school_id IS NULL`,
				set
			})
	};
}

/** How the report names a changed row: "ELA, 2023-24, Lincoln Elementary, English learners". */
export function groupRowName(what: string, startYear: number, place: string, group: string) {
	return `${what}, ${schoolYearLabel(startYear)}, ${place}, ${knownGroup(group)?.name ?? group}`;
}
