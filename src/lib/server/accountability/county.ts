// Every district's Differentiated Assistance determination from the state's Dashboard files, the
// database untouched: what a county office reads on the day the Dashboard is released.
import { basename } from 'node:path';
import { readDashboardAllDistricts } from '../imports/parse.ts';
import { ImportFileError } from '../imports/read.ts';
import type { RowError } from '../imports/cells.ts';
import {
	daIndicators,
	determine,
	type Determination,
	type LeaResult,
	type Priority
} from './rules.ts';

export interface DistrictYear {
	cds: string;
	district: string;
	/** The Dashboard year (2023 holds 2022-23). */
	year: number;
	results: LeaResult[];
}

export interface FileProblems {
	file: string;
	errorCount: number;
	errors: RowError[];
}

/**
 * Reads the files' district rows (every district, no school) by district and Dashboard year.
 * Throws ImportFileError for a file that is missing or not a Dashboard file.
 */
export async function readDistrictYears(
	paths: readonly string[]
): Promise<{ districtYears: DistrictYear[]; problems: FileProblems[] }> {
	const byKey = new Map<string, DistrictYear>();
	const names = new Map<string, string>();
	const problems: FileProblems[] = [];
	for (const path of paths) {
		const read = await readDashboardAllDistricts(path, basename(path)).catch((e: unknown) => {
			// Several files at once: say which one.
			throw e instanceof ImportFileError ? new ImportFileError(`${path}: ${e.message}`) : e;
		});
		if (read.errorCount)
			problems.push({ file: path, errorCount: read.errorCount, errors: read.errors });
		for (const [cds, name] of read.districtNames) if (!names.has(cds)) names.set(cds, name);
		// Census, science, growth and the alternative schools' graduation files (2020, 2021: no
		// Dashboard) have no place in the determination.
		if (!daIndicators.has(read.indicator.code)) continue;
		for (const r of read.rows) {
			if (!r.districtCds) continue;
			const year = r.startYear + 1;
			const key = `${r.districtCds}|${year}`;
			let dy = byKey.get(key);
			if (!dy) byKey.set(key, (dy = { cds: r.districtCds, district: '', year, results: [] }));
			dy.results.push({
				indicator: read.indicator.code,
				group: r.group,
				color: r.stateColor,
				statusLevel: r.statusLevel,
				n: r.n
			});
		}
	}
	const districtYears = [...byKey.values()].map((dy) => ({
		...dy,
		district: names.get(dy.cds) ?? dy.cds
	}));
	districtYears.sort((a, b) => a.cds.localeCompare(b.cds) || a.year - b.year);
	return { districtYears, problems };
}

/** One district × year × student group that met the criteria in any priority area. */
export interface CountyRow {
	cds: string;
	district: string;
	year: number;
	group: string;
	priorities: Priority[];
	letter: string | null;
	/** Whether the district is eligible that year (some group in two or more areas). */
	eligible: boolean;
}

export interface CountyDetermination extends Omit<DistrictYear, 'results'> {
	determination: Determination;
}

export function determineAll(districtYears: readonly DistrictYear[]): CountyDetermination[] {
	return districtYears.map(({ cds, district, year, results }) => ({
		cds,
		district,
		year,
		determination: determine(year, results)
	}));
}

export function countyRows(all: readonly CountyDetermination[]): CountyRow[] {
	return all.flatMap(({ cds, district, year, determination: d }) =>
		d.groups.map((g) => ({
			cds,
			district,
			year,
			group: g.group,
			priorities: g.priorities,
			letter: g.letter,
			eligible: d.eligible
		}))
	);
}
