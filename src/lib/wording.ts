// A measure's standing and trend in words, in the reader's language. The server returns the
// numbers (src/lib/server/priorities/status.ts); the sentences come from the message files.
// Relative imports: the meeting record's PDF (server code) words standings with it too.
import * as m from './paraglide/messages/_index.js';
import { differenceUnit, formatNumber, formatValue, type Locale, type Unit } from './format.ts';
import type { NotComparable } from './series-breaks.ts';

export interface StandingData {
	kind: string;
	year: string | null;
	gap: number | null;
	/** For next-target and baseline: the nearest later target, and where it lies from the result. */
	next?: { year: string; value: number; relation: 'above' | 'below' | 'equal' };
	/** No results for the measure's own group, but for others. */
	groupsOnly?: boolean;
}

function amountOf(value: number, unit: Unit, locale: Locale): string {
	const words = differenceUnit(unit, locale);
	return `${formatNumber(value, locale)}${words ? ' ' + words : ''}`;
}

/** For a badge: "Behind target by 3.1 percentage points", "No target set for 2024-25"… */
export function standingText(s: StandingData, unit: Unit, locale: Locale): string {
	const options = { locale };
	const amount = s.gap === null ? '' : amountOf(s.gap, unit, locale);
	switch (s.kind) {
		case 'baseline':
			return m.standing_baseline({}, options);
		case 'next-target':
			return s.next
				? m.standing_next(
						{ year: s.next.year, target: formatValue(s.next.value, unit, locale) },
						options
					)
				: m.standing_no_target({ year: s.year ?? '' }, options);
		case 'ahead':
			return m.standing_ahead({ amount }, options);
		case 'behind':
			return m.standing_behind({ amount }, options);
		case 'on-target':
			return m.standing_on_target({}, options);
		case 'no-target':
			return m.standing_no_target({ year: s.year ?? '' }, options);
		default:
			return s.groupsOnly
				? m.standing_groups_only({}, options)
				: m.standing_no_results({}, options);
	}
}

function standingPhrase(s: StandingData, unit: Unit, locale: Locale): string {
	const options = { locale };
	const amount = s.gap === null ? '' : amountOf(s.gap, unit, locale);
	const next = s.next ? nextPhrase(s.next, s.year ?? '', amount, unit, locale) : null;
	switch (s.kind) {
		case 'baseline': {
			const base = m.trend_standing_baseline({ year: s.year ?? '' }, options);
			return next ? `${base}; ${next}` : base;
		}
		case 'next-target':
			return next ?? m.trend_standing_no_target({ year: s.year ?? '' }, options);
		case 'ahead':
			return m.trend_standing_ahead({ amount }, options);
		case 'behind':
			return m.trend_standing_behind({ amount }, options);
		case 'on-target':
			return m.trend_standing_on_target({}, options);
		default:
			return m.trend_standing_no_target({ year: s.year ?? '' }, options);
	}
}

/** What the next target asks of the newest result, neutrally: "the 2024-25 target is −50.0: …". */
function nextPhrase(
	next: NonNullable<StandingData['next']>,
	from: string,
	amount: string,
	unit: Unit,
	locale: Locale
): string {
	const values = {
		year: next.year,
		target: formatValue(next.value, unit, locale, true),
		amount,
		from
	};
	if (next.relation === 'above') return m.trend_standing_next_above(values, { locale });
	if (next.relation === 'below') return m.trend_standing_next_below(values, { locale });
	return m.trend_standing_next_equal(values, { locale });
}

interface TrendData {
	unit: Unit;
	series: { year: string; value: number | null }[];
	standing: StandingData;
	change: { from: string; to: string; improvement: number } | null;
	/** The newest result does not compare with older ones (a break in the series). */
	notComparable?: NotComparable | null;
}

/** "not comparable with 2018-19: the state published no Dashboard …", in the reader's language. */
export function notComparableText(n: NotComparable, locale: Locale): string {
	const reasons = n.reasons.map((r) => (locale === 'es' ? r.reasonEs : r.reason)).join('; ');
	return m.trend_not_comparable({ year: n.year, reasons }, { locale });
}

/** One plain sentence for a chart's caption: latest value; standing; change since the first year. */
export function trendSentence(t: TrendData, locale: Locale): string {
	const options = { locale };
	const latest = [...t.series]
		.sort((a, b) => b.year.localeCompare(a.year))
		.find((r) => r.value !== null);
	if (!latest || t.standing.kind === 'no-results')
		return t.standing.groupsOnly
			? m.trend_groups_only({}, options)
			: m.trend_no_results({}, options);
	const parts = [
		m.trend_latest(
			{ value: formatValue(latest.value, t.unit, locale), year: latest.year },
			options
		),
		standingPhrase(t.standing, t.unit, locale)
	];
	if (t.change && Math.abs(t.change.improvement) >= 0.05) {
		const amount = amountOf(Math.abs(t.change.improvement), t.unit, locale);
		parts.push(
			t.change.improvement > 0
				? m.trend_better({ amount, year: t.change.from }, options)
				: m.trend_worse({ amount, year: t.change.from }, options)
		);
	} else if (t.change) {
		parts.push(m.trend_unchanged({ year: t.change.from }, options));
	}
	if (t.notComparable) parts.push(notComparableText(t.notComparable, locale));
	return parts.join('; ') + '.';
}
