import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { recordAudit } from './index.ts';
import { auditPageSize, auditVocabulary, historyOf, searchAudit } from './history.ts';

let db: DbFile;
afterEach(() => db?.$client.close());

describe('audit history', () => {
	it('gives one record its history, newest first', () => {
		db = testDb();
		const actor = { id: 'u1', email: 'pat@example.org' };
		recordAudit(db, actor, {
			action: 'create',
			entity: 'priority',
			entityId: 7,
			after: { name: 'A' }
		});
		recordAudit(db, actor, {
			action: 'update',
			entity: 'priority',
			entityId: 7,
			before: { name: 'A' },
			after: { name: 'B' }
		});
		recordAudit(db, actor, {
			action: 'create',
			entity: 'priority',
			entityId: 8,
			after: { name: 'C' }
		});
		const h = historyOf(db, 'priority', 7);
		expect(h.map((r) => r.action)).toEqual(['update', 'create']);
		expect(h[0].after).toEqual({ name: 'B' });
	});

	it('names the records an entry points to, as the forms show them', () => {
		db = testDb();
		db.$client
			.prepare("insert into school_year (id, label, start_year) values (3, '2022-23', 2022)")
			.run();
		recordAudit(
			db,
			{ id: 'u1', email: 'pat@example.org' },
			{
				action: 'update',
				entity: 'structure',
				entityId: 1,
				before: { startYearId: 3, name: 'Coaching' },
				after: { startYearId: 99, name: 'Coaching' }
			}
		);
		const [row] = historyOf(db, 'structure', 1);
		expect(row.before).toEqual({ startYearId: '2022-23', name: 'Coaching' });
		expect(row.after).toEqual({ startYearId: '#99, since deleted', name: 'Coaching' });
	});

	it('names the records inside a list too: the targets of a measure read their year and group', () => {
		db = testDb();
		db.$client
			.prepare("insert into school_year (id, label, start_year) values (8, '2023-24', 2023)")
			.run();
		db.$client
			.prepare("insert or replace into student_group (code, name) values ('ALL', 'All Students')")
			.run();
		recordAudit(
			db,
			{ id: 'u1', email: 'pat@example.org' },
			{
				action: 'create',
				entity: 'measure',
				entityId: 1,
				after: { name: 'ELA', targets: [{ schoolYearId: 8, value: -20, studentGroup: 'ALL' }] }
			}
		);
		const [row] = historyOf(db, 'measure', 1);
		const after = row.after as { targets: Record<string, unknown>[] };
		expect(after.targets[0].schoolYearId).toBe('2023-24');
		expect(after.targets[0].studentGroup).toBe('All Students');
		expect(after.targets[0].value).toBe(-20);
	});

	it('offers each kind once in the filter, and the kind finds all its records', () => {
		db = testDb();
		const actor = { id: 'u1', email: 'pat@example.org' };
		recordAudit(db, actor, { action: 'create', entity: 'progress_update', entityId: 1 });
		recordAudit(db, actor, { action: 'publish', entity: 'progress_update_version', entityId: 2 });
		recordAudit(db, actor, { action: 'create', entity: 'measure', entityId: 3 });
		const v = auditVocabulary(db);
		expect(v.entities).toEqual(['measure', 'progress_update']);
		const found = searchAudit(db, { entity: 'progress_update' });
		expect(found.rows.map((r) => r.entity).sort()).toEqual([
			'progress_update',
			'progress_update_version'
		]);
	});

	it('filters by person, entity, action and date, 50 a page', () => {
		db = testDb();
		for (let i = 0; i < 120; i++)
			recordAudit(
				db,
				{ id: null, email: i % 2 ? 'a@example.org' : 'b@example.org' },
				{ action: i % 3 ? 'update' : 'create', entity: i % 4 ? 'school' : 'measure', entityId: i }
			);
		const all = searchAudit(db, {}, 1);
		expect(all).toMatchObject({ total: 120, pages: 3, page: 1 });
		expect(all.rows).toHaveLength(auditPageSize);
		expect(searchAudit(db, {}, 3).rows).toHaveLength(20);
		expect(searchAudit(db, { person: 'A@' }).total).toBe(60);
		expect(searchAudit(db, { entity: 'measure', action: 'create' }).total).toBe(10);
		const today = new Date().toISOString().slice(0, 10);
		expect(searchAudit(db, { from: today, to: today }).total).toBe(120);
		expect(searchAudit(db, { to: '2000-01-01' }).total).toBe(0);
	});

	it('refuses to change or delete an entry', () => {
		db = testDb();
		recordAudit(db, { id: null, email: 'x' }, { action: 'create', entity: 'school', entityId: 1 });
		expect(() => db.$client.exec("update audit_log set action = 'delete'")).toThrow(/append-only/);
		expect(() => db.$client.exec('delete from audit_log')).toThrow(/append-only/);
	});
});
