// Small statistics, one rule each, for every area and page that summarizes a list of numbers
// (depths, tenures, results). No data of their own: plain numbers in, a number or null out.

/** The arithmetic mean; null for none. */
export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Quantile by linear interpolation between order statistics (type 7). p in 0…1. */
export function quantile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.ceil(h);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function median(values: readonly number[]): number | null {
	return quantile(values, 0.5);
}

/** Interquartile range Q3 − Q1 (type 7 quartiles); 0 for one value, null for none. */
export function iqr(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return (quantile(values, 0.75) as number) - (quantile(values, 0.25) as number);
}
