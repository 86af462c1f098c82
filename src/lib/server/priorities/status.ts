import { differenceUnit, formatNumber, formatValue, type Unit } from '../../format.ts';

export interface YearValue {
	/** School year label, e.g. "2023-24". */
	year: string;
	startYear: number;
	value: number | null;
}

export type StandingKind = 'ahead' | 'on-target' | 'behind' | 'no-target' | 'no-results';

export interface Standing {
	kind: StandingKind;
	/** The school year the standing is for. */
	year: string | null;
	/** How far from the target, always positive, in the measure's difference unit. */
	gap: number | null;
	/**
	 * The year of the target it is measured against when that is not `year`: the newest result's
	 * year has no target, so the nearest target ahead stands in ("short of the 2026-27 target").
	 */
	targetYear?: string;
	/** Plain-language wording, e.g. "behind target by 3.1 points". */
	text: string;
}

/**
 * Where the latest result stands against that year's target. Within half a unit of the last
 * shown digit counts as on target, so "0.0 points ahead" never appears.
 */
export function standingAgainstTarget(
	results: YearValue[],
	targets: YearValue[],
	direction: 'higher' | 'lower',
	unit: Unit
): Standing {
	const latest = [...results]
		.filter((r) => r.value !== null)
		.sort((a, b) => b.startYear - a.startYear)[0];
	if (!latest) return { kind: 'no-results', year: null, gap: null, text: 'no results yet' };
	const set = targets.filter((t) => t.value !== null);
	const sameYear = set.find((t) => t.startYear === latest.startYear);
	const ahead = set
		.filter((t) => t.startYear > latest.startYear)
		.sort((a, b) => a.startYear - b.startYear)[0];
	const target = sameYear ?? ahead;
	if (!target) {
		return {
			kind: 'no-target',
			year: latest.year,
			gap: null,
			text: `no target set for ${latest.year}`
		};
	}
	const later = target === sameYear ? {} : { targetYear: target.year };
	const better = direction === 'higher' ? 1 : -1;
	const diff = ((latest.value as number) - (target.value as number)) * better;
	const gap = Math.round(Math.abs(diff) * 10) / 10;
	const unitWords = differenceUnit(unit);
	const amount = `${formatNumber(gap)}${unitWords ? ' ' + unitWords : ''}`;
	const of = later.targetYear ? `the ${later.targetYear} target` : 'target';
	if (gap === 0)
		return { kind: 'on-target', year: latest.year, gap: 0, text: `on ${of}`, ...later };
	if (diff > 0)
		return { kind: 'ahead', year: latest.year, gap, text: `ahead of ${of} by ${amount}`, ...later };
	if (later.targetYear)
		return { kind: 'behind', year: latest.year, gap, text: `${amount} short of ${of}`, ...later };
	return { kind: 'behind', year: latest.year, gap, text: `behind target by ${amount}` };
}

/** Change from the first to the last year with a value, in the better direction when positive. */
export function changeOverTime(
	results: YearValue[],
	direction: 'higher' | 'lower'
): { from: YearValue; to: YearValue; improvement: number } | null {
	const known = results.filter((r) => r.value !== null).sort((a, b) => a.startYear - b.startYear);
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
	unit: Unit
): string {
	const latest = [...results]
		.filter((r) => r.value !== null)
		.sort((a, b) => b.startYear - a.startYear)[0];
	if (!latest) return 'No results yet.';
	const parts = [`${formatValue(latest.value, unit)} in ${latest.year}`, standing.text];
	const change = changeOverTime(results, direction);
	if (change && Math.abs(change.improvement) >= 0.05) {
		const words = differenceUnit(unit);
		const amount = `${formatNumber(Math.abs(change.improvement))}${words ? ' ' + words : ''}`;
		parts.push(
			`${amount} ${change.improvement > 0 ? 'better' : 'worse'} than in ${change.from.year}`
		);
	} else if (change) {
		parts.push(`unchanged since ${change.from.year}`);
	}
	return parts.join('; ') + '.';
}
