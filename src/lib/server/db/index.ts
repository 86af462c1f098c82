import { openDatabase, type DbFile } from './open.ts';
import { queryTimingEnabled, timeStatements } from './timing.ts';

export type { Db, DbFile, Tx } from './open.ts';
export { openDatabase } from './open.ts';

let instance: DbFile | undefined;

/**
 * The server's one database connection, opened on first use from DATABASE_PATH (the server's
 * `init`, src/hooks.server.ts, makes the school years a district needs).
 */
export function db(): DbFile {
	if (!instance) {
		instance = openDatabase(process.env.DATABASE_PATH || 'data/throughline.db');
		if (queryTimingEnabled()) timeStatements(instance.$client);
	}
	return instance;
}
