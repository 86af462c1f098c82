import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.ts';
import { recordAudit, type Actor, type AuditEntry } from './index.ts';
import { queueNoticesFor } from '../outbox/index.ts';

/** What a change is handed: the transaction to write through, and the audit trail to record in. */
export interface Change {
	tx: Tx;
	/** Records one entry in the change's transaction and returns the entry's id. */
	audit(entry: AuditEntry): number;
}

/**
 * The one way the product changes anything: opens a transaction, runs the change through it and
 * records what it did in the audit trail in the same transaction, so the two stand or fall
 * together. A change that alters rows but records nothing is refused and rolled back: every
 * change is audited. (One that finds nothing to do may return without either.) The notices the
 * change causes go to the outbox in the same transaction (outbox/). Called inside
 * another write, it becomes a savepoint of that write's transaction.
 */
export function write<T>(db: Db, actor: Actor, change: (c: Change) => T): T {
	return db.transaction((tx) => {
		const before = rowsChanged(tx);
		const lastEntry = newestEntry(tx);
		// The notices a change causes are queued in its transaction: they stand or fall with it.
		const audit = (entry: AuditEntry) => {
			const id = recordAudit(tx, actor, entry);
			queueNoticesFor(tx, entry);
			return id;
		};
		const result = change({ tx, audit });
		// Entries recorded by writes nested in this one count too: they share its transaction.
		if (rowsChanged(tx) !== before && newestEntry(tx) === lastEntry)
			throw new Error('A write must record what it changed in the audit trail.');
		return result;
	});
}

/**
 * Records an event whose change is made elsewhere — the sign-in library's own tables, a refused
 * attempt that changes nothing — through the same door as every write; returns the entry's id.
 */
export function recordEvent(db: Db, actor: Actor, entry: AuditEntry): number {
	return write(db, actor, ({ audit }) => audit(entry));
}

/** The id of the audit trail's newest entry (0 when it is empty). */
function newestEntry(tx: Tx): number {
	return tx.get<{ id: number | null }>(sql`select max(id) as id from audit_log`).id ?? 0;
}

/** Rows inserted, updated or deleted on this connection so far (SQLite's total_changes()). */
function rowsChanged(tx: Tx): number {
	return tx.get<{ n: number }>(sql`select total_changes() as n`).n;
}
