import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing.ts';
import type { Db } from '../db/open.ts';
import { district, schools, schoolYears } from '../db/schema/district.ts';
import { measures, measureTargets } from '../db/schema/measures.ts';
import { initiatives, initiativeSchools, priorities } from '../db/schema/priorities.ts';
import {
	policies,
	policyStructures,
	structurePriorities,
	structures
} from '../db/schema/structures.ts';
import { throughlineSignals } from './signals.ts';
import { boardSignals, signalsAbout } from '../views/signals.ts';

const TODAY = '2025-06-15'; // in school year 2024-25

/**
 * A small district whose throughline is complete: one active priority carried by one required
 * structure that a policy establishes, one measure with a 2024-25 target, one school with two
 * initiatives. No signal fires; each test then breaks one thing.
 */
function healthy(): Db {
	const db = testDb();
	db.insert(schoolYears)
		.values([
			{ id: 1, label: '2023-24', startYear: 2023 },
			{ id: 2, label: '2024-25', startYear: 2024 },
			{ id: 3, label: '2025-26', startYear: 2025 }
		])
		.run();
	db.insert(district).values({ id: 1, name: 'Test Unified', cdsCode: '01000000000000' }).run();
	db.insert(priorities).values({ id: 1, slug: 'reading', title: 'Reading by grade 3' }).run();
	db.insert(structures)
		.values({
			id: 1,
			name: 'Collaboration time',
			category: 'time',
			authority: 'required',
			origin: 'repurposed'
		})
		.run();
	db.insert(structurePriorities).values({ structureId: 1, priorityId: 1 }).run();
	db.insert(policies).values({ id: 1, number: '6000', title: 'Concepts and Roles' }).run();
	db.insert(policyStructures)
		.values({ policyId: 1, structureId: 1, relation: 'establishes' })
		.run();
	db.insert(measures)
		.values({
			id: 1,
			code: 'g3-reading',
			priorityId: 1,
			name: 'Grade 3 reading',
			unit: 'percent',
			direction: 'higher'
		})
		.run();
	db.insert(measureTargets).values({ measureId: 1, schoolYearId: 2, value: 60 }).run();
	db.insert(schools).values({ id: 1, cdsCode: '01000000000001', name: 'Oak Elementary' }).run();
	db.insert(initiatives)
		.values([
			{ id: 1, name: 'Tutoring' },
			{ id: 2, name: 'Garden' }
		])
		.run();
	db.insert(initiativeSchools)
		.values([
			{ initiativeId: 1, schoolId: 1 },
			{ initiativeId: 2, schoolId: 1 }
		])
		.run();
	return db;
}

function keys(db: Db, settings: Partial<typeof district.$inferSelect> = {}) {
	const row = db.select().from(district).get()!;
	return throughlineSignals(db, { settings: { ...row, ...settings }, today: TODAY }).map(
		(s) => s.key
	);
}

describe('throughline signals', () => {
	it('are silent for a complete throughline', () => {
		expect(keys(healthy())).toEqual([]);
	});

	it('flag more active priorities than the cap, and only then', () => {
		const db = healthy();
		expect(keys(db, { priorityCap: 1 })).not.toContain('priority-cap');
		db.insert(priorities).values({ id: 2, slug: 'math', title: 'Math' }).run();
		expect(keys(db, { priorityCap: 1 })).toContain('priority-cap');
		expect(keys(db, { priorityCap: 2 })).not.toContain('priority-cap');
		// completed priorities do not count
		db.insert(priorities).values({ id: 3, slug: 'old', title: 'Old', status: 'completed' }).run();
		expect(keys(db, { priorityCap: 2 })).not.toContain('priority-cap');
	});

	it('flag a priority carried only by site-discretion structures as influence only', () => {
		const db = healthy();
		db.update(structures).set({ authority: 'discretionary' }).run();
		const db2 = healthy();
		db2.delete(structurePriorities).run();
		expect(keys(db)).toContain('influence-only:1');
		expect(keys(db2)).toContain('influence-only:1');
		expect(keys(healthy())).not.toContain('influence-only:1');
	});

	it('ignore influence-only for retired priorities', () => {
		const db = healthy();
		db.update(priorities).set({ status: 'retired' }).run();
		db.update(structures).set({ authority: 'discretionary' }).run();
		expect(keys(db)).not.toContain('influence-only:1');
	});

	it('flag a structure that no policy establishes, funds or requires ("guides" is not enough)', () => {
		const db = healthy();
		db.update(policyStructures).set({ relation: 'guides' }).run();
		expect(keys(db)).toContain('structure-without-policy:1');
		db.update(policyStructures).set({ relation: 'funds' }).run();
		expect(keys(db)).not.toContain('structure-without-policy:1');
	});

	it('flag a policy on paper', () => {
		const db = healthy();
		db.insert(policies).values({ id: 2, number: '0460', title: 'LCAP' }).run();
		expect(keys(db)).toContain('policy-on-paper:2');
		expect(keys(db)).not.toContain('policy-on-paper:1');
	});

	it('flag a priority with no measure', () => {
		const db = healthy();
		expect(keys(db)).not.toContain('priority-without-measure:1');
		db.update(measures).set({ priorityId: null }).run();
		expect(keys(db)).toContain('priority-without-measure:1');
	});

	it('flag a measure with no target for the current school year', () => {
		const db = healthy();
		db.update(measureTargets).set({ schoolYearId: 1 }).run();
		expect(keys(db)).toContain('measure-without-target:1');
		// the district's own setting for the current year wins over the calendar
		expect(keys(db, { currentSchoolYearId: 1 })).not.toContain('measure-without-target:1');
	});

	it('flag a school running more active initiatives than the limit', () => {
		const db = healthy();
		expect(keys(db, { initiativeLimit: 2 })).not.toContain('initiative-load:1');
		expect(keys(db, { initiativeLimit: 1 })).toContain('initiative-load:1');
		db.update(initiatives).set({ active: false }).where(eqId(1)).run();
		expect(keys(db, { initiativeLimit: 1 })).not.toContain('initiative-load:1');
	});

	it('reach the board overview and the page of the item concerned', () => {
		const db = healthy();
		db.insert(policies).values({ id: 2, number: '0460', title: 'LCAP' }).run();
		const settings = db.select().from(district).get()!;
		const all = boardSignals(db, { settings, today: TODAY });
		const about = signalsAbout(all, 'policy', 2);
		expect(about).toHaveLength(1);
		expect(about[0].message).toContain('policy on paper');
		expect(about[0].href).toBe('/manage/policies/2');
	});
});

function eqId(id: number) {
	return eq(initiatives.id, id);
}
