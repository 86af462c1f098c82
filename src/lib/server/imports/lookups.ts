// Lookups every kind's writer shares: school years and schools by the codes files use.
import { schools, schoolYears } from '../db/schema/district.ts';
import type { Db } from '../db/open.ts';
import { schoolYearLabel } from './indicators.ts';

/**
 * School years by start year, creating the ones named that do not exist yet (the labels created
 * are pushed to `created`). The one place an import creates school years.
 */
export function schoolYearIds(
	db: Db,
	years: Iterable<number>,
	created: string[]
): Map<number, number> {
	const ids = new Map<number, number>();
	for (const y of db
		.select({ id: schoolYears.id, startYear: schoolYears.startYear })
		.from(schoolYears)
		.all()) {
		ids.set(y.startYear, y.id);
	}
	for (const y of [...new Set(years)].sort()) {
		if (ids.has(y)) continue;
		const label = schoolYearLabel(y);
		const row = db
			.insert(schoolYears)
			.values({ label, startYear: y })
			.returning({ id: schoolYears.id })
			.get();
		ids.set(y, row.id);
		created.push(label);
	}
	return ids;
}

export interface SchoolRef {
	id: number;
	name: string;
}

export function schoolsByCds(db: Db): Map<string, SchoolRef> {
	const map = new Map<string, SchoolRef>();
	for (const s of db
		.select({ id: schools.id, cds: schools.cdsCode, name: schools.name })
		.from(schools)
		.all())
		map.set(s.cds, { id: s.id, name: s.name });
	return map;
}

export function sameNumber(a: number | null, b: number | null): boolean {
	return a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9);
}
