// Pure computations of reach, depth and lasting. No database here: the queries in ./queries.ts
// gather plain rows and hand them to these functions, so each measure is easy to test by hand.
//
// Definitions decided for Throughline (also in the report and on the pages' "how this is computed"):
// - A school is *at 3 or above* ("reached") on a structure when its check-in depth is 3
//   (implementing) or 4 (sustaining).
// - A missing check-in is *not* a zero: it is unknown. Every share is taken over the check-ins
//   that exist, and the pages show how many schools checked in, so gaps in reporting stay visible.
// - Interquartile range: Q3 − Q1 with quartiles by linear interpolation between order statistics
//   (Hyndman & Fan type 7, the method of R's default `quantile`, Excel's QUARTILE.INC and
//   NumPy's default). One value gives 0; no values give null.
// - Median: the middle value, or the mean of the two middle values.
// - Coherence of a school: of the required structures it has a check-in for, the share at 3+.
// - Autonomy of a school: of the discretionary structures it has a check-in for, the share it
//   adapted locally (a non-empty adaptation note).
// - For a priority, a school's depth in a year is the mean of its depths on the structures that
//   carry the priority (those it checked in on); it is "at 3+" on the priority when that mean is 3+.
// - Sustainability: a school measured this year sustained the priority when it was at 3+ this
//   year and the school year before (two or more consecutive years, ending this year).
// - Held through a principal change: a sustained school whose current run of consecutive 3+ years
//   contains a principal change in its second year or later — it was at 3+ before the new
//   principal started and still at 3+ in the year the new principal led.
// - Ownership: the share of measured schools with a local adaptation or a site-led role on at
//   least one structure that carries the priority that year.

import { reachedDepth } from '../../rubric.ts';
import type { StructureSummary } from '../../implementation/coherence.ts';
import type { ScaleYear } from '../../implementation/scale-profile.ts';
import { iqr, mean, median, quantile } from '../../stats.ts';

export { iqr, mean, median, quantile };

export function isReached(depth: number): boolean {
	return depth >= reachedDepth;
}

/** Share (0…1) of depths at 3 or above; null when there are none. */
export function spread(depths: readonly number[]): number | null {
	if (depths.length === 0) return null;
	return depths.filter(isReached).length / depths.length;
}

export interface CellFact {
	required: boolean;
	depth: number;
	adapted: boolean;
}

/** Share of the school's required structures (with a check-in) at 3+; null when none. */
export function coherence(cells: readonly CellFact[]): number | null {
	return spread(cells.filter((c) => c.required).map((c) => c.depth));
}

/** Share of the school's discretionary structures (with a check-in) adapted locally; null when none. */
export function autonomy(cells: readonly CellFact[]): number | null {
	const loose = cells.filter((c) => !c.required);
	if (loose.length === 0) return null;
	return loose.filter((c) => c.adapted).length / loose.length;
}

export function summarizeStructure(
	cells: readonly { depth: number; adapted: boolean }[]
): StructureSummary {
	const depths = cells.map((c) => c.depth);
	return {
		schools: cells.length,
		spread: spread(depths),
		median: median(depths),
		iqr: iqr(depths),
		adaptations: cells.filter((c) => c.adapted).length
	};
}

// ---- Scale profile -------------------------------------------------------------------------

/** One check-in on a structure that carries the priority. */
export interface PriorityCheckIn {
	schoolId: number;
	/** The school year's start year (2024 for 2024-25). */
	year: number;
	depth: number;
	adapted: boolean;
	siteLed: boolean;
}

export interface SchoolRun {
	reachedYears: ReadonlySet<number>;
	principalChangeYears: ReadonlySet<number>;
}

/** The first year of the run of consecutive reached years ending at `year`, or null if not reached. */
export function runStart(reachedYears: ReadonlySet<number>, year: number): number | null {
	if (!reachedYears.has(year)) return null;
	let start = year;
	while (reachedYears.has(start - 1)) start--;
	return start;
}

/** Sustained in `year`: at 3+ in `year` and in `year − 1`. */
export function isSustained(reachedYears: ReadonlySet<number>, year: number): boolean {
	return reachedYears.has(year) && reachedYears.has(year - 1);
}

/** Sustained, and a new principal started in the second or a later year of the run. */
export function heldThroughPrincipalChange(school: SchoolRun, year: number): boolean {
	if (!isSustained(school.reachedYears, year)) return false;
	const start = runStart(school.reachedYears, year) as number;
	for (const change of school.principalChangeYears) {
		if (change > start && change <= year) return true;
	}
	return false;
}

export function sustainability(
	schools: readonly SchoolRun[],
	year: number
): { share: number | null; sustained: number; throughChange: number } {
	const sustained = schools.filter((s) => isSustained(s.reachedYears, year));
	return {
		share: schools.length === 0 ? null : sustained.length / schools.length,
		sustained: sustained.length,
		throughChange: sustained.filter((s) => heldThroughPrincipalChange(s, year)).length
	};
}

/** Share of schools with a local adaptation or a site-led role; null when none. */
export function ownership(
	schools: readonly { adapted: boolean; siteLed: boolean }[]
): number | null {
	if (schools.length === 0) return null;
	return schools.filter((s) => s.adapted || s.siteLed).length / schools.length;
}

/**
 * The scale profile of one priority over the given years, from the check-ins on the structures
 * that carry it and each school's principal-change years.
 */
export function scaleProfile(
	checkIns: readonly PriorityCheckIn[],
	years: readonly number[],
	principalChangeYears: ReadonlyMap<number, ReadonlySet<number>>
): ScaleYear[] {
	// school → year → facts
	const bySchoolYear = new Map<number, Map<number, PriorityCheckIn[]>>();
	for (const c of checkIns) {
		let byYear = bySchoolYear.get(c.schoolId);
		if (!byYear) bySchoolYear.set(c.schoolId, (byYear = new Map()));
		const list = byYear.get(c.year);
		if (list) list.push(c);
		else byYear.set(c.year, [c]);
	}
	// Each school's reached years, once.
	const reached = new Map<number, Set<number>>();
	for (const [schoolId, byYear] of bySchoolYear) {
		const set = new Set<number>();
		for (const [year, list] of byYear) {
			if (isReached(mean(list.map((c) => c.depth)) as number)) set.add(year);
		}
		reached.set(schoolId, set);
	}
	const none: ReadonlySet<number> = new Set();

	return years.map((year) => {
		const measured: { depth: number; adapted: boolean; siteLed: boolean; run: SchoolRun }[] = [];
		for (const [schoolId, byYear] of bySchoolYear) {
			const list = byYear.get(year);
			if (!list) continue;
			measured.push({
				depth: mean(list.map((c) => c.depth)) as number,
				adapted: list.some((c) => c.adapted),
				siteLed: list.some((c) => c.siteLed),
				run: {
					reachedYears: reached.get(schoolId) as Set<number>,
					principalChangeYears: principalChangeYears.get(schoolId) ?? none
				}
			});
		}
		const sus = sustainability(
			measured.map((m) => m.run),
			year
		);
		return {
			year,
			schools: measured.length,
			spread: spread(measured.map((m) => m.depth)),
			depth: mean(measured.map((m) => m.depth)),
			sustainability: sus.share,
			sustainedSchools: sus.sustained,
			heldThroughPrincipalChange: sus.throughChange,
			ownership: ownership(measured)
		};
	});
}
