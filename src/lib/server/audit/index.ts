import { auditLog } from '../db/schema/audit.ts';
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
	| 'settings';

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
}

/**
 * Records one change. Call it inside the same transaction as the write, so that a change and its
 * record stand or fall together. Returns the new entry's id.
 */
export function recordAudit(db: Db, actor: Actor, entry: AuditEntry): number {
	return db
		.insert(auditLog)
		.values({
			userId: actor.id,
			userEmail: actor.email,
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId == null ? null : String(entry.entityId),
			before: entry.before ?? null,
			after: entry.after ?? null,
			note: entry.note ?? null
		})
		.returning({ id: auditLog.id })
		.get().id;
}
