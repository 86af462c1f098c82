import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedSmallDistrict } from '../priorities/fixture.ts';
import { priorityPage, publicSummary } from './public-summary.ts';

let db: DbFile;
beforeEach(() => {
	db = testDb();
	seedSmallDistrict(db);
});
afterEach(() => db.$client.close());

describe('publicSummary', () => {
	it('gives each active priority its headline trend, standing and published update', () => {
		const summary = publicSummary(db);
		expect(summary.active.map((s) => s.priority.slug)).toEqual(['literacy']);
		const [literacy] = summary.active;
		expect(literacy.headline?.series.map((s) => s.value)).toEqual([-40, -33.1]);
		expect(literacy.headline?.standing.text).toBe('behind target by 3.1 points');
		expect(literacy.headline?.baseline).toEqual({ year: '2022-23', value: -40 });
		expect(literacy.update?.summary).toBe('Published summary');
	});

	it('never returns a retired priority or a draft', () => {
		const text = JSON.stringify(publicSummary(db));
		expect(text).not.toContain('A retired priority');
		expect(text).not.toContain('Draft summary text');
	});

	it('is empty, not an error, for a database with no district', () => {
		const empty = testDb();
		expect(publicSummary(empty)).toEqual({
			district: null,
			active: [],
			completed: [],
			notDoing: []
		});
		empty.$client.close();
	});
});

describe('priorityPage', () => {
	it('suppresses a group under the suppression size, value and size both', () => {
		const page = priorityPage(db, 'literacy');
		const foster = page?.measures[0].groups.find((g) => g.code === 'FOS');
		expect(foster?.byYear['2023-24']).toEqual({
			value: null,
			n: null,
			suppressed: true,
			state: null
		});
		expect(JSON.stringify(page)).not.toContain('-91.7');
	});

	it('shows a small group once the board lowers the suppression size', () => {
		db.$client.exec('update district set suppression_size = 5');
		const foster = priorityPage(db, 'literacy')?.measures[0].groups.find((g) => g.code === 'FOS');
		expect(foster?.byYear['2023-24']).toEqual({
			value: -91.7,
			n: 7,
			suppressed: false,
			state: null
		});
	});

	it('lists results by school with every year', () => {
		const page = priorityPage(db, 'literacy');
		expect(page?.measures[0].schools.map((s) => [s.name, s.byYear['2023-24'].value])).toEqual([
			['Alder Elementary', -20.5],
			['Birch Middle', -45.2]
		]);
		expect(page?.measures[0].years).toEqual(['2022-23', '2023-24']);
	});

	it('has no page for a retired or unknown priority', () => {
		expect(priorityPage(db, 'old')).toBeNull();
		expect(priorityPage(db, 'nope')).toBeNull();
	});
});
