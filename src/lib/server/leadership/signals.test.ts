import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { district } from '../db/schema/district.ts';
import { engagements } from '../db/schema/leadership.ts';
import { addCheckIn, addTenure, seedReachDistrict } from '../implementation/fixture.ts';
import { requiredStructuresNotSpread } from '../implementation/signals.ts';
import { boardSignals } from '../views/signals.ts';
import { depthFellAfterPrincipalChange, quietPriorities, sponsorChanges } from './signals.ts';

let db: DbFile;
const today = '2025-06-15'; // in 2024-25, the fixture's current year
beforeEach(() => {
	db = testDb();
	seedReachDistrict(db);
});
afterEach(() => db.$client.close());

describe('sponsorChanges', () => {
	it('flags a priority whose sponsor changed this school year, not a first sponsor', () => {
		addTenure(db, 'sponsor', 'Ana Ruiz', '2021-07-01', '2024-09-30', { priorityId: 1 });
		addTenure(db, 'sponsor', 'Ben Cho', '2024-10-01', null, { priorityId: 1 });
		addTenure(db, 'sponsor', 'Cy Dee', '2024-08-01', null, { priorityId: 2 });
		const signals = sponsorChanges(db, today);
		expect(signals.map((s) => s.key)).toEqual(['sponsor-changed:1']);
		expect(signals[0].message).toContain('Ben Cho');
	});
	it('does not flag a change in an earlier year', () => {
		addTenure(db, 'sponsor', 'Ana Ruiz', '2020-07-01', '2023-09-30', { priorityId: 1 });
		addTenure(db, 'sponsor', 'Ben Cho', '2023-10-01', null, { priorityId: 1 });
		expect(sponsorChanges(db, today)).toEqual([]);
	});
});

describe('quietPriorities', () => {
	it('flags active priorities with no engagement in the window — possibly delegated downward', () => {
		db.insert(engagements)
			.values([
				{ priorityId: 1, leaderName: 'Supt.', kind: 'site visit', occurredOn: '2025-04-01' },
				{ priorityId: 2, leaderName: 'Supt.', kind: 'walkthrough', occurredOn: '2025-02-01' }
			])
			.run();
		// 2025-04-01 → 75 days; 2025-02-01 → 134 days.
		expect(quietPriorities(db, today, 90).map((s) => s.key)).toEqual(['engagement-quiet:2']);
		expect(quietPriorities(db, today, 90)[0].message).toContain('possibly delegated downward');
		expect(quietPriorities(db, today, 60).map((s) => s.key)).toEqual([
			'engagement-quiet:1',
			'engagement-quiet:2'
		]);
	});
	it('flags a priority with no engagement ever', () => {
		expect(quietPriorities(db, today, 90)).toHaveLength(2);
	});
});

describe('depthFellAfterPrincipalChange', () => {
	it('flags a school whose mean depth fell after a new principal', () => {
		addTenure(db, 'principal', 'Old', '2015-07-01', '2024-06-30', { schoolId: 1 });
		addTenure(db, 'principal', 'New', '2024-07-01', null, { schoolId: 1 });
		addTenure(db, 'principal', 'Old2', '2015-07-01', '2024-06-30', { schoolId: 2 });
		addTenure(db, 'principal', 'New2', '2024-07-01', null, { schoolId: 2 });
		addCheckIn(db, 1, 1, 2, 3); // 2023-24: 3.5
		addCheckIn(db, 1, 2, 2, 4);
		addCheckIn(db, 1, 1, 3, 2); // 2024-25: 2
		addCheckIn(db, 2, 1, 2, 2); // school 2 rose: no signal
		addCheckIn(db, 2, 1, 3, 3);
		const signals = depthFellAfterPrincipalChange(db, today);
		expect(signals.map((s) => s.key)).toEqual(['depth-fell-after-principal:1']);
		expect(signals[0].message).toContain('from 3.5 to 2.0');
	});
	it('says nothing without a principal change', () => {
		addTenure(db, 'principal', 'Only', '2015-07-01', null, { schoolId: 1 });
		addCheckIn(db, 1, 1, 2, 4);
		addCheckIn(db, 1, 1, 3, 0);
		expect(depthFellAfterPrincipalChange(db, today)).toEqual([]);
	});
});

describe('requiredStructuresNotSpread', () => {
	it('flags a required structure in its third year or later with spread under 50%', () => {
		addCheckIn(db, 1, 1, 3, 3);
		addCheckIn(db, 2, 1, 3, 2);
		addCheckIn(db, 3, 1, 3, 1);
		addCheckIn(db, 1, 3, 3, 0); // structure 3 is in its first year: not flagged
		const signals = requiredStructuresNotSpread(db, today);
		expect(signals.map((s) => s.key)).toEqual(['required-not-spread:1']);
		expect(signals[0].message).toContain('33%');
	});
	it('does not flag at 50% or with no check-ins', () => {
		expect(requiredStructuresNotSpread(db, today)).toEqual([]);
		addCheckIn(db, 1, 1, 3, 3);
		addCheckIn(db, 2, 1, 3, 2);
		expect(requiredStructuresNotSpread(db, today)).toEqual([]);
	});
});

describe('board signals', () => {
	it('include the reach and leadership sources', () => {
		const settings = db.select().from(district).get();
		if (!settings) throw new Error('no district');
		const keys = boardSignals(db, { settings, today }).map((s) => s.key);
		expect(keys).toContain('engagement-quiet:1');
	});
});
