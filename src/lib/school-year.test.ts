import { describe, expect, it } from 'vitest';
import {
	currentStartYear,
	daysBetween,
	neededStartYears,
	schoolYearLabel,
	schoolYearOf,
	schoolYearSpan,
	startYearOfLabel
} from './school-year.ts';

describe('school-year rules', () => {
	it('labels a year by its start and end, across the century', () => {
		expect(schoolYearLabel(2024)).toBe('2024-25');
		expect(schoolYearLabel(2009)).toBe('2009-10');
		expect(schoolYearLabel(2099)).toBe('2099-00');
	});

	it('reads labels back and refuses ones that are not a school year', () => {
		expect(startYearOfLabel('2023-24')).toBe(2023);
		expect(startYearOfLabel(' 2023-2024 ')).toBe(2023);
		expect(startYearOfLabel('2099-00')).toBe(2099);
		expect(startYearOfLabel('2023-25')).toBeNull();
		expect(startYearOfLabel('2023')).toBeNull();
		expect(startYearOfLabel('23-24')).toBeNull();
	});

	it('rolls over on 1 July: 30 June belongs to the year before', () => {
		expect(schoolYearOf('2025-06-30')).toBe(2024);
		expect(schoolYearOf('2025-07-01')).toBe(2025);
		expect(schoolYearOf('2025-01-01')).toBe(2024);
		expect(schoolYearOf('2024-12-31')).toBe(2024);
		expect(schoolYearOf('2025-07-01T00:00:00.000Z')).toBe(2025);
		expect(() => schoolYearOf('July 2025')).toThrow(/Not a date/);
	});

	it('spans 1 July to 30 June', () => {
		expect(schoolYearSpan(2023)).toEqual({ from: '2023-07-01', to: '2024-06-30' });
		expect(schoolYearOf(schoolYearSpan(2023).to)).toBe(2023);
		expect(schoolYearOf(schoolYearSpan(2023).from)).toBe(2023);
	});

	it('counts days in the calendar, leap days included', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // 2024 is a leap year
		expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
		expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1); // 2100 is not
		expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2); // 2000 is
		expect(daysBetween('2023-07-01', '2024-06-30')).toBe(365); // the leap school year 2023-24
		expect(daysBetween('2024-07-01', '2025-06-30')).toBe(364);
		expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
		// No clock change in March shifts a day.
		expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
	});

	it('follows the calendar unless a year is pinned', () => {
		expect(currentStartYear('2026-06-30')).toBe(2025);
		expect(currentStartYear('2026-07-01')).toBe(2026);
		expect(currentStartYear('2026-07-01', 2024)).toBe(2024);
		expect(currentStartYear('2026-06-30', null)).toBe(2025);
	});

	it('needs the years from the earliest data to five years past the current one', () => {
		expect(neededStartYears(2021, 2026)).toEqual([
			2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031
		]);
		// A district with no results yet: the current year and five ahead.
		expect(neededStartYears(null, 2026)).toEqual([2026, 2027, 2028, 2029, 2030, 2031]);
		// Data newer than a pinned year does not shorten the range.
		expect(neededStartYears(2027, 2024)).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
	});
});
