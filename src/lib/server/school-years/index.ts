// The district's school years as rows. Which years exist is a rule, not a chore: from the earliest
// result or baseline to five years past the current year (see $lib/school-year for the rules).

import { asc, desc, eq, min, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { district, schoolYears } from '../db/schema/district.ts';
import { measures, results } from '../db/schema/measures.ts';
import {
	currentStartYear,
	neededStartYears,
	schoolYearLabel,
	schoolYearOf
} from '../../school-year.ts';

export interface SchoolYear {
	id: number;
	label: string;
	startYear: number;
}

const columns = { id: schoolYears.id, label: schoolYears.label, startYear: schoolYears.startYear };

/** The start year the administrator pinned as current, or null to follow the calendar. */
export function pinnedStartYear(db: Db): number | null {
	const row = db
		.select({ startYear: schoolYears.startYear })
		.from(district)
		.innerJoin(schoolYears, eq(schoolYears.id, district.currentSchoolYearId))
		.orderBy(asc(district.id))
		.limit(1)
		.get();
	return row?.startYear ?? null;
}

function earliestNeeded(db: Db): number | null {
	const fromResults = db
		.select({ y: min(schoolYears.startYear) })
		.from(results)
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.get()?.y;
	const fromBaselines = db
		.select({ y: min(schoolYears.startYear) })
		.from(measures)
		.innerJoin(schoolYears, eq(schoolYears.id, measures.baselineYearId))
		.get()?.y;
	const found = [fromResults, fromBaselines].filter((y): y is number => y != null);
	return found.length ? Math.min(...found) : null;
}

/** Creates the school years the district needs that are missing; returns how many it added. */
export function ensureSchoolYears(db: Db, today: string): number {
	const current = currentStartYear(today, pinnedStartYear(db));
	const have = new Set(
		db
			.select({ startYear: schoolYears.startYear })
			.from(schoolYears)
			.all()
			.map((y) => y.startYear)
	);
	const missing = neededStartYears(earliestNeeded(db), current).filter((y) => !have.has(y));
	if (missing.length)
		db.insert(schoolYears)
			.values(missing.map((startYear) => ({ startYear, label: schoolYearLabel(startYear) })))
			.onConflictDoNothing()
			.run();
	return missing.length;
}

/** Every school year on record, oldest first (call ensureSchoolYears first where it matters). */
export function listSchoolYears(db: Db): SchoolYear[] {
	return db.select(columns).from(schoolYears).orderBy(asc(schoolYears.startYear)).all();
}

/** The row of a start year, creating it (a year outside the plan still gets a row when asked). */
export function schoolYearRow(db: Db, startYear: number): SchoolYear {
	db.insert(schoolYears)
		.values({ startYear, label: schoolYearLabel(startYear) })
		.onConflictDoNothing()
		.run();
	return db.select(columns).from(schoolYears).where(eq(schoolYears.startYear, startYear)).get()!;
}

/**
 * The current school year: the administrator's pinned year, else the one today falls in.
 * The row always exists after this call.
 */
export function currentSchoolYear(db: Db, today: string): SchoolYear {
	return schoolYearRow(db, currentStartYear(today, pinnedStartYear(db)));
}

/** The years a plan covers: the measure's baseline (or the current year) to five years ahead. */
export function planYears(db: Db, today: string, baselineStartYear: number | null): SchoolYear[] {
	ensureSchoolYears(db, today);
	const current = currentStartYear(today, pinnedStartYear(db));
	const [from, to] = [
		Math.min(baselineStartYear ?? current, current),
		neededStartYears(null, current).at(-1)!
	];
	return listSchoolYears(db).filter((y) => y.startYear >= from && y.startYear <= to);
}

/** The school year of the district's newest result ("2022-23"), or null before any import. */
export function resultsThrough(db: Db): string | null {
	// Newest year first, each asked through the results' (measure, year) index: a handful of
	// lookups, where ordering every result by its year read the whole table (issue 30).
	return (
		db
			.select({ label: schoolYears.label })
			.from(schoolYears)
			.where(
				sql`exists (select 1 from ${measures} join ${results} on ${results.measureId} = ${measures.id} and ${results.schoolYearId} = ${schoolYears.id})`
			)
			.orderBy(desc(schoolYears.startYear))
			.limit(1)
			.get()?.label ?? null
	);
}

export { schoolYearOf };
