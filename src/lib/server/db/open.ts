import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { BaseSQLiteDatabase, SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';
import { sealLegacyAuditRows } from './audit-chain.ts';
import { sortKey } from '../../collate.ts';
import { watchDataChanges } from './data-changes.ts';
import { listenForReads } from './reads.ts';

type Schema = typeof schema;

/** The open database file: its queries, and the better-sqlite3 connection for raw SQL. */
export type DbFile = BetterSQLite3Database<Schema> & { $client: Database.Database };

/**
 * What queries run on: the database, or a transaction open on it. Domain functions take this, so
 * the same function reads and writes inside a write's transaction (audit/write.ts) as outside it.
 */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, Schema>;

/** A transaction open on the database: what a write hands its change. */
export type Tx = SQLiteTransaction<
	'sync',
	Database.RunResult,
	Schema,
	ExtractTablesWithRelations<Schema>
>;

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
export function openDatabase(path: string, options: { migrate?: boolean } = {}): DbFile {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	// Writes are few and each one is a public record: a committed change must survive power loss.
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = FULL');
	client.pragma('foreign_keys = ON');
	// With immediate transactions (below) a writer waits its turn for up to this long, e.g. a web
	// save while a CLI import of a large file commits.
	client.pragma('busy_timeout = 15000');
	// Names sort as people read them (accents aside): ORDER BY sort_key(name), see collate.ts.
	client.function('sort_key', { deterministic: true }, (text: unknown) =>
		text === null || text === undefined ? null : sortKey(String(text))
	);
	const db = drizzle(client, { schema });
	immediateTransactions(db);
	if (options.migrate !== false) {
		migrate(db, { migrationsFolder: migrationsFolder() });
		// The audit trail is append-only, whatever code runs against the file.
		// A row is sealed into the hash chain once, when a database from before the chain is opened.
		client.exec(`
			DROP TRIGGER IF EXISTS audit_log_no_update;
			CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
			BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
			CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
			CREATE TRIGGER IF NOT EXISTS meeting_snapshot_no_update BEFORE UPDATE ON meeting_snapshot
			BEGIN SELECT RAISE(ABORT, 'a meeting''s record is kept as it was presented'); END;
			CREATE TRIGGER IF NOT EXISTS meeting_snapshot_no_delete BEFORE DELETE ON meeting_snapshot
			BEGIN SELECT RAISE(ABORT, 'a meeting''s record is kept as it was presented'); END;
			CREATE TRIGGER IF NOT EXISTS disposition_no_update BEFORE UPDATE ON disposition
			BEGIN SELECT RAISE(ABORT, 'the board''s verdict is kept as it was voted'); END;
			CREATE TRIGGER IF NOT EXISTS disposition_no_delete BEFORE DELETE ON disposition
			BEGIN SELECT RAISE(ABORT, 'the board''s verdict is kept as it was voted'); END;
			CREATE TRIGGER IF NOT EXISTS disposition_vote_no_update BEFORE UPDATE ON disposition_vote
			BEGIN SELECT RAISE(ABORT, 'the board''s vote is kept as it was cast'); END;
			CREATE TRIGGER IF NOT EXISTS disposition_vote_no_delete BEFORE DELETE ON disposition_vote
			BEGIN SELECT RAISE(ABORT, 'the board''s vote is kept as it was cast'); END;
		`);
		sealLegacyAuditRows(client);
		watchDataChanges(client);
	}
	// Kept pages and derived figures learn which tables they read (cache/, issue 30).
	listenForReads(client);
	return db;
}

/**
 * Every `db.transaction()` starts with BEGIN IMMEDIATE unless told otherwise. A deferred
 * transaction that reads first and writes later cannot wait for another process's write: when it
 * tries to upgrade, SQLite answers "database is locked" at once (the busy timeout does not apply).
 * Taking the write lock up front makes concurrent writers — the server, a CLI import — queue
 * instead. Nested calls are savepoints and keep their outer transaction's lock.
 */
function immediateTransactions(db: DbFile): void {
	const transaction = db.transaction.bind(db);
	db.transaction = ((fn, config) =>
		transaction(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
}
