import { openDatabase, type DbFile } from './db/open.ts';

/** A fresh in-memory database with every migration applied, for unit tests. */
export function testDb(): DbFile {
	return openDatabase(':memory:');
}
