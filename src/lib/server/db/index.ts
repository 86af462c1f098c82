import { openDatabase, type DbFile } from './open.ts';
import { ensureSchoolYears } from '../school-years/index.ts';
import { today } from '../clock.ts';
import { queryTimingEnabled, timeStatements } from './timing.ts';

export type { Db, DbFile, Tx } from './open.ts';
export { openDatabase } from './open.ts';

let instance: DbFile | undefined;

/** The server's one database connection, opened on first use from DATABASE_PATH. */
export function db(): DbFile {
	if (!instance) {
		instance = openDatabase(process.env.DATABASE_PATH || 'data/throughline.db');
		if (queryTimingEnabled()) timeStatements(instance.$client);
		// The years a district needs exist without anyone creating them.
		ensureSchoolYears(instance, today());
	}
	return instance;
}
