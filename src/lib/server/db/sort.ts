import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** ORDER BY a name as people read it: accents and case aside (collate.ts, db/open.ts). */
export function byName(column: SQLiteColumn | SQL): SQL {
	return sql`sort_key(${column})`;
}
