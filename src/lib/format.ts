// Formatting shared by server and browser. Numbers use the locale; the minus is a real minus sign.
// Unit words come from the message files (messages/*.json). A relative import, not $lib, because
// server code (and the CLI scripts, on plain Node) imports this file too.
import * as m from './paraglide/messages/_index.js';

export type Unit = 'percent' | 'points' | 'count' | 'rate' | 'scale';
export type Locale = 'en' | 'es';

const tag = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US');

// Building an Intl formatter costs far more than using one (a priority page formats thousands of
// numbers), so each locale × digits formatter is made once.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale = 'en', digits = 1): string {
	const key = `${locale}${digits}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(tag(locale), {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		numberFormats.set(key, format);
	}
	return format.format(value).replace('-', '\u2212');
}

/**
 * A measure's value with its unit, e.g. "27.6%" or "−34.1 points". In tables (`compact`) the
 * word "points" is left to the caption, so columns stay narrow on a phone.
 */
export function formatValue(
	value: number | null,
	unit: Unit,
	locale: Locale = 'en',
	compact = false
): string {
	if (value === null || Number.isNaN(value)) return '—';
	const n = formatNumber(value, locale, unit === 'count' ? 0 : 1);
	switch (unit) {
		case 'percent':
			return `${n}%`;
		case 'points':
			if (compact) return n;
			return m.unit_points_value({ n }, { locale });
		default:
			return n;
	}
}

/** The unit of a difference between two values: percents differ by percentage points. */
export function differenceUnit(unit: Unit, locale: Locale = 'en'): string {
	if (unit === 'percent') return m.unit_percentage_points({}, { locale });
	if (unit === 'points') return m.unit_points({}, { locale });
	return '';
}

/**
 * The district's time zone: times (the audit trail, sign-ins) are shown as the district's clock
 * reads them, whoever reads them. California districts first (PRODUCT.md).
 */
export const districtTimeZone = 'America/Los_Angeles';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, locale: Locale, options: Intl.DateTimeFormatOptions) {
	let format = dateFormats.get(`${key}${locale}`);
	if (!format) {
		format = new Intl.DateTimeFormat(tag(locale), options);
		dateFormats.set(`${key}${locale}`, format);
	}
	return format;
}

/**
 * The one way a date reads: "May 8, 2025" (English), "8 de mayo de 2025" (Spanish). A calendar
 * date ("2025-05-08") is that day wherever the reader is; a timestamp is the day in the district.
 */
export function formatDate(iso: string | null | undefined, locale: Locale = 'en'): string {
	if (!iso) return '—';
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
	const date = new Date(dateOnly ? `${iso}T12:00:00Z` : iso);
	if (Number.isNaN(date.getTime())) return iso;
	return dateFormat(dateOnly ? 'd' : 'dz', locale, {
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		timeZone: dateOnly ? 'UTC' : districtTimeZone
	}).format(date);
}

/** A moment in the district's time zone: "May 8, 2025, 3:15 PM PDT". */
export function formatDateTime(iso: string | null | undefined, locale: Locale = 'en'): string {
	if (!iso) return '—';
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return dateFormat('t', locale, {
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZone: districtTimeZone,
		timeZoneName: 'short'
	}).format(date);
}

/** A time of day in the district's time zone, for the presenter's clock: "3:15 PM". */
export function formatTime(date: Date, locale: Locale = 'en'): string {
	return dateFormat('h', locale, {
		hour: 'numeric',
		minute: '2-digit',
		timeZone: districtTimeZone
	}).format(date);
}

/** A month of a monthly axis: "Jan 2025" / "ene 2025", from "2025-01". */
export function formatMonth(month: string, locale: Locale = 'en'): string {
	const date = new Date(`${month}-15T12:00:00Z`);
	if (Number.isNaN(date.getTime())) return month;
	return dateFormat('m', locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** A whole number with the locale's grouping: "12,345" / "12 345". */
export function formatCount(value: number, locale: Locale = 'en'): string {
	return formatNumber(value, locale, 0);
}

/** What a table's numbers are in, for its caption: "points of distance from standard", "percent"… */
export function unitCaption(unit: Unit, locale: Locale = 'en'): string {
	if (unit === 'points') return m.unit_caption_points({}, { locale });
	if (unit === 'percent') return m.unit_caption_percent({}, { locale });
	return '';
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Whole cents as dollars: "$122,293,403", "$80,571,233.37" (cents only where there are some). */
export function formatDollars(cents: number, locale: Locale = 'en'): string {
	const digits = cents % 100 === 0 ? 0 : 2;
	const key = `${locale}${digits}`;
	let format = moneyFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(tag(locale), {
			style: 'currency',
			currency: 'USD',
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		moneyFormats.set(key, format);
	}
	return format.format(cents / 100).replace('-', '\u2212');
}
