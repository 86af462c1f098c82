import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { seedDemo } from './index.ts';
import { accountabilityView, unaddressedReds } from '../accountability/overview.ts';

let db: DbFile;
beforeAll(async () => {
	db = testDb();
	await seedDemo(db);
}, 120_000);

describe("the demo's accountability", () => {
	it('has a year in Differentiated Assistance that its own colors explain, the record and the computation agreeing', () => {
		const years = accountabilityView(db, 'board').years;
		const da = years.filter((y) => y.stateStatus === 'Differentiated Assistance');
		expect(da.length).toBeGreaterThan(0);
		for (const y of da) {
			expect(y.eligible).toBe(true);
			expect(
				y.groups.some((g) => g.computed.length >= 2 && g.stateLetter === g.computedLetter)
			).toBe(true);
		}
		expect(years.every((y) => y.groups.every((g) => !g.differs))).toBe(true);
	});

	it('has one Red no priority addresses: college/career for students with disabilities, on the latest Dashboard', () => {
		const { reds } = unaddressedReds(db);
		expect(reds.map((r) => `${r.group.code} ${r.indicator}`)).toEqual(['SWD cci']);
	});

	it('has a school the state identified', () => {
		const latest = accountabilityView(db, 'public').years[0];
		expect(latest.schools).toEqual([expect.objectContaining({ status: 'ATSI', linked: true })]);
	});
});
