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

	it('measures against the nearest target ahead when the newest year has none', () => {
		// MPUSD's case: results through 2022-23, targets set from 2023-24 on.
		const s = standingAgainstTarget(
			[y(2021, -34.1), y(2022, -34.3)],
			[y(2023, -30), y(2024, -25), y(2026, -15)],
			'higher',
			'points'
		);
		expect(s).toEqual({
			kind: 'behind',
			year: '2022-23',
			gap: 4.3,
			targetYear: '2023-24',
			text: '4.3 points short of the 2023-24 target'
		});
		const past = standingAgainstTarget([y(2022, 20)], [y(2024, 25)], 'lower', 'percent');
		expect(past).toMatchObject({ kind: 'ahead', targetYear: '2024-25' });
		expect(past.text).toBe('ahead of the 2024-25 target by 5.0 percentage points');
	});

	it('prefers the same year’s target to a later one', () => {
		const s = standingAgainstTarget([y(2023, 50)], [y(2023, 52), y(2024, 60)], 'higher', 'percent');
		expect(s.targetYear).toBeUndefined();
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
