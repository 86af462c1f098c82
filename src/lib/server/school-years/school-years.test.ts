import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { district, schoolYears, studentGroups } from '../db/schema/district.ts';
import { measures, results } from '../db/schema/measures.ts';
import { currentSchoolYear, ensureSchoolYears, listSchoolYears, planYears } from './index.ts';

let db: DbFile;
afterEach(() => db?.$client.close());

const labels = () => listSchoolYears(db).map((y) => y.label);
const addSchoolYear = (label: string, startYear: number) =>
	db.insert(schoolYears).values({ label, startYear }).returning().get();

describe('school years by rule', () => {
	it('a district with no results gets the current year and five ahead', () => {
		db = testDb();
		expect(ensureSchoolYears(db, '2026-12-01')).toBe(6);
		expect(labels()).toEqual(['2026-27', '2027-28', '2028-29', '2029-30', '2030-31', '2031-32']);
		expect(ensureSchoolYears(db, '2026-12-01')).toBe(0);
	});

	it('reaches back to the earliest result or baseline', () => {
		db = testDb();
		const y2019 = addSchoolYear('2019-20', 2019);
		const y2021 = addSchoolYear('2021-22', 2021);
		db.insert(studentGroups).values({ code: 'ALL', name: 'All students' }).run();
		const m = db
			.insert(measures)
			.values({
				code: 'ela',
				name: 'ELA',
				unit: 'points',
				direction: 'higher',
				baselineYearId: y2021.id,
				baselineValue: -30
			})
			.returning()
			.get();
		db.insert(results)
			.values({ measureId: m.id, schoolYearId: y2021.id, studentGroup: 'ALL', value: -34.1 })
			.run();
		ensureSchoolYears(db, '2023-06-30');
		// 2019-20 was already there and stays; the rule starts at 2021-22 (the earliest result), through 2022-23 + 5.
		const fromEarliestResult = [
			'2021-22',
			'2022-23',
			'2023-24',
			'2024-25',
			'2025-26',
			'2026-27',
			'2027-28'
		];
		expect(labels()).toEqual(['2019-20', ...fromEarliestResult]);
		expect(planYears(db, '2023-06-30', 2021).map((y) => y.label)).toEqual(fromEarliestResult);
		expect(y2019.id).toBeGreaterThan(0);
	});

	it('the current year rolls over on 1 July unless the administrator pinned one', () => {
		db = testDb();
		expect(currentSchoolYear(db, '2025-06-30').label).toBe('2024-25');
		expect(currentSchoolYear(db, '2025-07-01').label).toBe('2025-26');
		const pinned = addSchoolYear('2022-23', 2022);
		db.insert(district)
			.values({ name: 'D', cdsCode: '27660920000000', currentSchoolYearId: pinned.id })
			.run();
		expect(currentSchoolYear(db, '2025-07-01').label).toBe('2022-23');
		ensureSchoolYears(db, '2025-07-01');
		// Pinned 2022-23: the plan reaches 2027-28, and years already made stay.
		expect(labels().at(-1)).toBe('2027-28');
		expect(labels()[0]).toBe('2022-23');
	});
});
