import { openDatabase, type Db } from './db/open.ts';

/** A fresh in-memory database with every migration applied, for unit tests. */
export function testDb(): Db {
	return openDatabase(':memory:');
}
