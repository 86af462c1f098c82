import { describe, expect, it } from 'vitest';
import {
	autonomy,
	coherence,
	heldThroughPrincipalChange,
	iqr,
	median,
	ownership,
	quantile,
	scaleProfile,
	spread,
	summarizeStructure,
	sustainability,
	type PriorityCheckIn
} from './measures.ts';

describe('spread', () => {
	it('is the share of depths at 3 or above', () => {
		expect(spread([0, 1, 2, 3, 4])).toBe(2 / 5);
		expect(spread([3, 3, 2, 4])).toBe(3 / 4);
	});
	it('is null for no schools and 0 or 1 for one school', () => {
		expect(spread([])).toBeNull();
		expect(spread([2])).toBe(0);
		expect(spread([3])).toBe(1);
	});
});

describe('median', () => {
	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([4, 0, 2])).toBe(2);
		expect(median([1, 2, 3, 4])).toBe(2.5);
	});
	it('handles one and no values', () => {
		expect(median([3])).toBe(3);
		expect(median([])).toBeNull();
	});
});

describe('IQR (type 7 quartiles)', () => {
	it('interpolates between order statistics', () => {
		// 1,2,3,4: Q1 at h=0.75 → 1.75; Q3 at h=2.25 → 3.25; IQR 1.5 (R: IQR(1:4) = 1.5)
		expect(quantile([4, 3, 2, 1], 0.25)).toBe(1.75);
		expect(iqr([1, 2, 3, 4])).toBe(1.5);
		// 0,1,2,3,4: Q1 = 1, Q3 = 3
		expect(iqr([0, 1, 2, 3, 4])).toBe(2);
		expect(iqr([2, 2, 2, 2, 4])).toBe(0);
	});
	it('is 0 for one school and null for none', () => {
		expect(iqr([3])).toBe(0);
		expect(iqr([])).toBeNull();
	});
});

describe('coherence and autonomy', () => {
	const cells = [
		{ required: true, depth: 3, adapted: false },
		{ required: true, depth: 4, adapted: true },
		{ required: true, depth: 1, adapted: false },
		{ required: true, depth: 2, adapted: false },
		{ required: false, depth: 0, adapted: false },
		{ required: false, depth: 3, adapted: true },
		{ required: false, depth: 2, adapted: true }
	];
	it('coherence is the share of required structures at 3+', () => {
		expect(coherence(cells)).toBe(2 / 4);
	});
	it('autonomy is the share of discretionary structures adapted locally', () => {
		expect(autonomy(cells)).toBe(2 / 3);
	});
	it('are null when the school has no check-in of that kind', () => {
		expect(coherence([])).toBeNull();
		expect(autonomy([])).toBeNull();
		expect(coherence([{ required: false, depth: 4, adapted: true }])).toBeNull();
		expect(autonomy([{ required: true, depth: 4, adapted: true }])).toBeNull();
	});
});

describe('summarizeStructure', () => {
	it('gives spread, median, IQR and adaptations', () => {
		expect(
			summarizeStructure([
				{ depth: 1, adapted: false },
				{ depth: 3, adapted: true },
				{ depth: 4, adapted: true },
				{ depth: 2, adapted: false }
			])
		).toEqual({ schools: 4, spread: 0.5, median: 2.5, iqr: 1.5, adaptations: 2 });
	});
	it('is empty for no schools', () => {
		expect(summarizeStructure([])).toEqual({
			schools: 0,
			spread: null,
			median: null,
			iqr: null,
			adaptations: 0
		});
	});
});

describe('sustainability through a principal change', () => {
	const run = (reached: number[], changes: number[] = []) => ({
		reachedYears: new Set(reached),
		principalChangeYears: new Set(changes)
	});
	it('counts schools at 3+ this year and last', () => {
		const schools = [run([2023, 2024]), run([2024]), run([2022, 2024]), run([2021, 2022, 2023])];
		expect(sustainability(schools, 2024)).toEqual({ share: 1 / 4, sustained: 1, throughChange: 0 });
	});
	it('holds through a principal change only when the change falls after the run began', () => {
		// At 3+ 2022–2024, new principal in 2023-24: held through.
		expect(heldThroughPrincipalChange(run([2022, 2023, 2024], [2023]), 2024)).toBe(true);
		// New principal in the run's first year: not evidence of holding through a change.
		expect(heldThroughPrincipalChange(run([2023, 2024], [2023]), 2024)).toBe(false);
		// Change in the current year of a two-year run: held through.
		expect(heldThroughPrincipalChange(run([2023, 2024], [2024]), 2024)).toBe(true);
		// Change after the year asked about does not count.
		expect(heldThroughPrincipalChange(run([2023, 2024], [2025]), 2024)).toBe(false);
		// Not sustained: never held through.
		expect(heldThroughPrincipalChange(run([2024], [2024]), 2024)).toBe(false);
		const schools = [run([2023, 2024], [2024]), run([2023, 2024]), run([2024], [2024])];
		expect(sustainability(schools, 2024)).toEqual({ share: 2 / 3, sustained: 2, throughChange: 1 });
	});
	it('is null with no schools, and 0 or 1 for one school', () => {
		expect(sustainability([], 2024)).toEqual({ share: null, sustained: 0, throughChange: 0 });
		expect(sustainability([run([2024])], 2024).share).toBe(0);
		expect(sustainability([run([2023, 2024])], 2024).share).toBe(1);
	});
});

describe('ownership', () => {
	it('counts schools with an adaptation or a site-led role', () => {
		expect(
			ownership([
				{ adapted: true, siteLed: false },
				{ adapted: false, siteLed: true },
				{ adapted: true, siteLed: true },
				{ adapted: false, siteLed: false }
			])
		).toBe(3 / 4);
	});
	it('is null for none and 0 or 1 for one school', () => {
		expect(ownership([])).toBeNull();
		expect(ownership([{ adapted: false, siteLed: false }])).toBe(0);
		expect(ownership([{ adapted: false, siteLed: true }])).toBe(1);
	});
});

describe('scaleProfile', () => {
	const c = (
		schoolId: number,
		year: number,
		depth: number,
		extra: Partial<PriorityCheckIn> = {}
	): PriorityCheckIn => ({ schoolId, year, depth, adapted: false, siteLed: false, ...extra });

	it('computes the four measures per year from the carrying structures', () => {
		const checkIns = [
			// School 1: two structures; means 3 (2023) and 3.5 (2024); new principal in 2024.
			c(1, 2023, 2),
			c(1, 2023, 4),
			c(1, 2024, 3),
			c(1, 2024, 4, { adapted: true }),
			// School 2: mean 2.5 in 2023, 3 in 2024 (site-led).
			c(2, 2023, 2),
			c(2, 2023, 3),
			c(2, 2024, 3, { siteLed: true }),
			c(2, 2024, 3),
			// School 3: only 2024, at 1.
			c(3, 2024, 1)
		];
		const changes = new Map([[1, new Set([2024])]]);
		const [y2023, y2024, y2025] = scaleProfile(checkIns, [2023, 2024, 2025], changes);
		expect(y2023).toEqual({
			year: 2023,
			schools: 2,
			spread: 0.5,
			depth: 2.75,
			sustainability: 0,
			sustainedSchools: 0,
			heldThroughPrincipalChange: 0,
			ownership: 0
		});
		expect(y2024.schools).toBe(3);
		expect(y2024.spread).toBe(2 / 3);
		expect(y2024.depth).toBeCloseTo((3.5 + 3 + 1) / 3, 10);
		expect(y2024.sustainability).toBe(1 / 3);
		expect(y2024.sustainedSchools).toBe(1);
		expect(y2024.heldThroughPrincipalChange).toBe(1);
		expect(y2024.ownership).toBe(2 / 3);
		expect(y2025).toMatchObject({ schools: 0, spread: null, depth: null, sustainability: null });
	});

	it('is empty without check-ins', () => {
		expect(scaleProfile([], [2024], new Map())[0]).toMatchObject({
			schools: 0,
			spread: null,
			ownership: null
		});
	});
});
