import { comparable, notComparableWith, type SeriesBreak } from '../../series-breaks.ts';
import { differenceUnit, formatNumber, formatValue, type Unit } from '../../format.ts';

export interface YearValue {
	/** School year label, e.g. "2023-24". */
	year: string;
	startYear: number;
	value: number | null;
}

/**
 * - ahead, on-target, behind: the newest result against its own year's target;
 * - next-target: the newest result's year has no target, a later year has one (said neutrally:
 *   a result is never graded against a later year's target);
 * - baseline: the newest result is the measure's baseline, the year targets are set from;
 * - no-target: no target for the newest result's year or later; no-results: nothing to show.
 */
export type StandingKind =
	'ahead' | 'on-target' | 'behind' | 'next-target' | 'baseline' | 'no-target' | 'no-results';

export interface Standing {
	kind: StandingKind;
	/** The school year the standing is for. */
	year: string | null;
	/** How far from the target, always positive, in the measure's difference unit. */
	gap: number | null;
	/** For next-target and baseline: the nearest later target, and where it lies from the result. */
	next?: { year: string; value: number; relation: 'above' | 'below' | 'equal' };
	/** For no-results: the measure has results for other student groups, not its own. */
	groupsOnly?: boolean;
	/** Plain-language wording, e.g. "behind target by 3.1 points". */
	text: string;
}

/** The nearest target after a year, and where it lies from the year's result (in raw terms). */
function nextTarget(latest: YearValue, targets: YearValue[], unit: Unit) {
	const t = targets
		.filter((x) => x.startYear > latest.startYear)
		.sort((a, b) => a.startYear - b.startYear)[0];
	if (!t) return null;
	const raw = (t.value as number) - (latest.value as number);
	const gap = Math.round(Math.abs(raw) * 10) / 10;
	const relation: 'above' | 'below' | 'equal' = gap === 0 ? 'equal' : raw > 0 ? 'above' : 'below';
	const words = differenceUnit(unit);
	const amount = `${formatNumber(gap)}${words ? ' ' + words : ''}`;
	const target = formatValue(t.value, unit, 'en', true);
	const text =
		relation === 'equal'
			? `the ${t.year} target is ${target}, the same as the ${latest.year} result`
			: `the ${t.year} target is ${target}: ${amount} ${relation} the ${latest.year} result`;
	return { next: { year: t.year, value: t.value as number, relation }, gap, text };
}

/**
 * Where the latest result stands against its own year's target. Within half a unit of the last
 * shown digit counts as on target, so "0.0 points ahead" never appears. A year without a target
 * is not graded: the next target is said as what it asks, neutrally; a baseline year is a baseline.
 */
export function standingAgainstTarget(
	results: YearValue[],
	targets: YearValue[],
	direction: 'higher' | 'lower',
	unit: Unit,
	options: { baselineYear?: string | null; groupsOnly?: boolean } = {}
): Standing {
	const latest = [...results]
		.filter((r) => r.value !== null)
		.sort((a, b) => b.startYear - a.startYear)[0];
	if (!latest && options.groupsOnly)
		return {
			kind: 'no-results',
			year: null,
			gap: null,
			groupsOnly: true,
			text: 'no results for all students: see the student groups'
		};
	if (!latest) return { kind: 'no-results', year: null, gap: null, text: 'no results yet' };
	const set = targets.filter((t) => t.value !== null);
	if (options.baselineYear === latest.year) {
		const n = nextTarget(latest, set, unit);
		return {
			kind: 'baseline',
			year: latest.year,
			gap: n?.gap ?? null,
			...(n ? { next: n.next } : {}),
			text: `${latest.year} is the baseline` + (n ? `; ${n.text}` : '')
		};
	}
	const target = set.find((t) => t.startYear === latest.startYear);
	if (!target) {
		const n = nextTarget(latest, set, unit);
		if (n)
			return { kind: 'next-target', year: latest.year, gap: n.gap, next: n.next, text: n.text };
		return {
			kind: 'no-target',
			year: latest.year,
			gap: null,
			text: `no target set for ${latest.year}`
		};
	}
	const better = direction === 'higher' ? 1 : -1;
	const diff = ((latest.value as number) - (target.value as number)) * better;
	const gap = Math.round(Math.abs(diff) * 10) / 10;
	const unitWords = differenceUnit(unit);
	const amount = `${formatNumber(gap)}${unitWords ? ' ' + unitWords : ''}`;
	if (gap === 0) return { kind: 'on-target', year: latest.year, gap: 0, text: 'on target' };
	if (diff > 0)
		return { kind: 'ahead', year: latest.year, gap, text: `ahead of target by ${amount}` };
	return { kind: 'behind', year: latest.year, gap, text: `behind target by ${amount}` };
}

/**
 * Change from the first to the last year with a value, in the better direction when positive;
 * never across a break in the series (`breaks`): it starts at the first year comparable with the
 * newest one.
 */
export function changeOverTime(
	results: YearValue[],
	direction: 'higher' | 'lower',
	breaks: SeriesBreak[] = []
): { from: YearValue; to: YearValue; improvement: number } | null {
	const all = results.filter((r) => r.value !== null).sort((a, b) => a.startYear - b.startYear);
	const newest = all.at(-1);
	const known = newest ? all.filter((r) => comparable(breaks, r.startYear, newest.startYear)) : [];
	if (known.length < 2) return null;
	const from = known[0];
	const to = known[known.length - 1];
	const raw = (to.value as number) - (from.value as number);
	return { from, to, improvement: direction === 'higher' ? raw : -raw };
}

/** One plain sentence for a trend: the latest value, the standing, the change since the first year. */
export function describeTrend(
	results: YearValue[],
	standing: Standing,
	direction: 'higher' | 'lower',
	unit: Unit,
	breaks: SeriesBreak[] = [],
	/** Without the break's reasons: the overview's tile, whose chart marks the break. */
	brief = false
): string {
	const latest = [...results]
		.filter((r) => r.value !== null)
		.sort((a, b) => b.startYear - a.startYear)[0];
	if (!latest) return 'No results yet.';
	const parts = [`${formatValue(latest.value, unit)} in ${latest.year}`, standing.text];
	const change = changeOverTime(results, direction, breaks);
	if (change && Math.abs(change.improvement) >= 0.05) {
		const words = differenceUnit(unit);
		const amount = `${formatNumber(Math.abs(change.improvement))}${words ? ' ' + words : ''}`;
		parts.push(
			`${amount} ${change.improvement > 0 ? 'better' : 'worse'} than in ${change.from.year}`
		);
	} else if (change) {
		parts.push(`unchanged since ${change.from.year}`);
	}
	const cut = notComparableWith(results, breaks);
	if (cut)
		parts.push(
			brief
				? `not comparable with ${cut.year}`
				: `not comparable with ${cut.year}: ${cut.reasons.map((r) => r.reason).join('; ')}`
		);
	return parts.join('; ') + '.';
}
