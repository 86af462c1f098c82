import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open.ts';

/**
 * Whether a row other than `exceptId` (the one being edited, if any) already matches `same`:
 * the check behind "Another … already has this name".
 */
export function takenByAnother(
	db: Db,
	table: SQLiteTable,
	id: SQLiteColumn,
	same: SQL | undefined,
	exceptId?: number
): boolean {
	const where = exceptId === undefined ? same : and(same, ne(id, exceptId));
	return db.select({ id }).from(table).where(where).get() !== undefined;
}

/** Whether a chosen id (null: none chosen) is not in its list: the row is gone or was never there. */
export function missingChoice(
	db: Db,
	table: SQLiteTable,
	id: SQLiteColumn,
	chosen: number | null
): boolean {
	return chosen !== null && db.select({ id }).from(table).where(eq(id, chosen)).get() === undefined;
}
