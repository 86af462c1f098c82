// The plain changes of one row by its id, each recorded in the audit trail through `write`: what
// many lists' create, update and delete come down to.
import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open.ts';
import type { Parsed, Saved } from '../forms.ts';
import type { Actor } from './index.ts';
import { write } from './write.ts';

/** A table whose rows are known by a numeric `id`. */
type IdTable = SQLiteTable & { id: SQLiteColumn; $inferSelect: { id: number } };

/** Inserts one row and records it as created; returns the row as stored. */
export function insertRecorded<T extends IdTable>(
	db: Db,
	actor: Actor,
	table: T,
	entity: string,
	values: T['$inferInsert']
): T['$inferSelect'] {
	return write(db, actor, ({ tx, audit }) => {
		// Drizzle cannot see through a table it is not told: `returning()` gives the row stored.
		const row = tx.insert(table).values(values).returning().get() as T['$inferSelect'];
		audit({ action: 'create', entity, entityId: row.id, after: row });
		return row;
	});
}

/**
 * Updates one row with what `change` makes of it (which may refuse by throwing) and records the
 * row before and after, with a note if given; null when the row is already gone.
 */
export function updateRecorded<T extends IdTable>(
	db: Db,
	actor: Actor,
	table: T,
	entity: string,
	id: number,
	change: (before: T['$inferSelect']) => SQLiteUpdateSetSource<T>,
	note?: string
): T['$inferSelect'] | null {
	return write(db, actor, ({ tx, audit }) => {
		const before = tx.select().from(table).where(eq(table.id, id)).get() as
			T['$inferSelect'] | undefined;
		if (!before) return null;
		const after = tx
			.update(table)
			.set(change(before))
			.where(eq(table.id, id))
			.returning()
			.get() as T['$inferSelect'];
		audit({ action: 'update', entity, entityId: id, before, after, note });
		return after;
	});
}

/** Deletes one row and records what it was; false when it was already gone. */
export function deleteRecorded(db: Db, actor: Actor, table: IdTable, entity: string, id: number) {
	return write(db, actor, ({ tx, audit }) => {
		const before = tx.select().from(table).where(eq(table.id, id)).get();
		if (!before) return false;
		tx.delete(table).where(eq(table.id, id)).run();
		audit({ action: 'delete', entity, entityId: id, before });
		return true;
	});
}

/** A create from checked values: the new row's id, or the messages and nothing saved. */
export function saveNew<T extends IdTable>(
	db: Db,
	actor: Actor,
	table: T,
	entity: string,
	parsed: Parsed<T['$inferInsert']>
): Saved {
	if (!parsed.ok) return parsed;
	return { ok: true, id: insertRecorded(db, actor, table, entity, parsed.data).id };
}

/** An update from checked values of a row the caller found: its id, or the messages. */
export function saveChanges<T extends IdTable>(
	db: Db,
	actor: Actor,
	table: T,
	entity: string,
	id: number,
	parsed: Parsed<SQLiteUpdateSetSource<T>>
): Saved {
	if (!parsed.ok) return parsed;
	updateRecorded(db, actor, table, entity, id, () => parsed.data);
	return { ok: true, id };
}
