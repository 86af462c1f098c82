// `npm run backup -- OUT.db`: a consistent copy of the database at DATABASE_PATH, taken with SQLite's
// online backup while the server keeps running and writing.
import { resolve } from 'node:path';
import { backupDatabase } from '../src/lib/server/exports/backup.ts';

const out = process.argv[2];
if (!out) {
	console.error('usage: npm run backup -- OUT.db');
	process.exit(2);
}
const source = resolve(process.env.DATABASE_PATH || 'data/throughline.db');
try {
	const { pages, ms } = await backupDatabase(source, resolve(out));
	console.log(`Backed up ${source} to ${resolve(out)}: ${pages} pages in ${ms} ms`);
} catch (e) {
	console.error(`Backup failed: ${(e as Error).message}`);
	process.exit(1);
}
