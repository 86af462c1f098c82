import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Copies a live database with SQLite's online backup API (better-sqlite3 `db.backup()`): the copy
 * is consistent even while another connection keeps writing. Refuses to overwrite the source.
 */
export async function backupDatabase(
	source: string,
	destination: string
): Promise<{ pages: number; ms: number }> {
	if (!existsSync(source)) throw new Error(`No database at ${source}`);
	if (source === destination) throw new Error('The backup must not overwrite the database.');
	mkdirSync(dirname(destination), { recursive: true });
	rmSync(destination, { force: true });
	const started = Date.now();
	const db = new Database(source, { readonly: true, fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		// Copy in steps so the server keeps answering; if a write restarts the copy (the pages left
		// grow), take the rest in one step so that steady writes cannot keep it from finishing.
		let left = Infinity;
		const { totalPages } = await db.backup(destination, {
			progress: ({ remainingPages }) => {
				const restarted = remainingPages > left;
				left = remainingPages;
				return restarted ? 0x7fffffff : 1000;
			}
		});
		return { pages: totalPages, ms: Date.now() - started };
	} finally {
		db.close();
	}
}
