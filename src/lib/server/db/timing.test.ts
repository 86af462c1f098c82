import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schoolYears } from './schema/district.ts';
import type { DbFile } from './open.ts';
import { testDb } from '../testing.ts';
import { serverTimingHeader, timeStatements, withQueryTiming } from './timing.ts';

let db: DbFile;
beforeEach(() => {
	db = testDb();
	timeStatements(db.$client);
});
afterEach(() => db.$client.close());

describe('query timing', () => {
	it('counts the statements run inside a request, through drizzle and raw', () => {
		const { timing, result } = withQueryTiming(() => {
			db.insert(schoolYears).values({ label: '2024-25', startYear: 2024 }).run();
			db.$client.prepare('select count(*) from school_year').pluck().get();
			return db.select().from(schoolYears).all();
		});
		expect(result).toHaveLength(1);
		expect(timing.queries).toBe(3);
		expect(timing.ms).toBeGreaterThan(0);
		expect(serverTimingHeader(timing, 12.5)).toMatch(
			/^db;dur=\d+\.\d\d;desc="3 queries", total;dur=12\.50$/
		);
	});

	it('keeps concurrent requests apart and ignores work outside any request', async () => {
		db.select().from(schoolYears).all();
		const one = withQueryTiming(async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
			db.select().from(schoolYears).all();
		});
		const two = withQueryTiming(async () => {
			db.select().from(schoolYears).all();
			db.select().from(schoolYears).all();
		});
		await Promise.all([one.result, two.result]);
		expect([one.timing.queries, two.timing.queries]).toEqual([1, 2]);
	});
});
