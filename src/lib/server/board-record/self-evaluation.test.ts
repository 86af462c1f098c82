import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { staff } from '../meetings/fixture.ts';
import { seedBoardDistrict } from './fixture.ts';
import {
	exampleInstrument,
	listItems,
	loadExampleInstrument,
	publicSelfEvaluation,
	rateBoard,
	selfEvaluationSpread
} from './self-evaluation.ts';

describe('the board’s self-evaluation', () => {
	let db: DbFile;
	beforeEach(() => {
		db = testDb();
		seedBoardDistrict(db);
		expect(loadExampleInstrument(db, staff).ok).toBe(true);
	});
	afterEach(() => db.$client.close());

	const rate = (rater: string, year: string, ratings: number[]) => {
		const items = listItems(db);
		const values = Object.fromEntries(ratings.map((r, i) => [`item-${items[i].id}`, String(r)]));
		const saved = rateBoard(db, staff, rater, year, values);
		if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
	};

	it('shows each item’s spread and its change from last year, the largest drops first', () => {
		// Items 1–3 rated by three raters in two years (the rest not rated).
		rate('member:1', '2023-24', [4, 3, 5]);
		rate('member:2', '2023-24', [4, 3, 4]);
		rate('superintendent', '2023-24', [5, 3, 3]);
		rate('member:1', '2024-25', [2, 3, 5]);
		rate('member:2', '2024-25', [3, 4, 5]);
		rate('superintendent', '2024-25', [3, 5, 5]);
		const spread = selfEvaluationSpread(db, '2024-25');
		// By hand: item 1 means 4.33 → 2.67 (−1.66, rounded from the rounded means); item 2
		// 3 → 4 (+1); item 3 4 → 5 (+1).
		expect(spread.slice(0, 3).map((s) => [s.text, s.mean, s.lastMean, s.change])).toEqual([
			[exampleInstrument[0].text, 2.67, 4.33, -1.66],
			[exampleInstrument[1].text, 4, 3, 1],
			[exampleInstrument[2].text, 5, 4, 1]
		]);
		expect(spread[0]).toMatchObject({ counts: [0, 1, 2, 0, 0], n: 3, min: 2, max: 3 });
		// Items nobody rated come last, in their order, with no change.
		expect(spread.slice(3).map((s) => [s.n, s.change])).toEqual(
			exampleInstrument.slice(3).map(() => [0, null])
		);
	});

	it('refuses a rating outside the scale, and saves nothing of the form', () => {
		const items = listItems(db);
		for (const bad of ['0', '6', '3.5', 'good']) {
			const saved = rateBoard(db, staff, 'member:1', '2024-25', {
				[`item-${items[0].id}`]: '4',
				[`item-${items[1].id}`]: bad
			});
			expect(saved).toEqual({
				ok: false,
				errors: { [`item-${items[1].id}`]: ['Rate each item from 1 to 5.'] }
			});
		}
		expect(db.$client.prepare('select count(*) n from self_evaluation_rating').get()).toEqual({
			n: 0
		});
	});

	it('loads the example once, and tells the public the spread, never who rated', () => {
		expect(loadExampleInstrument(db, staff).ok).toBe(false);
		rate('member:1', '2024-25', [4]);
		const summary = publicSelfEvaluation(db);
		expect(JSON.stringify(summary)).not.toContain('member:1');
		expect(summary[0].items[0]).toMatchObject({ n: 1, mean: 4 });
	});
});
