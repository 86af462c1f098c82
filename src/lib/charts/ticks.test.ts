import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks, thinnedLabels, tickDigits } from './ticks.ts';

const isNice = (step: number) => {
	const m = step / 10 ** Math.floor(Math.log10(step));
	return [1, 2, 5].some((x) => Math.abs(m - x) < 1e-9);
};

describe('niceStep', () => {
	it('rounds up to 1, 2 or 5 × 10ⁿ', () => {
		expect(niceStep(0.7)).toBe(1);
		expect(niceStep(1)).toBe(1);
		expect(niceStep(1.3)).toBe(2);
		expect(niceStep(3)).toBe(5);
		expect(niceStep(6.4)).toBe(10);
		expect(niceStep(12.9)).toBe(20);
		expect(niceStep(0.042)).toBe(0.05);
	});
});

describe('niceTicks', () => {
	it('replaces the odd ticks of a distance-from-standard axis (−7.0 / −19.8 / −32.7)', () => {
		const t = niceTicks([-25.7, -29.0, -28.4, -19.9, -14.7, -10.7, -22.7, -13.7]);
		expect(t.values).toEqual([-30, -25, -20, -15, -10]);
		expect(isNice(t.step)).toBe(true);
	});
	it('replaces 30.1 % / 21.3 % / 12.5 % with whole steps, within 0–100', () => {
		const t = niceTicks([11.6, 14.6, 22.6, 17.3, 12.5, 9.5, 20.6, 18.6, 16.6], { percent: true });
		expect(t.values).toEqual([5, 10, 15, 20, 25]);
		expect(niceTicks([2, 97], { percent: true }).values).toEqual([0, 50, 100]);
	});
	it('covers every value with a nice step, whatever the data', () => {
		for (const values of [[0.12, 0.19], [-3, 250], [1234, 5678], [42, 42], [0, 0], []]) {
			const t = niceTicks(values);
			expect(isNice(t.step)).toBe(true);
			for (const v of values) expect(t.min <= v && v <= t.max).toBe(true);
			expect(t.values.length).toBeGreaterThanOrEqual(2);
			expect(t.values.length).toBeLessThanOrEqual(6);
		}
	});
	it('ignores missing values', () => {
		expect(niceTicks([null, 3, undefined, 8]).values).toEqual([2, 4, 6, 8]);
	});
	it('says how many decimals a label needs', () => {
		expect(tickDigits(5)).toBe(0);
		expect(tickDigits(0.5)).toBe(1);
		expect(tickDigits(0.02)).toBe(2);
	});
});

describe('thinnedLabels', () => {
	it('shows every year when they fit', () => {
		expect(thinnedLabels(6, 6)).toEqual([true, true, true, true, true, true]);
	});
	it('thins evenly and always keeps the newest year', () => {
		expect(thinnedLabels(6, 3)).toEqual([false, true, false, true, false, true]);
		expect(thinnedLabels(7, 3)).toEqual([true, false, false, true, false, false, true]);
		expect(thinnedLabels(5, 1)).toEqual([false, false, false, false, true]);
	});
});
