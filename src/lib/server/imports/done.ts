import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';

/** What the import page says after a file was imported: read back from the import's audit entry. */
export interface ImportDone {
	file: string;
	sha256: string;
	inserted: number;
	updated: number;
	unchanged: number;
	auditId: number;
}

/** The summary of the import recorded as audit entry `auditId`, or null when there is none. */
export function importDone(db: Db, auditId: number): ImportDone | null {
	const entry = db
		.select({ after: auditLog.after })
		.from(auditLog)
		.where(and(eq(auditLog.id, auditId), eq(auditLog.action, 'import')))
		.get();
	const a = entry?.after;
	if (!a || typeof a !== 'object') return null;
	const field = (key: string) => (a as Record<string, unknown>)[key];
	return {
		file: String(field('file') ?? ''),
		sha256: String(field('sha256') ?? ''),
		inserted: Number(field('inserted') ?? 0),
		updated: Number(field('updated') ?? 0),
		unchanged: Number(field('unchanged') ?? 0),
		auditId
	};
}
