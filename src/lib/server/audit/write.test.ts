import { describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import { recordEvent, write } from './write.ts';
import { auditLog } from '../db/schema/audit.ts';
import { priorities } from '../db/schema/priorities.ts';
import { systemActor } from './index.ts';

const actor = { id: null, email: 'staff@example.org' };
const priority = { title: 'Early literacy', slug: 'early-literacy' };

describe('write: a change and its audit entry in one transaction', () => {
	it('commits the change and the entry together, and the entry id is returned', () => {
		const db = testDb();
		const { id, entryId } = write(db, actor, ({ tx, audit }) => {
			const row = tx.insert(priorities).values(priority).returning().get();
			return {
				id: row.id,
				entryId: audit({ action: 'create', entity: 'priority', entityId: row.id, after: row })
			};
		});
		const entries = db.select().from(auditLog).all();
		expect(entries.map((e) => [e.id, e.userEmail, e.entity, e.entityId])).toEqual([
			[entryId, 'staff@example.org', 'priority', String(id)]
		]);
		expect(db.select().from(priorities).all()).toHaveLength(1);
	});

	it('rolls both back when the change throws after recording', () => {
		const db = testDb();
		expect(() =>
			write(db, actor, ({ tx, audit }) => {
				const row = tx.insert(priorities).values(priority).returning().get();
				audit({ action: 'create', entity: 'priority', entityId: row.id });
				throw new Error('refused');
			})
		).toThrow('refused');
		expect(db.select().from(priorities).all()).toEqual([]);
		expect(db.select().from(auditLog).all()).toEqual([]);
	});

	it('refuses a change that alters rows without recording them', () => {
		const db = testDb();
		expect(() =>
			write(db, actor, ({ tx }) => tx.insert(priorities).values(priority).run())
		).toThrow(/audit trail/);
		expect(db.select().from(priorities).all()).toEqual([]);
	});

	it('lets a change that finds nothing to do return without an entry', () => {
		const db = testDb();
		expect(write(db, systemActor, () => 'nothing to do')).toBe('nothing to do');
		expect(db.select().from(auditLog).all()).toEqual([]);
	});

	it('nests: a write inside a write is part of the outer transaction', () => {
		const db = testDb();
		expect(() =>
			write(db, actor, ({ tx, audit }) => {
				write(tx, actor, ({ tx: inner, audit: innerAudit }) => {
					const row = inner.insert(priorities).values(priority).returning().get();
					innerAudit({ action: 'create', entity: 'priority', entityId: row.id });
				});
				audit({ action: 'update', entity: 'priority', entityId: 1 });
				throw new Error('outer refused');
			})
		).toThrow('outer refused');
		expect(db.select().from(priorities).all()).toEqual([]);
		expect(db.select().from(auditLog).all()).toEqual([]);
	});

	it('records an event whose change is made elsewhere, and returns its id', () => {
		const db = testDb();
		const first = recordEvent(db, actor, { action: 'sign-in-failed', entity: 'session' });
		const second = recordEvent(db, actor, { action: 'sign-out', entity: 'session' });
		expect(second).toBe(first + 1);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((e) => [e.id, e.action])
		).toEqual([
			[first, 'sign-in-failed'],
			[second, 'sign-out']
		]);
	});

	it('counts the entries of a write nested in it as its own', () => {
		const db = testDb();
		const id = write(db, actor, ({ tx }) =>
			write(tx, actor, ({ tx: inner, audit }) => {
				const row = inner.insert(priorities).values(priority).returning().get();
				audit({ action: 'create', entity: 'priority', entityId: row.id });
				return row.id;
			})
		);
		expect(
			db
				.select()
				.from(priorities)
				.all()
				.map((p) => p.id)
		).toEqual([id]);
		expect(db.select().from(auditLog).all()).toHaveLength(1);
	});
});
