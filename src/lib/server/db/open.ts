import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The `drizzle/` folder of the project, found by walking up from this module: the same code runs
 * from `src/` (tests, scripts) and from `build/` (production), and the cwd may be anywhere.
 */
export function migrationsFolder(): string {
	if (process.env.MIGRATIONS_PATH) return resolve(process.env.MIGRATIONS_PATH);
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = join(dir, 'drizzle');
		if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	const fromCwd = resolve('drizzle');
	if (existsSync(join(fromCwd, 'meta', '_journal.json'))) return fromCwd;
	throw new Error('Cannot find the drizzle/ migrations folder; set MIGRATIONS_PATH.');
}

/** Opens (creating if needed) a database file, sets the pragmas we rely on, and migrates it. */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	// Writes are few and each one is a public record: a committed change must survive power loss.
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = FULL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema });
	if (options.migrate !== false) {
		migrate(db, { migrationsFolder: migrationsFolder() });
		// The audit trail is append-only, whatever code runs against the file.
		client.exec(`
			CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
			CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
		`);
	}
	return db;
}
