// The checks a printed metric row gets before anyone trusts it: a "difference from baseline"
// that is not Year 1 − baseline, a target no measure of its unit can reach.

/** A cell's figure: its first number and unit ("-34.6 points", "47.5%", "4.5/5", "88.3% Clear"). */
export function figureOf(text: string): { thousandths: number; unit: string } | null {
	const m = /(-?\d+(?:\.\d+)?)\s*(%|points?|\/5)?/i.exec(text.replace(/,/g, ''));
	if (!m) return null;
	const [whole, frac = ''] = m[1].replace('-', '').split('.');
	if (frac.length > 3) return null;
	const value = Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
	return {
		thousandths: m[1].startsWith('-') ? -value : value,
		unit: (m[2] ?? '').toLowerCase().replace(/^points?$/, 'points')
	};
}

function shown(thousandths: number): string {
	return String(thousandths / 1000);
}

/**
 * The largest distance from standard a CAASPP or CAST score can reach: the scale scores of every
 * grade lie within about 350 points of the "standard met" score (the state's scale score ranges).
 */
const maxPoints = 400_000;

export interface MetricRowQuirk {
	kind: 'difference' | 'target';
	reason: string;
}

export function checkMetricRow(row: {
	baseline: string;
	year1: string;
	target: string;
	difference: string;
}): MetricRowQuirk[] {
	const quirks: MetricRowQuirk[] = [];
	const baseline = figureOf(row.baseline);
	const year1 = figureOf(row.year1);
	const difference = figureOf(row.difference);
	if (baseline && year1 && difference) {
		const computed = year1.thousandths - baseline.thousandths;
		if (computed !== difference.thousandths) {
			quirks.push({
				kind: 'difference',
				reason: `the printed difference ${shown(difference.thousandths)} is not Year 1 − baseline (${shown(year1.thousandths)} − ${shown(baseline.thousandths)} = ${shown(computed)})`
			});
		}
	}
	const target = figureOf(row.target);
	if (target) {
		const v = target.thousandths;
		const unit = target.unit || baseline?.unit || year1?.unit || '';
		const impossible =
			(unit === '%' && (v < 0 || v > 100_000)) ||
			(unit === 'points' && Math.abs(v) > maxPoints && !row.target.includes('/')) ||
			(unit === '/5' && (v < 0 || v > 5_000));
		if (impossible) {
			quirks.push({
				kind: 'target',
				reason: `the target ${row.target} cannot be reached on this measure’s scale`
			});
		}
	}
	return quirks;
}
