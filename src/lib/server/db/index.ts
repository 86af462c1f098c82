import { openDatabase, type Db } from './open.ts';

export type { Db } from './open.ts';
export { openDatabase } from './open.ts';

let instance: Db | undefined;

/** The server's one database connection, opened on first use from DATABASE_PATH. */
export function db(): Db {
	instance ??= openDatabase(process.env.DATABASE_PATH || 'data/throughline.db');
	return instance;
}
