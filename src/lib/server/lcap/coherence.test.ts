// The coherence share on the demo district's small LCAP (src/lib/server/demo/lcap.ts). Expected
// figures worked out by hand from the plan as written there: nine actions, $6,400,000; actions
// 1.1 ($1,200,000, literacy coaching), 1.2 ($350,000, the reading assessment cycle), 2.1
// ($420,000, site attendance teams) and 2.3 ($150,000, family grants) are carried by structures
// that carry an active priority; the contributing actions are 1.1, 1.4, 2.1 and 2.2.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { demoOptions, generateDistrict } from '../demo/index.ts';
import { coherenceShare } from './coherence.ts';
import { lcapVersion } from './queries.ts';

let db: DbFile;
beforeAll(() => {
	db = testDb();
	generateDistrict(db, demoOptions);
});

describe('the coherence share', () => {
	it('counts the actions and dollars that carry a board priority through a structure', () => {
		const share = coherenceShare(db, lcapVersion(db)!.id);
		expect(share.total).toEqual({
			actions: 9,
			carriedActions: 4,
			cents: 640_000_000,
			carriedCents: 212_000_000,
			contributingCents: 312_000_000,
			carriedContributingCents: 162_000_000
		});
	});

	it('by goal', () => {
		const share = coherenceShare(db, lcapVersion(db)!.id);
		expect(
			share.byGoal.map((g) => [
				g.number,
				g.actions,
				g.carriedActions,
				g.cents,
				g.carriedCents,
				g.carriedContributingCents
			])
		).toEqual([
			['1', 4, 2, 263_000_000, 155_000_000, 120_000_000],
			['2', 3, 2, 147_000_000, 57_000_000, 42_000_000],
			['3', 2, 0, 230_000_000, 0, 0]
		]);
	});

	it('by priority, and the priority with no LCAP money', () => {
		const share = coherenceShare(db, lcapVersion(db)!.id);
		expect(
			share.byPriority.map((p) => [
				p.slug,
				p.goalActions,
				p.goalCents,
				p.carriedActions,
				p.carriedCents
			])
		).toEqual([
			['early-literacy', 4, 263_000_000, 2, 155_000_000],
			['math-understanding', 4, 263_000_000, 0, 0],
			['attendance-and-belonging', 3, 147_000_000, 2, 57_000_000]
		]);
		expect(share.withoutMoney).toEqual([
			{ slug: 'math-understanding', title: expect.any(String), inAGoal: true }
		]);
		// The largest action no priority's structure carries: facilities, $2,000,000.
		expect(share.uncarried[0]).toMatchObject({ number: '3.1', cents: 200_000_000 });
	});
});
