// The accountability page: the state's determinations and the computed ones by Dashboard year, the
// Reds by group with the priorities that address them, the schools' ESSA status.
import type { Db } from '../db/open.ts';
import { derived } from '../cache/derived.ts';
import { district, schools, studentGroups } from '../db/schema/district.ts';
import { districtDefaults } from '../../choices.ts';
import { daIndicators, daRules, prioritiesOfLetter, rulesFor, type Priority } from './rules.ts';
import {
	computedDetermination,
	districtResultsByYear,
	redsOf,
	schoolRedsByYear
} from './results.ts';
import { stateDaYears, stateEssa, stateLetters, stateStatuses } from './state.ts';
import { addressingIndex } from './addressing.ts';
import type {
	AccountabilityView,
	AccountabilityYear,
	GroupAreas,
	GroupName,
	Red
} from '../../accountability/index.ts';

/** Who reads: the board sees every group the state colored; the public no group under the district's suppression size. */
export type Reader = 'board' | 'public';

function groupNames(db: Db): (code: string) => GroupName {
	const names = new Map(
		db
			.select({ code: studentGroups.code, name: studentGroups.name, nameEs: studentGroups.nameEs })
			.from(studentGroups)
			.all()
			.map((g) => [g.code, g])
	);
	return (code) => names.get(code) ?? { code, name: code, nameEs: null };
}

function sameAreas(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The page's view for `reader`, kept until a table it reads changes (cache/derived.ts): the board's
 * and the public's pages, the open data's four datasets and the overview share it. Without the
 * schools' Reds (`schools: false`) for the overview's line and signal, which need the district's.
 */
export function accountabilityView(
	db: Db,
	reader: Reader,
	{ schools = true }: { schools?: boolean } = {}
): AccountabilityView {
	return derived(db, `accountability ${reader} ${schools ? 'with' : 'without'} schools`, () =>
		viewOf(db, reader, schools)
	);
}

function viewOf(db: Db, reader: Reader, withSchools: boolean): AccountabilityView {
	const name = groupNames(db);
	const suppression =
		db.select({ size: district.suppressionSize }).from(district).limit(1).get()?.size ??
		districtDefaults.suppressionSize;
	const byYear = districtResultsByYear(db);
	const schoolReds = withSchools ? schoolRedsByYear(db) : new Map<number, never[]>();
	const letters = stateLetters(db);
	const ownYears = stateDaYears(db);
	const statuses = stateStatuses(db);
	const essa = stateEssa(db);
	const schoolCds = new Set(
		db
			.select({ cds: schools.cdsCode })
			.from(schools)
			.all()
			.map((s) => s.cds)
	);
	const addressedBy = addressingIndex(db, [...daIndicators]);

	const years = [
		...new Set([...byYear.keys(), ...schoolReds.keys(), ...ownYears, ...essa.map((e) => e.year)])
	].sort((a, b) => b - a);
	const view: AccountabilityYear[] = years.map((year) => {
		const rows = byYear.get(year) ?? [];
		const d = computedDetermination(year, rows);
		const state = letters.get(year) ?? new Map<string, string>();
		const stateImported = ownYears.has(year);
		const codes = new Set([...d.groups.map((g) => g.group), ...state.keys()]);
		// The public reads a computed group only when every result behind it is of a group at or
		// over the suppression size; a group the state's workbook names, the state published.
		const shown = (code: string) => {
			if (reader === 'board' || state.has(code)) return true;
			const c = d.groups.find((g) => g.group === code);
			const used = new Set<string>(
				Object.values(c?.reasons ?? {}).flatMap((rs) =>
					rs.flatMap((r) => r.map((x) => x.indicator))
				)
			);
			return rows.every(
				(r) => r.group !== code || !used.has(r.indicator) || (r.n ?? 0) >= suppression
			);
		};
		const groups: GroupAreas[] = [...codes].filter(shown).map((code) => {
			const c = d.groups.find((g) => g.group === code);
			const computed = c?.priorities ?? [];
			const stateLetter = state.get(code) ?? null;
			const stateAreas: Priority[] = stateLetter ? prioritiesOfLetter(stateLetter) : [];
			const computedLetter = c?.letter ?? null;
			return {
				group: name(code),
				computed,
				computedLetter,
				reasons: computed.map((area) => ({ area, reasons: c?.reasons[area] ?? [] })),
				stateLetter,
				state: stateAreas,
				// The state lists a group only with two or more areas: a computed single area is no difference.
				differs:
					stateImported &&
					rows.length > 0 &&
					(computedLetter !== stateLetter ||
						(stateLetter !== null && !sameAreas(computed, stateAreas)))
			};
		});
		groups.sort(
			(a, b) => b.state.length + b.computed.length - (a.state.length + a.computed.length)
		);
		// All students and the groups the state determines (not test-taker categories).
		const redGroups = new Set(['ALL', ...(year < daRules[0].from ? [] : rulesFor(year).groups)]);
		const reds: Red[] = redsOf(year, rows)
			.filter((r) => redGroups.has(r.group))
			.filter((r) => reader === 'board' || r.n === null || r.n >= suppression)
			.map((r) => ({
				group: name(r.group),
				indicator: r.indicator,
				value: r.value,
				n: r.n,
				basis: r.basis,
				addressedBy: addressedBy(r.group, r.indicator)
			}));
		const visible = (r: { group: string; n: number | null }) =>
			redGroups.has(r.group) && (reader === 'board' || r.n === null || r.n >= suppression);
		return {
			year,
			schoolReds: (schoolReds.get(year) ?? [])
				.map((school) => ({
					cds: school.cds,
					name: school.name,
					reds: school.reds.filter(visible).map((r) => ({ ...r, group: name(r.group) }))
				}))
				.filter((school) => school.reds.length > 0),
			stateStatus: statuses.find((s) => s.year === year)?.status ?? null,
			stateImported,
			computedFrom: rows.length > 0,
			eligible: d.eligible,
			groups,
			reds,
			schools: essa
				.filter((e) => e.year === year && e.status !== 'No Status')
				.map((e) => ({
					cds: e.cds,
					name: e.schoolName,
					status: e.status,
					groups: e.studentGroups ? e.studentGroups.split(',').map(name) : [],
					linked: schoolCds.has(e.cds)
				}))
		};
	});
	const shown = new Set(years);
	const latest = view.find((y) => y.computedFrom);
	return {
		years: view,
		history: statuses.filter((s) => !shown.has(s.year)),
		unaddressed: latest ? latest.reds.filter((r) => r.addressedBy.length === 0) : []
	};
}

/** The latest year's Reds that no priority addresses, for the board's overview. */
export function unaddressedReds(db: Db): { year: number | null; reds: Red[] } {
	const v = accountabilityView(db, 'board', { schools: false });
	const latest = v.years.find((y) => y.computedFrom);
	return { year: latest?.year ?? null, reds: v.unaddressed };
}

/** The board overview's one line: the latest year's status and how many Reds no priority addresses. */
export function accountabilityLine(db: Db): {
	year: number;
	stateStatus: string | null;
	eligible: boolean;
	computedFrom: boolean;
	reds: number;
	unaddressed: number;
} | null {
	const v = accountabilityView(db, 'board', { schools: false });
	const latest = v.years[0];
	if (!latest) return null;
	return {
		year: latest.year,
		stateStatus: latest.stateStatus,
		eligible: latest.eligible,
		computedFrom: latest.computedFrom,
		reds: latest.reds.length,
		unaddressed: latest.reds.filter((r) => r.addressedBy.length === 0).length
	};
}
