// "Nice" axis ticks: steps of 1, 2 or 5 × 10ⁿ, so an axis reads −30, −20, −10 or 10%, 20%, 30%
// instead of −32.7, −19.8, −7.0. Shared by the server-drawn SVG charts and chart.js. Pure.

export interface Ticks {
	min: number;
	max: number;
	step: number;
	values: number[];
}

/** The smallest 1, 2 or 5 × 10ⁿ at least `raw`. */
export function niceStep(raw: number): number {
	if (!(raw > 0) || !Number.isFinite(raw)) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	for (const m of [1, 2, 5, 10]) if (m * power >= raw * (1 - 1e-9)) return m * power;
	return 10 * power;
}

/**
 * Ticks covering every value with at most `count` + 1 lines. Percentages stay within 0–100.
 * A single value (or none) gets an axis around it.
 */
export function niceTicks(
	values: (number | null | undefined)[],
	{ count = 4, percent = false }: { count?: number; percent?: boolean } = {}
): Ticks {
	const shown = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	let lo = shown.length ? Math.min(...shown) : 0;
	let hi = shown.length ? Math.max(...shown) : 1;
	if (hi === lo) {
		const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
		lo -= pad;
		hi += pad;
	}
	let step = niceStep((hi - lo) / Math.max(1, count));
	let min = Math.floor(lo / step + 1e-9) * step;
	let max = Math.ceil(hi / step - 1e-9) * step;
	// Rounding out can add a line or two: widen the step until it fits the count.
	while (Math.round((max - min) / step) > count + 1) {
		step = niceStep(step * 1.01);
		min = Math.floor(lo / step + 1e-9) * step;
		max = Math.ceil(hi / step - 1e-9) * step;
	}
	if (percent) {
		min = Math.max(0, min);
		max = Math.min(100, max);
	}
	const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
	const n = Math.round((max - min) / step);
	const out: number[] = [];
	for (let i = 0; i <= n; i++) out.push(Number((min + i * step).toFixed(digits)) + 0);
	return { min: out[0], max: out[out.length - 1], step, values: out };
}

/** Decimal places a tick label needs for this step: 0 for 5 or 10, 1 for 0.5. */
export function tickDigits(step: number): number {
	return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/**
 * Which of `n` year labels to show when only `room` fit: evenly spaced, always the newest
 * (the last) and counting back from it.
 */
export function thinnedLabels(n: number, room: number): boolean[] {
	if (n <= room || room <= 1) return Array.from({ length: n }, (_, i) => room > 1 || i === n - 1);
	const every = Math.ceil(n / room);
	return Array.from({ length: n }, (_, i) => (n - 1 - i) % every === 0);
}
