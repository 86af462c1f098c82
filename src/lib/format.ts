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

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatDate(iso: string | null, locale: Locale = 'en'): string {
	if (!iso) return '—';
	const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
	let format = dateFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(tag(locale), {
			year: 'numeric',
			month: 'long',
			day: 'numeric',
			timeZone: 'UTC'
		});
		dateFormats.set(locale, format);
	}
	return format.format(date);
}

/** What a table's numbers are in, for its caption: "points of distance from standard", "percent"… */
export function unitCaption(unit: Unit, locale: Locale = 'en'): string {
	if (unit === 'points') return m.unit_caption_points({}, { locale });
	if (unit === 'percent') return m.unit_caption_percent({}, { locale });
	return '';
}
