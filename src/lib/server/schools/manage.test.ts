import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedSmallDistrict } from '../priorities/fixture.ts';
import { addCheckIn, seedReachDistrict } from '../implementation/fixture.ts';
import { coherenceMatrix, scaleProfiles } from '../implementation/queries.ts';
import { resultsBySchool } from '../priorities/queries.ts';
import { schoolsByCds } from '../imports/lookups.ts';
import { listSchools, publicSchoolByCds } from './queries.ts';
import {
	createSchool,
	excludeSchool,
	getSchool,
	includeSchool,
	manageSchools,
	mergePlan,
	mergeSchools,
	updateSchool
} from './manage.ts';

const actor = { id: 'u1', email: 'staff@example.org' };
let db: DbFile;
afterEach(() => db.$client.close());

const audits = (action: string) =>
	db.$client
		.prepare('select entity_id as id, note from audit_log where action = ? order by id')
		.all(action) as { id: string; note: string | null }[];
const countRows = (sql: string) => db.$client.prepare(sql).pluck().get() as number;

const valid = {
	name: 'Cypress Elementary',
	cdsCode: '01234560000003',
	type: 'elementary',
	gradeSpan: 'K-5',
	status: 'open',
	openedOn: '2001-08-20',
	closedOn: ''
};

describe('adding and editing a school', () => {
	beforeEach(() => {
		db = testDb();
		seedSmallDistrict(db);
	});

	it('adds a school with an audit entry', () => {
		const saved = createSchool(db, actor, { ...valid, cdsCode: '01-23456-0000003', charter: 'on' });
		expect(saved.ok).toBe(true);
		const school = getSchool(db, (saved as { id: number }).id)!;
		expect(school).toMatchObject({
			cdsCode: '01234560000003',
			name: 'Cypress Elementary',
			type: 'elementary',
			gradeSpan: 'K-5',
			charter: true,
			status: 'open',
			openedOn: '2001-08-20',
			closedOn: null,
			excluded: false
		});
		expect(audits('create').map((a) => a.id)).toEqual([String(school.id)]);
	});

	it('refuses a CDS code of the wrong length and saves nothing', () => {
		const saved = createSchool(db, actor, { ...valid, cdsCode: '0123456000003' });
		expect(saved).toEqual({
			ok: false,
			errors: {
				cdsCode: ['A CDS code is 14 digits (county, district, school); this one has 13.']
			}
		});
		expect(countRows('select count(*) from school')).toBe(2);
		expect(countRows('select count(*) from audit_log')).toBe(0);
	});

	it('refuses a duplicate CDS code, naming the school that has it', () => {
		const saved = createSchool(db, actor, { ...valid, cdsCode: '01234560000001' });
		expect(saved).toEqual({
			ok: false,
			errors: {
				cdsCode: ['A school with CDS code 01234560000001 already exists: Alder Elementary.']
			}
		});
		// With other mistakes too, every one is said at once.
		const both = createSchool(db, actor, { ...valid, name: '', cdsCode: '01234560000001' });
		expect(both.ok).toBe(false);
		expect(Object.keys((both as { errors: object }).errors).sort()).toEqual(['cdsCode', 'name']);
		expect(countRows('select count(*) from school')).toBe(2);
	});

	it("refuses the district's own code and one of another district", () => {
		const own = createSchool(db, actor, { ...valid, cdsCode: '01234560000000' });
		expect((own as { errors: Record<string, string[]> }).errors.cdsCode[0]).toMatch(
			"the district's own code"
		);
		const other = createSchool(db, actor, { ...valid, cdsCode: '99999990000003' });
		expect((other as { errors: Record<string, string[]> }).errors.cdsCode[0]).toMatch(
			'starting 0123456'
		);
	});

	it('checks the dates against the status', () => {
		const open = createSchool(db, actor, { ...valid, closedOn: '2020-06-30' });
		expect((open as { errors: Record<string, string[]> }).errors.closedOn[0]).toMatch(
			'An open school has no closing date'
		);
		const early = createSchool(db, actor, { ...valid, status: 'closed', closedOn: '1999-06-30' });
		expect((early as { errors: Record<string, string[]> }).errors.closedOn[0]).toMatch(
			'before the opening date'
		);
		const bad = createSchool(db, actor, { ...valid, openedOn: '2001-02-30', type: 'castle' });
		expect(Object.keys((bad as { errors: object }).errors).sort()).toEqual(['openedOn', 'type']);
	});

	it('edits a school, keeping its own code, and closes it', () => {
		const saved = updateSchool(db, actor, 1, {
			...valid,
			name: 'Alder Elementary School',
			cdsCode: '01234560000001',
			status: 'closed',
			closedOn: '2024-06-30'
		});
		expect(saved).toEqual({ ok: true, id: 1 });
		expect(getSchool(db, 1)).toMatchObject({
			name: 'Alder Elementary School',
			status: 'closed',
			closedOn: '2024-06-30'
		});
		const taken = updateSchool(db, actor, 1, { ...valid, cdsCode: '01234560000002' });
		expect(taken.ok).toBe(false);
		expect(audits('update')).toHaveLength(1);
	});

	it('lists for staff by name, code, type and status, excluded ones apart, 50 a page', () => {
		expect(manageSchools(db, { q: 'birch' }).rows.map((s) => s.name)).toEqual(['Birch Middle']);
		expect(manageSchools(db, { q: '0123456 0000001' }).rows.map((s) => s.name)).toEqual([
			'Alder Elementary'
		]);
		expect(manageSchools(db, { type: 'middle' }).total).toBe(1);
		expect(manageSchools(db).rows[0]).toMatchObject({ name: 'Alder Elementary', results: 1 });
		excludeSchool(db, actor, 2, { reason: 'Independent charter' }, '2026-12-01');
		expect(manageSchools(db).total).toBe(1);
		expect(manageSchools(db, { status: 'excluded' }).rows.map((s) => s.name)).toEqual([
			'Birch Middle'
		]);
		expect(manageSchools(db, { status: 'all' }).total).toBe(2);
		for (let i = 10; i < 70; i++)
			createSchool(db, actor, { ...valid, name: `School ${i}`, cdsCode: `012345600000${i}` });
		const page2 = manageSchools(db, { page: 2 });
		expect(page2).toMatchObject({ total: 61, page: 2, pages: 2 });
		expect(page2.rows).toHaveLength(11);
		expect(manageSchools(db, { page: 9 }).page).toBe(2);
	});
});

describe('excluding a school from the district figures', () => {
	it('drops it from the public list, its page and the by-school tables, with the reason', () => {
		db = testDb();
		seedSmallDistrict(db);
		const saved = excludeSchool(db, actor, 2, { reason: '  ' }, '2026-12-01');
		expect(saved.ok).toBe(false);
		expect(
			excludeSchool(
				db,
				actor,
				2,
				{ reason: 'Authorized charter, not run by the district' },
				'2026-12-01'
			)
		).toEqual({ ok: true, id: 2 });
		expect(getSchool(db, 2)).toMatchObject({
			excluded: true,
			excludedReason: 'Authorized charter, not run by the district',
			excludedOn: '2026-12-01'
		});
		expect(listSchools(db, { status: 'all' }).map((s) => s.name)).toEqual(['Alder Elementary']);
		expect(publicSchoolByCds(db, '01234560000002')).toBeUndefined();
		expect(resultsBySchool(db, 1, 11).map((s) => s.name)).toEqual(['Alder Elementary']);
		expect(audits('exclude')).toEqual([
			{ id: '2', note: 'Authorized charter, not run by the district' }
		]);

		expect(includeSchool(db, actor, 2)).toBe(true);
		expect(getSchool(db, 2)).toMatchObject({ excluded: false, excludedReason: null });
		expect(resultsBySchool(db, 1, 11)).toHaveLength(2);
		expect(audits('include')).toHaveLength(1);
	});

	it('drops it from the coherence matrix and the scale profiles', () => {
		db = testDb();
		seedReachDistrict(db);
		addCheckIn(db, 1, 1, 3, 4);
		addCheckIn(db, 2, 1, 3, 1);
		const before = coherenceMatrix(db, { yearId: 3 });
		const scaleBefore = scaleProfiles(db, { priorityIds: [1] });
		expect(before.rows.map((r) => r.school.name)).toContain('Birch Middle');
		excludeSchool(db, actor, 2, { reason: 'Charter' }, '2026-12-01');
		const after = coherenceMatrix(db, { yearId: 3 });
		expect(after.rows.map((r) => r.school.name)).not.toContain('Birch Middle');
		expect(after.rows).toHaveLength(before.rows.length - 1);
		const newest = (p: ReturnType<typeof scaleProfiles>) => p[0].years.at(-1)!;
		expect(newest(scaleBefore)).toMatchObject({ schools: 2, spread: 0.5 });
		expect(newest(scaleProfiles(db, { priorityIds: [1] }))).toMatchObject({
			schools: 1,
			spread: 1
		});
	});
});

describe('merging two records of one school', () => {
	beforeEach(() => {
		db = testDb();
		seedSmallDistrict(db);
		// The import's record: a bare school with the code a Dashboard file used.
		db.$client.exec(`
			insert into school (id, cds_code, name) values (3, '01234560000099', 'ALDER ELEM');
			insert into result (measure_id, school_year_id, school_id, student_group, value, n)
				values (1, 1, 3, 'ALL', -44.0, 380);
			insert into enrollment (school_year_id, school_id, student_group, students) values (1, 3, 'ALL', 380);
			insert into initiative (id, name) values (1, 'Reading coaches');
			insert into initiative_school (initiative_id, school_id) values (1, 3), (1, 1);
			insert into leader_tenure (role, person_name, school_id, started_on)
				values ('principal', 'Pat Doe', 3, '2020-07-01');
		`);
	});

	it('moves everything to the kept record, deletes the other and remembers its code', () => {
		const plan = mergePlan(db, 3, 1)!;
		expect(plan.moves).toMatchObject({ results: 1, enrollment: 1, initiatives: 1, leaders: 1 });
		expect(plan.conflicts).toEqual([]);
		const merged = mergeSchools(db, actor, 3, 1);
		expect(merged.ok).toBe(true);
		expect(getSchool(db, 3)).toBeUndefined();
		expect(countRows('select count(*) from result where school_id = 1')).toBe(2);
		expect(countRows('select count(*) from enrollment where school_id = 1')).toBe(1);
		expect(countRows('select count(*) from initiative_school where school_id = 1')).toBe(1);
		expect(
			countRows(
				"select count(*) from leader_tenure where person_name = 'Pat Doe' and school_id = 1"
			)
		).toBe(1);
		// A later file with the old code reaches the kept school.
		expect(schoolsByCds(db).get('01234560000099')).toEqual({ id: 1, name: 'Alder Elementary' });
		expect(audits('merge').map((a) => a.id)).toEqual(['1', '3']);
		// The merged code cannot be given to a new school by mistake.
		const reuse = createSchool(db, actor, { ...valid, cdsCode: '01234560000099' });
		expect((reuse as { errors: Record<string, string[]> }).errors.cdsCode[0]).toMatch(
			'merged into Alder Elementary'
		);
	});

	it('refuses while both have a result for the same measure, year and group, saying which', () => {
		db.$client
			.exec(`insert into result (measure_id, school_year_id, school_id, student_group, value, n)
			values (1, 2, 3, 'ALL', -21.0, 390)`);
		const before = countRows('select count(*) from result');
		const merged = mergeSchools(db, actor, 3, 1);
		expect(merged).toEqual({
			ok: false,
			reason: expect.stringContaining('Both ALDER ELEM and Alder Elementary'),
			conflicts: ['Results: ELA distance from standard, 2023-24, ALL']
		});
		expect(getSchool(db, 3)).toBeDefined();
		expect(countRows('select count(*) from result')).toBe(before);
		expect(countRows('select count(*) from result where school_id = 3')).toBe(2);
		expect(audits('merge')).toEqual([]);
	});

	it('refuses a school merged into itself', () => {
		expect(mergeSchools(db, actor, 1, 1).ok).toBe(false);
	});
});
