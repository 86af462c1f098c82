import { describe, expect, it } from 'vitest';
import {
	averageTenure,
	changeTenures,
	principalChangeYears,
	schoolYearOf,
	tenureYears,
	turnover,
	type Tenure
} from './measures.ts';

let nextId = 1;
function t(
	role: Tenure['role'],
	personName: string,
	startedOn: string,
	endedOn: string | null,
	place: { schoolId?: number; priorityId?: number } = {}
): Tenure {
	return {
		id: nextId++,
		role,
		personName,
		schoolId: place.schoolId ?? null,
		priorityId: place.priorityId ?? null,
		startedOn,
		endedOn
	};
}

describe('schoolYearOf', () => {
	it('puts July onward in the school year starting that year', () => {
		expect(schoolYearOf('2024-07-01')).toBe(2024);
		expect(schoolYearOf('2024-06-30')).toBe(2023);
		expect(schoolYearOf('2025-01-15')).toBe(2024);
	});
});

describe('turnover', () => {
	const tenures = [
		t('superintendent', 'A', '2019-07-01', '2024-06-30'),
		t('superintendent', 'B', '2024-07-01', null),
		t('principal', 'C', '2020-08-01', '2023-12-31', { schoolId: 1 }),
		t('principal', 'D', '2024-01-02', '2024-09-30', { schoolId: 1 }),
		t('principal', 'E', '2024-10-01', null, { schoolId: 1 }),
		t('principal', 'F', '2021-07-01', null, { schoolId: 2 }),
		t('sponsor', 'G', '2024-08-01', null, { priorityId: 9 })
	];
	it('divides seats that changed hands by seats filled in the year', () => {
		// 2024-25: superintendent changed (B), school 1 changed twice (D ended, E started:
		// counted once), school 2 steady, sponsor G is the seat's first record (not a change).
		expect(turnover(tenures, 2024)).toEqual({ year: 2024, seats: 4, changed: 2, rate: 0.5 });
		// 2023-24: school 1 changed (D started 2024-01-02); seats: superintendent, schools 1 and 2.
		expect(turnover(tenures, 2023)).toEqual({ year: 2023, seats: 3, changed: 1, rate: 1 / 3 });
	});
	it('is null with no seats filled, and 0 or 1 for one seat', () => {
		expect(turnover([], 2024)).toEqual({ year: 2024, seats: 0, changed: 0, rate: null });
		expect(turnover([t('principal', 'X', '2020-07-01', null, { schoolId: 5 })], 2024).rate).toBe(0);
		expect(
			turnover(
				[
					t('principal', 'X', '2020-07-01', '2024-07-31', { schoolId: 5 }),
					t('principal', 'Y', '2024-08-01', null, { schoolId: 5 })
				],
				2024
			).rate
		).toBe(1);
	});
	it('does not count a seat first recorded as a change', () => {
		expect(changeTenures([t('sponsor', 'G', '2024-08-01', null, { priorityId: 1 })])).toEqual([]);
	});
});

describe('tenure', () => {
	it('measures completed tenures start to end and ongoing ones to today', () => {
		expect(
			tenureYears({ startedOn: '2020-07-01', endedOn: '2022-07-01' }, '2030-01-01')
		).toBeCloseTo(2, 2);
		expect(tenureYears({ startedOn: '2024-06-15', endedOn: null }, '2025-06-15')).toBeCloseTo(1, 2);
	});
	it('averages, and is null with no tenures; one tenure is its own average', () => {
		expect(
			averageTenure(
				[
					{ startedOn: '2020-07-01', endedOn: '2022-07-01' },
					{ startedOn: '2022-07-01', endedOn: null }
				],
				'2026-07-01'
			)
		).toBeCloseTo(3, 2);
		expect(averageTenure([], '2025-06-15')).toBeNull();
		expect(averageTenure([{ startedOn: '2021-06-15', endedOn: null }], '2025-06-15')).toBeCloseTo(
			4,
			2
		);
	});
});

describe('principalChangeYears', () => {
	it('lists the school years in which a new principal started, per school', () => {
		const map = principalChangeYears([
			t('principal', 'A', '2018-07-01', '2022-06-30', { schoolId: 1 }),
			t('principal', 'B', '2022-07-01', null, { schoolId: 1 }),
			t('principal', 'C', '2019-07-01', null, { schoolId: 2 }),
			t('superintendent', 'S', '2010-07-01', null)
		]);
		expect([...(map.get(1) ?? [])]).toEqual([2022]);
		expect(map.has(2)).toBe(false);
	});
});
