import { describe, expect, it } from 'vitest';
import { changeOverTime, describeTrend, standingAgainstTarget } from './status.ts';

const y = (startYear: number, value: number | null) => ({
	year: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
	startYear,
	value
});

describe('standingAgainstTarget', () => {
	it('says how far behind a higher-is-better measure is, in points', () => {
		const s = standingAgainstTarget(
			[y(2022, -40), y(2023, -31.9)],
			[y(2023, -28.8)],
			'higher',
			'points'
		);
		expect(s).toEqual({
			kind: 'behind',
			year: '2023-24',
			gap: 3.1,
			text: 'behind target by 3.1 points'
		});
	});

	it('treats lower as better for absenteeism and speaks in percentage points', () => {
		const s = standingAgainstTarget([y(2023, 18.2)], [y(2023, 20)], 'lower', 'percent');
		expect(s.kind).toBe('ahead');
		expect(s.text).toBe('ahead of target by 1.8 percentage points');
	});

	it('uses the latest year with a value, and says when no target is set for it or later', () => {
		const s = standingAgainstTarget(
			[y(2022, 50), y(2023, null)],
			[y(2021, 55)],
			'higher',
			'percent'
		);
		expect(s).toMatchObject({
			kind: 'no-target',
			year: '2022-23',
			text: 'no target set for 2022-23'
		});
	});

	it('never grades a result against a later year’s target: it says what the next one asks', () => {
		// MPUSD's case: results through 2022-23, targets set from 2023-24 on (issue 29, item 3:
		// "the 2024-25 target is −50.0: 6.4 points above the 2023-24 result", neutral).
		const s = standingAgainstTarget(
			[y(2021, -34.1), y(2022, -34.3)],
			[y(2023, -30), y(2024, -25), y(2026, -15)],
			'higher',
			'points'
		);
		expect(s).toEqual({
			kind: 'next-target',
			year: '2022-23',
			gap: 4.3,
			next: { year: '2023-24', value: -30, relation: 'above' },
			text: 'the 2023-24 target is −30.0: 4.3 points above the 2022-23 result'
		});
		const lower = standingAgainstTarget([y(2023, -56.4)], [y(2024, -50)], 'higher', 'points');
		expect(lower.text).toBe('the 2024-25 target is −50.0: 6.4 points above the 2023-24 result');
		const past = standingAgainstTarget([y(2022, 20)], [y(2024, 25)], 'lower', 'percent');
		expect(past).toMatchObject({
			kind: 'next-target',
			next: { year: '2024-25', relation: 'above' }
		});
		expect(past.text).toBe(
			'the 2024-25 target is 25.0%: 5.0 percentage points above the 2022-23 result'
		);
	});

	it('calls the baseline year a baseline, whatever its targets', () => {
		const s = standingAgainstTarget([y(2023, -56.4)], [y(2024, -50)], 'higher', 'points', {
			baselineYear: '2023-24'
		});
		expect(s.kind).toBe('baseline');
		expect(s.text).toBe(
			'2023-24 is the baseline; the 2024-25 target is −50.0: 6.4 points above the 2023-24 result'
		);
		const alone = standingAgainstTarget([y(2023, 10)], [], 'lower', 'percent', {
			baselineYear: '2023-24'
		});
		expect(alone).toMatchObject({ kind: 'baseline', text: '2023-24 is the baseline' });
	});

	it('prefers the same year’s target to a later one', () => {
		const s = standingAgainstTarget([y(2023, 50)], [y(2023, 52), y(2024, 60)], 'higher', 'percent');
		expect(s.next).toBeUndefined();
		expect(s.text).toBe('behind target by 2.0 percentage points');
	});

	it('calls a gap that rounds to zero on target', () => {
		expect(standingAgainstTarget([y(2023, 55.04)], [y(2023, 55)], 'higher', 'percent').kind).toBe(
			'on-target'
		);
	});

	it('says there are no results yet', () => {
		expect(standingAgainstTarget([], [y(2023, 1)], 'higher', 'percent').text).toBe(
			'no results yet'
		);
	});
});

describe('changeOverTime', () => {
	it('reports improvement in the better direction', () => {
		expect(changeOverTime([y(2021, 30), y(2023, 25)], 'lower')?.improvement).toBe(5);
		expect(changeOverTime([y(2021, 30), y(2023, 25)], 'higher')?.improvement).toBe(-5);
	});
	it('needs two years', () => {
		expect(changeOverTime([y(2021, 30)], 'lower')).toBeNull();
	});
});

describe('describeTrend', () => {
	it('says the latest value, the standing and the change in one sentence', () => {
		const results = [y(2022, -40), y(2023, -33.1)];
		const standing = standingAgainstTarget(results, [y(2023, -30)], 'higher', 'points');
		expect(describeTrend(results, standing, 'higher', 'points')).toBe(
			'−33.1 points in 2023-24; behind target by 3.1 points; 6.9 points better than in 2022-23.'
		);
	});
});
