// Lookups every kind's writer shares: school years and schools by the codes files use.
import { eq, Param, Placeholder } from 'drizzle-orm';
import { schoolCdsAliases, schools, schoolYears } from '../db/schema/district.ts';
import type { DbFile } from '../db/open.ts';
import { schoolYearLabel } from './indicators.ts';

/**
 * School years by start year, creating the ones named that do not exist yet (the labels created
 * are pushed to `created`). The one place an import creates school years.
 */
export function schoolYearIds(
	db: DbFile,
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

/** The schools by CDS code, with the codes of schools merged into them (school_cds_alias). */
export function schoolsByCds(db: DbFile): Map<string, SchoolRef> {
	const map = new Map<string, SchoolRef>();
	for (const s of db
		.select({ id: schools.id, cds: schools.cdsCode, name: schools.name })
		.from(schools)
		.all())
		map.set(s.cds, { id: s.id, name: s.name });
	for (const a of db
		.select({ cds: schoolCdsAliases.cdsCode, id: schools.id, name: schools.name })
		.from(schoolCdsAliases)
		.innerJoin(schools, eq(schools.id, schoolCdsAliases.schoolId))
		.all())
		if (!map.has(a.cds)) map.set(a.cds, { id: a.id, name: a.name });
	return map;
}

export function sameNumber(a: number | null, b: number | null): boolean {
	return a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9);
}

/**
 * A query built with drizzle's query builder, prepared once on the driver and run with its
 * placeholders' values in the order given, for the per-row writes of a 300,000-row file (the
 * builder's own prepared queries map an object per row, which costs a third of the time).
 */
export function compiled(
	db: DbFile,
	query: { toSQL(): { sql: string; params: unknown[] } },
	order: readonly string[]
): (...values: unknown[]) => void {
	const { sql, params } = query.toSQL();
	// Values are given as the driver takes them (numbers, text, null): no column encoding needed.
	const names = params.map((p) => {
		const v = p instanceof Param ? p.value : p;
		return v instanceof Placeholder ? v.name : undefined;
	});
	if (names.length !== order.length || names.some((n, i) => n !== order[i])) {
		throw new Error(`Placeholders ${names.join(', ')} are not in the order ${order.join(', ')}`);
	}
	const statement = db.$client.prepare(sql);
	return (...values) => void statement.run(...values);
}
