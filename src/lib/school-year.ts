// Every school-year rule, in one place. California school years run from 1 July to 30 June: the
// year 2024-25 is 2024-07-01 … 2025-06-30 and is known by its start year, 2024.
// Pure and isomorphic: the server's areas, the pages and the scripts all use these.

/** How far past the current year the plan reaches: targets may be set this many years ahead. */
export const YEARS_AHEAD = 5;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-25" for 2024; "2099-00" for 2099 (the state writes the century's turn that way). */
export function schoolYearLabel(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The start year of a label such as "2024-25" (also "2024-2025"), or null when it is not one. */
export function startYearOfLabel(label: string): number | null {
	const m = /^(\d{4})-(\d{2}|\d{4})$/.exec(label.trim());
	if (!m) return null;
	const start = Number(m[1]);
	const end = Number(m[2]);
	const ok = m[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
	return ok ? start : null;
}

/** First and last day of the school year. */
export function schoolYearSpan(startYear: number): { from: string; to: string } {
	return { from: `${startYear}-07-01`, to: `${startYear + 1}-06-30` };
}

/** The start year of the school year a date (YYYY-MM-DD) falls in: 30 June is still last year. */
export function schoolYearOf(date: string): number {
	const m = isoDate.exec(date.slice(0, 10));
	if (!m) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
	const year = Number(m[1]);
	return Number(m[2]) >= 7 ? year : year - 1;
}

/** Whole days from one date to another (negative when `to` is earlier); calendar days, no clock. */
export function daysBetween(from: string, to: string): number {
	const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
	return Math.round((day(to) - day(from)) / 86_400_000);
}

/** The current school year: the administrator's pinned year, else the one today falls in. */
export function currentStartYear(today: string, pinnedStartYear?: number | null): number {
	return pinnedStartYear ?? schoolYearOf(today);
}

/**
 * The school years a district needs: from its earliest result or baseline (or the current year,
 * when it has none yet) to YEARS_AHEAD years past the current year.
 */
export function neededStartYears(earliest: number | null, current: number): number[] {
	const from = Math.min(earliest ?? current, current);
	const to = current + YEARS_AHEAD;
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
