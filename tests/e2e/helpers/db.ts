// The one way tests reach the end-to-end server's database (reports/e2e.db): to learn what to
// look for (`query`) and to check what a journey recorded (`auditFor`).
import Database from 'better-sqlite3';
import { resolve } from 'node:path';

export const e2eDatabasePath = resolve(process.env.E2E_DATABASE_PATH ?? 'reports/e2e.db');

/** The database, opened read-only: a test never changes what the server serves behind its back. */
export function e2eDb(): Database.Database {
	return new Database(e2eDatabasePath, { readonly: true, fileMustExist: true });
}

export function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = e2eDb();
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

export interface AuditEntry {
	id: number;
	at: string;
	user_email: string | null;
	action: string;
	entity: string;
	entity_id: string | null;
	before: unknown;
	after: unknown;
	note: string | null;
}

/** Audit entries for one record, oldest first, with before/after parsed. */
export function auditFor(entity: string, entityId: string | number): AuditEntry[] {
	const db = e2eDb();
	try {
		const rows = db
			.prepare('select * from audit_log where entity = ? and entity_id = ? order by id')
			.all(entity, String(entityId)) as (AuditEntry & {
			before: string | null;
			after: string | null;
		})[];
		return rows.map((r) => ({
			...r,
			before: r.before == null ? null : JSON.parse(r.before),
			after: r.after == null ? null : JSON.parse(r.after)
		}));
	} finally {
		db.close();
	}
}

/** Runs a statement against the database, read-write; for proving the trail refuses changes. */
export function tryExec(sql: string): void {
	const db = new Database(e2eDatabasePath);
	try {
		db.pragma('busy_timeout = 5000');
		db.exec(sql);
	} finally {
		db.close();
	}
}
