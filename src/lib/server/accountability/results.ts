// The district's own Dashboard results (its row) by Dashboard year, for the determination and the
// Reds; and its schools' Reds, from their rows.
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { measures, results } from '../db/schema/measures.ts';
import { schoolYears, schools } from '../db/schema/district.ts';
import { inFigures } from '../results/counted.ts';
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

/** What the rules read of a result: its indicator, group, color, status level, size and figure. */
const resultColumns = {
	indicator: measures.code,
	group: results.studentGroup,
	color: results.stateColor,
	statusLevel: results.statusLevel,
	n: results.n,
	value: results.value,
	startYear: schoolYears.startYear
};

/** The district's results of the indicators the rules use, by Dashboard year (newest first). */
export function districtResultsByYear(db: Db): Map<number, DistrictResult[]> {
	const rows = db
		.select(resultColumns)
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

/** A school's Reds of one Dashboard year. */
export interface SchoolReds {
	cds: string;
	name: string;
	reds: RedResult[];
}

/**
 * The schools' Reds by Dashboard year (newest first), schools by name: each school × group ×
 * indicator the state colored Red, or left at the lowest status level where the year or indicator
 * had status only — the rule of the district's Reds, read from the schools' own rows. Schools left
 * out of the district's figures are left out here too.
 */
export function schoolRedsByYear(db: Db): Map<number, SchoolReds[]> {
	const rows = db
		.select({
			cds: schools.cdsCode,
			name: schools.name,
			...resultColumns
		})
		.from(measures)
		.innerJoin(results, eq(results.measureId, measures.id))
		.innerJoin(schools, eq(schools.id, results.schoolId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.where(
			and(
				inArray(measures.code, [...daIndicators]),
				inFigures(),
				// Only what could be Red (levelOf decides): a large district's other results stay unread.
				or(eq(results.stateColor, 1), eq(results.statusLevel, 1))
			)
		)
		.orderBy(asc(schools.name), asc(schools.cdsCode))
		.all();
	const byYear = new Map<number, Map<string, SchoolReds>>();
	for (const { startYear, cds, name, ...r } of rows) {
		if (r.color === null && r.statusLevel === null) continue;
		const year = startYear + 1;
		const l = levelOf(r, isStatusOnly(year, r.indicator));
		if (l?.level !== 'red') continue;
		let bySchool = byYear.get(year);
		if (!bySchool) byYear.set(year, (bySchool = new Map()));
		let school = bySchool.get(cds);
		if (!school) bySchool.set(cds, (school = { cds, name, reds: [] }));
		school.reds.push({
			group: r.group,
			indicator: r.indicator,
			value: r.value,
			n: r.n,
			basis: l.basis
		});
	}
	return new Map(
		[...byYear].sort((a, b) => b[0] - a[0]).map(([year, m]) => [year, [...m.values()]])
	);
}
