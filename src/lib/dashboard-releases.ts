// When the state released each Dashboard: the first of the two dates a figure carries (the other
// is when the district loaded it). Isomorphic: the server's signal and the pages read it.
//
// Sources: 2024 and 2025 from ../shared/data/STATE-FILES.md ("Releases come in November or
// December (2024 Dashboard: 21 November 2024; 2025: 13 November 2025)"); 2017, 2018, 2019, 2022 and
// 2023 from the California Department of Education's news releases announcing each Dashboard
// (not in the shared data: check them against cde.ca.gov before relying on them). No Dashboard
// in 2020 and 2021.
import { schoolYearLabel } from './school-year.ts';

/** Release date by Dashboard year (the 2023 Dashboard holds 2022-23). */
export const dashboardReleases: Readonly<Record<number, string>> = {
	2017: '2017-12-07',
	2018: '2018-12-06',
	2019: '2019-12-12',
	2022: '2022-12-15',
	2023: '2023-12-15',
	2024: '2024-11-21',
	2025: '2025-11-13'
};

/** The state releases each year's Dashboard by mid-December: after this day a missing one is late. */
export const releaseExpectedBy = (dashboardYear: number) => `${dashboardYear}-12-15`;

/** The measure codes of the Dashboard's indicators (imports/indicators.ts). */
export const dashboardIndicatorCodes = [
	'ela',
	'math',
	'science',
	'chronic',
	'susp',
	'grad',
	'cci',
	'elpi'
] as const;

export function isDashboardMeasure(code: string): boolean {
	return (dashboardIndicatorCodes as readonly string[]).includes(code);
}

/** The state's release of a school year's results (start year 2022 → the 2023 Dashboard), if known. */
export function releaseOf(startYear: number): string | null {
	return dashboardReleases[startYear + 1] ?? null;
}

/**
 * The newest Dashboard that should be out by `today` (YYYY-MM-DD), skipping the years the state
 * published none: its year and the school year it holds.
 */
export function newestDueDashboard(today: string): { year: number; schoolYear: string } {
	let year = Number(today.slice(0, 4));
	if (today < releaseExpectedBy(year)) year -= 1;
	while (year === 2020 || year === 2021) year -= 1;
	return { year, schoolYear: schoolYearLabel(year - 1) };
}
