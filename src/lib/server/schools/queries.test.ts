import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedSmallDistrict } from '../priorities/fixture.ts';
import { listSchools, schoolResults } from './queries.ts';

let db: DbFile;
beforeEach(() => {
	db = testDb();
	seedSmallDistrict(db);
});
afterEach(() => db.$client.close());

describe('listSchools', () => {
	it('filters by name, CDS code and type', () => {
		expect(listSchools(db, { q: 'birch' }).map((s) => s.name)).toEqual(['Birch Middle']);
		expect(listSchools(db, { q: '01234560000001' }).map((s) => s.name)).toEqual([
			'Alder Elementary'
		]);
		expect(listSchools(db, { type: 'middle' })).toHaveLength(1);
		expect(listSchools(db)).toHaveLength(2);
	});
	it('hides closed schools unless asked', () => {
		db.$client.exec("update school set status = 'closed' where id = 2");
		expect(listSchools(db)).toHaveLength(1);
		expect(listSchools(db, { status: 'all' })).toHaveLength(2);
	});
});

describe('schoolResults', () => {
	it("gives a school's results on its priorities' measures", () => {
		const { measures, years } = schoolResults(db, 1, 11);
		expect(years).toEqual(['2023-24']);
		expect(measures[0].priority.slug).toBe('literacy');
		expect(measures[0].groups[0].byYear['2023-24'].value).toBe(-20.5);
	});
});
