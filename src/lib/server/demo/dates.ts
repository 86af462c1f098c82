/** Date arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone moves a day. */

const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The nth given weekday (0 Sunday … 6 Saturday) of a month (1–12). */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
	const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
	const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function earlier(a: string, b: string): string {
	return a < b ? a : b;
}

/** "2024-25" for the school year starting in 2024. */
export function yearLabel(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The school year (by its start year) a date falls in; school years start on 1 July. */
export function schoolYearOf(iso: string): number {
	const year = Number(iso.slice(0, 4));
	return Number(iso.slice(5, 7)) >= 7 ? year : year - 1;
}
