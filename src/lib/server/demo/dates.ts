/** Date arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone moves a day. */

const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export { daysBetween, schoolYearLabel as yearLabel, schoolYearOf } from '../../school-year.ts';

/** The nth given weekday (0 Sunday … 6 Saturday) of a month (1–12). */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
	const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
	const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function earlier(a: string, b: string): string {
	return a < b ? a : b;
}
