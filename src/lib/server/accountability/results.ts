// The district's own Dashboard results (its row, not its schools') by Dashboard year, for the
// determination and the Reds.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { measures, results } from '../db/schema/measures.ts';
import { schoolYears } from '../db/schema/district.ts';
import {
	daIndicators,
	daRules,
	determine,
	levelOf,
	isStatusOnly,
	type Determination
} from './rules.ts';
import type { LeaResult } from './rules.ts';

export interface DistrictResult extends LeaResult {
	value: number | null;
}

/** The district's results of the indicators the rules use, by Dashboard year (newest first). */
export function districtResultsByYear(db: Db): Map<number, DistrictResult[]> {
	const rows = db
		.select({
			indicator: measures.code,
			group: results.studentGroup,
			color: results.stateColor,
			statusLevel: results.statusLevel,
			n: results.n,
			value: results.value,
			startYear: schoolYears.startYear
		})
		.from(measures)
		.innerJoin(results, and(eq(results.measureId, measures.id), isNull(results.schoolId)))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.where(inArray(measures.code, [...daIndicators]))
		.all();
	const byYear = new Map<number, DistrictResult[]>();
	// Only results the state colored or leveled: a district's own target-year rows have neither.
	for (const { startYear, ...r } of rows) {
		if (r.color === null && r.statusLevel === null) continue;
		const year = startYear + 1;
		let list = byYear.get(year);
		if (!list) byYear.set(year, (list = []));
		list.push(r);
	}
	return new Map([...byYear].sort((a, b) => b[0] - a[0]));
}

/** The year's computed determination; none before the Dashboard's first year of rules (2017). */
export function computedDetermination(year: number, rows: DistrictResult[]): Determination {
	if (year < daRules[0].from) return { year, rulesFrom: year, groups: [], eligible: false };
	return determine(year, rows);
}

export interface RedResult {
	group: string;
	indicator: string;
	value: number | null;
	n: number | null;
	basis: 'color' | 'status';
}

/**
 * The year's Reds: each group × indicator the state colored Red (or, where the year or indicator
 * had status only, left at the lowest status level), the group at or over the state's size.
 */
export function redsOf(year: number, rows: DistrictResult[]): RedResult[] {
	const out: RedResult[] = [];
	for (const r of rows) {
		const l = levelOf(r, isStatusOnly(year, r.indicator));
		if (l?.level !== 'red') continue;
		out.push({ group: r.group, indicator: r.indicator, value: r.value, n: r.n, basis: l.basis });
	}
	return out;
}
