import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { schoolYears } from '../db/schema/district.ts';
import { structures } from '../db/schema/structures.ts';
import { addCheckIn, addTenure, seedReachDistrict } from './fixture.ts';
import { coherenceMatrix, currentSchoolYear, scaleProfiles } from './queries.ts';

let db: DbFile;
beforeEach(() => {
	db = testDb();
	seedReachDistrict(db);
});
afterEach(() => db.$client.close());

describe('coherenceMatrix', () => {
	beforeEach(() => {
		// 2024-25
		addCheckIn(db, 1, 1, 3, 4);
		addCheckIn(db, 1, 2, 3, 3, { adaptation: 'Coaching by grade-level leads' });
		addCheckIn(db, 1, 3, 3, 1);
		addCheckIn(db, 2, 1, 3, 2);
		addCheckIn(db, 2, 2, 3, 0, { adaptation: '   ' });
		addCheckIn(db, 4, 1, 3, 4); // closed school: not shown
		addCheckIn(db, 3, 1, 2, 4); // another year: not shown
	});

	it('lays out open schools × structures in use, required first, with per-school measures', () => {
		const m = coherenceMatrix(db, { yearId: 3 });
		expect(m.structures.map((s) => s.name)).toEqual([
			'Collaboration time',
			'Math walkthroughs',
			'Literacy coaching'
		]);
		expect(m.rows.map((r) => r.school.name)).toEqual([
			'Alder Elementary',
			'Birch Middle',
			'Cedar Elementary'
		]);
		const [alder, birch, cedar] = m.rows;
		expect(alder.cells.map((c) => c?.depth)).toEqual([4, 1, 3]);
		expect(alder.coherence).toBe(1 / 2);
		expect(alder.autonomy).toBe(1);
		expect(birch.coherence).toBe(0);
		expect(birch.autonomy).toBe(0); // a blank adaptation is no adaptation
		expect(cedar.cells).toEqual([null, null, null]);
		expect(cedar.coherence).toBeNull();
		expect(m.schoolsCheckedIn).toBe(2);
		expect(m.structures[0].summary).toEqual({
			schools: 2,
			spread: 0.5,
			median: 3,
			iqr: 1,
			adaptations: 0
		});
		expect(m.structures[2].summary.adaptations).toBe(1);
	});

	it('leaves out structures not yet started, and filters by type and priority', () => {
		expect(coherenceMatrix(db, { yearId: 2 }).structures.map((s) => s.id)).toEqual([1, 2]);
		const elementary = coherenceMatrix(db, { yearId: 3, schoolType: 'elementary' });
		expect(elementary.rows.map((r) => r.school.id)).toEqual([1, 3]);
		expect(elementary.structures[0].summary.spread).toBe(1);
		const literacy = coherenceMatrix(db, { yearId: 3, priorityId: 1 });
		expect(literacy.structures.map((s) => s.id)).toEqual([1, 2]);
		expect(literacy.rows[0].coherence).toBe(1);
	});

	it('sorts by coherence with unmeasured schools last', () => {
		const asc = coherenceMatrix(db, { yearId: 3, sort: 'coherence-asc' });
		expect(asc.rows.map((r) => r.school.id)).toEqual([2, 1, 3]);
		const desc = coherenceMatrix(db, { yearId: 3, sort: 'coherence-desc' });
		expect(desc.rows.map((r) => r.school.id)).toEqual([1, 2, 3]);
	});

	it('is empty for an unknown year', () => {
		expect(coherenceMatrix(db, { yearId: 99 })).toEqual({
			structures: [],
			rows: [],
			schoolsCheckedIn: 0
		});
	});
});

describe('currentSchoolYear', () => {
	it('uses the district setting', () => {
		expect(currentSchoolYear(db, '2023-01-01')?.label).toBe('2024-25');
	});
});

describe('scaleProfiles', () => {
	it('computes each active priority over the years from its carrying structures', () => {
		// Alder: at 3+ all three years on priority 1, new principal in 2023-24.
		for (const y of [1, 2, 3]) {
			addCheckIn(db, 1, 1, y, 3);
			addCheckIn(db, 1, 2, y, 4);
		}
		// Birch: 2 then 3, site-led in 2024-25.
		addCheckIn(db, 2, 1, 2, 2);
		addCheckIn(db, 2, 1, 3, 3, { siteLed: true });
		addTenure(db, 'principal', 'P. One', '2015-07-01', '2023-06-30', { schoolId: 1 });
		addTenure(db, 'principal', 'P. Two', '2023-07-01', null, { schoolId: 1 });
		const [literacy, math] = scaleProfiles(db);
		expect(literacy.priority.slug).toBe('literacy');
		expect(literacy.structures.map((s) => s.id)).toEqual([1, 2]);
		expect(literacy.years.map((y) => y.label)).toEqual(['2022-23', '2023-24', '2024-25']);
		const y2024 = literacy.years[2];
		expect(y2024).toMatchObject({
			schools: 2,
			spread: 1,
			depth: (3.5 + 3) / 2,
			sustainability: 0.5,
			sustainedSchools: 1,
			heldThroughPrincipalChange: 1,
			ownership: 0.5
		});
		expect(literacy.years[1]).toMatchObject({ schools: 2, spread: 0.5, sustainability: 0.5 });
		expect(math.years.every((y) => y.schools === 0)).toBe(true);
	});

	it('returns nothing when no priority is chosen', () => {
		expect(scaleProfiles(db, { priorityIds: [] })).toEqual([]);
	});
});

describe('speed', () => {
	it('builds the matrix for 1,000 schools × 12 structures quickly', () => {
		const big = testDb();
		big.insert(schoolYears).values({ id: 1, label: '2024-25', startYear: 2024 }).run();
		const client = big.$client;
		big.transaction(() => {
			const school = client.prepare('insert into school (id, cds_code, name) values (?, ?, ?)');
			for (let i = 1; i <= 1000; i++) school.run(i, String(10_000_000_000_000 + i), `School ${i}`);
			for (let s = 1; s <= 12; s++) {
				big
					.insert(structures)
					.values({
						id: s,
						name: `Structure ${s}`,
						category: 'time',
						authority: s <= 6 ? 'required' : 'discretionary',
						origin: 'new'
					})
					.run();
			}
			const checkIn = client.prepare(
				'insert into check_in (school_id, structure_id, school_year_id, depth, adaptation) values (?, ?, 1, ?, ?)'
			);
			for (let i = 1; i <= 1000; i++) {
				for (let s = 1; s <= 12; s++) {
					checkIn.run(i, s, (i + s) % 5, (i * s) % 3 === 0 ? 'adapted' : null);
				}
			}
		});
		coherenceMatrix(big, { yearId: 1 }); // warm up
		const started = performance.now();
		const m = coherenceMatrix(big, { yearId: 1, sort: 'coherence-asc' });
		const ms = performance.now() - started;
		expect(m.rows).toHaveLength(1000);
		expect(m.structures).toHaveLength(12);
		console.log(`coherence matrix, 1,000 schools × 12 structures: ${ms.toFixed(1)} ms`);
		// Generous: the machine is shared; measured ≈ 100–250 ms warm under load.
		expect(ms).toBeLessThan(2000);
		big.$client.close();
	});
});
