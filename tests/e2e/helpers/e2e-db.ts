import Database from 'better-sqlite3';

/** The end-to-end server's database, opened read-only so tests can learn what to look for. */
export function e2eDb(): Database.Database {
	return new Database(process.env.E2E_DATABASE_PATH ?? 'reports/e2e.db', {
		readonly: true,
		fileMustExist: true
	});
}

export function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = e2eDb();
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}
