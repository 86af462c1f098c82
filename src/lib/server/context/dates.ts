// Two dates beside each figure: when the source released it (the state's Dashboard release, a
// table in the code; a district's own data has none) and when it was loaded here (the newest
// change to the measure's results of that year).
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { schoolYearLabel } from '../../school-year.ts';
import { measures, results } from '../db/schema/measures.ts';
import { schoolYears } from '../db/schema/district.ts';
import {
	dashboardIndicatorCodes,
	isDashboardMeasure,
	newestDueDashboard,
	releaseOf
} from '../../dashboard-releases.ts';

export interface FigureDates {
	schoolYear: string;
	/** The state's release (YYYY-MM-DD) for a Dashboard measure, when known and not after loading. */
	released: string | null;
	/** When the results of that year were last loaded or entered (YYYY-MM-DD). */
	loaded: string | null;
	/** A Dashboard measure (state data) or the district's own. */
	state: boolean;
}

/** The dates of each measure's newest year with a district result, by measure id. */
export function measureDates(db: Db, measureIds: number[]): Record<number, FigureDates> {
	if (!measureIds.length) return {};
	const rows = db
		.select({
			id: measures.id,
			code: measures.code,
			startYear: max(schoolYears.startYear)
		})
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.where(and(inArray(results.measureId, measureIds), isNull(results.schoolId)))
		.groupBy(measures.id)
		.all();
	const out: Record<number, FigureDates> = {};
	for (const r of rows) {
		if (r.startYear === null) continue;
		const loaded =
			db
				.select({ at: sql<string | null>`max(${results.updatedAt})` })
				.from(results)
				.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
				.where(and(eq(results.measureId, r.id), eq(schoolYears.startYear, r.startYear)))
				.get()
				?.at?.slice(0, 10) ?? null;
		const state = isDashboardMeasure(r.code);
		const release = state ? releaseOf(r.startYear) : null;
		out[r.id] = {
			schoolYear: schoolYearLabel(r.startYear),
			// Figures loaded before the state's release date cannot be that release: say nothing.
			released: release && (!loaded || release <= loaded) ? release : null,
			loaded,
			state
		};
	}
	return out;
}

/**
 * The state's newest Dashboard should be out by `today` but the district has not loaded it:
 * the Dashboard year expected and the newest school year of Dashboard results it has (null when
 * it has none, or has the newest).
 */
export function dashboardDue(
	db: Db,
	today: string
): { year: number; schoolYear: string; newest: string } | null {
	const due = newestDueDashboard(today);
	const newest = db
		.select({ label: schoolYears.label, startYear: schoolYears.startYear })
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.where(and(isNull(results.schoolId), inArray(measures.code, [...dashboardIndicatorCodes])))
		.orderBy(sql`${schoolYears.startYear} desc`)
		.limit(1)
		.get();
	if (!newest || newest.startYear >= due.year - 1) return null;
	return { ...due, newest: newest.label };
}
