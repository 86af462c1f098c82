/**
 * Figures derived from the whole district — the coherence matrix, scale profiles, the board's
 * signals — are pure functions of the data and the date, and take tens to hundreds of milliseconds
 * for a district of 1,000 schools. Each is kept until the data changes: any write, by this process
 * or another (an import, the CLI), moves the data version and the next reader computes afresh.
 * Callers must treat what they get as read-only: it is shared between requests.
 */
import type Database from 'better-sqlite3';
import type { DbFile } from '../db/open.ts';
import { today } from '../clock.ts';
import { dataVersion } from './pages.ts';

/** Enough for every filter combination a board uses in a meeting; least recently used go first. */
const maxEntries = 64;

const kept = new WeakMap<Database.Database, Map<string, { version: string; value: unknown }>>();

export function derived<T>(db: DbFile, key: string, compute: () => T): T {
	let entries = kept.get(db.$client);
	if (!entries) {
		entries = new Map();
		kept.set(db.$client, entries);
	}
	const version = `${dataVersion(db.$client)} ${today()}`;
	const entry = entries.get(key);
	entries.delete(key);
	if (entry && entry.version === version) {
		entries.set(key, entry);
		return entry.value as T;
	}
	const value = compute();
	entries.set(key, { version, value });
	for (const [oldest] of entries) {
		if (entries.size <= maxEntries) break;
		entries.delete(oldest);
	}
	return value;
}
