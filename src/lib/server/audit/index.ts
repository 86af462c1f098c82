import { desc } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { auditRowHash, type ChainedRow } from '../db/audit-chain.ts';
import type { Db } from '../db/open.ts';

export type AuditAction =
	| 'create'
	| 'update'
	| 'delete'
	| 'publish'
	| 'share'
	| 'import'
	| 'sign-in'
	| 'sign-out'
	| 'sign-in-failed'
	| 'role-change'
	| 'deactivate'
	| 'reactivate'
	| 'password-reset'
	| 'password-change'
	| 'settings'
	| 'logo'
	| 'logo-removed'
	| 'freeze'
	| 'hold'
	| 'two-factor-enrol'
	| 'two-factor-disable'
	| 'two-factor-reset'
	| 'two-factor-failed'
	| 'recovery-code-used'
	| 'recovery-codes-new'
	| 'exclude'
	| 'include'
	| 'merge'
	| 'notify'
	| 'notify-failed'
	| 'notice-choices'
	| 'unsubscribe';

/** Who acted: a signed-in user, or the system (a CLI import, the demo seed). */
export interface Actor {
	id: string | null;
	email: string | null;
}

export const systemActor: Actor = { id: null, email: 'system' };

export interface AuditEntry {
	action: AuditAction;
	entity: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
	note?: string | null;
	/** When it happened, if not now: the demo seed writes with its frozen clock. */
	at?: string;
}

/**
 * Records one change and returns its id. Call it inside the same transaction as the write, so
 * that a change and its record stand or fall together. Each entry is chained to the one before it
 * (chain.ts); the transaction is immediate, so two processes appending at once take turns.
 */
export function recordAudit(db: Db, actor: Actor, entry: AuditEntry): number {
	return db.transaction((tx) => {
		const last = tx
			.select({ id: auditLog.id, hash: auditLog.hash })
			.from(auditLog)
			.orderBy(desc(auditLog.id))
			.limit(1)
			.get();
		const row: ChainedRow = {
			id: (last?.id ?? 0) + 1,
			at: entry.at ?? new Date().toISOString(),
			userId: actor.id,
			userEmail: actor.email,
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId == null ? null : String(entry.entityId),
			// As drizzle's JSON columns store them, so the hash covers the stored text.
			before: entry.before == null ? null : JSON.stringify(entry.before),
			after: entry.after == null ? null : JSON.stringify(entry.after),
			note: entry.note ?? null
		};
		const prevHash = last?.hash ?? null;
		tx.insert(auditLog)
			.values({
				...row,
				before: entry.before ?? null,
				after: entry.after ?? null,
				prevHash,
				hash: auditRowHash(row, prevHash)
			})
			.run();
		return row.id;
	});
}
