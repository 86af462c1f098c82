import type { DbFile } from '../db/open.ts';
import { dataContext, datasets, license } from './datasets.ts';
import { csvFile, publishedRows } from './files.ts';
import { derived } from '../cache/derived.ts';

export interface CatalogEntry {
	name: string;
	title: { en: string; es: string };
	description: { en: string; es: string };
	rows: number;
	/** The whole table as CSV, in bytes. */
	bytes: number;
}

/** The /data page: every dataset with its size, the license and the suppression size. */
export function openDataCatalog(db: DbFile) {
	const context = dataContext(db);
	const entries = derived(db, 'open data catalog', () =>
		datasets.map((d): CatalogEntry => ({
			name: d.name,
			title: d.title,
			description: d.description,
			// A large table is counted, not read whole.
			rows: d.large ? d.large.page(db, {}, 0, 0).total : publishedRows(db, d, {}).length,
			// Counted a chunk at a time: the whole results table is never one string.
			bytes: [...csvFile(db, d, {}).chunks()].reduce((n, c) => n + Buffer.byteLength(c), 0)
		}))
	);
	return { context, license, datasets: entries };
}
