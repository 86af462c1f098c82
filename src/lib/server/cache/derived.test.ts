import { describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import { derived } from './derived.ts';

describe('derived', () => {
	it('computes once while the data stays the same', () => {
		const db = testDb();
		let runs = 0;
		const compute = () => ++runs;
		expect(derived(db, 'k', compute)).toBe(1);
		expect(derived(db, 'k', compute)).toBe(1);
		expect(runs).toBe(1);
	});

	it('computes again after any write', () => {
		const db = testDb();
		let runs = 0;
		const compute = () => ++runs;
		derived(db, 'k', compute);
		db.$client.exec("insert into school_year (label, start_year) values ('2030-31', 2030)");
		expect(derived(db, 'k', compute)).toBe(2);
	});

	it('keeps each key apart and each database apart', () => {
		const a = testDb();
		const b = testDb();
		expect(derived(a, 'x', () => 'a-x')).toBe('a-x');
		expect(derived(a, 'y', () => 'a-y')).toBe('a-y');
		expect(derived(b, 'x', () => 'b-x')).toBe('b-x');
		expect(derived(a, 'x', () => 'again')).toBe('a-x');
	});
});
