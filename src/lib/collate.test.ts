import { describe, expect, it } from 'vitest';
import { byText, sortKey } from './collate.ts';

const names = ['Cypress Elementary', 'César Chávez Middle', 'carver High', 'Grade 10', 'Grade 2'];

describe('sorting names', () => {
	it('ignores accents and case, and orders numbers by value', () => {
		expect([...names].sort(byText)).toEqual([
			'carver High',
			'César Chávez Middle',
			'Cypress Elementary',
			'Grade 2',
			'Grade 10'
		]);
	});
	it('gives SQLite a key that sorts the same way', () => {
		const bySql = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
		expect(bySql).toEqual([...names].sort(byText));
	});
});
