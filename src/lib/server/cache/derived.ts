/**
 * Figures derived from the whole district — the coherence matrix, scale profiles, the board's
 * signals — are pure functions of the data and the date, and take tens to hundreds of milliseconds
 * for a district of 1,000 schools. Each is kept until a table it read changes: a write, by this
 * process or another (an import, the CLI), to one of them and the next reader computes afresh.
 * Callers must treat what they get as read-only: it is shared between requests.
 */
import type Database from 'better-sqlite3';
import type { Db, DbFile } from '../db/open.ts';
import { noteReads } from '../db/reads.ts';
import { today } from '../clock.ts';
import { dataState, isCurrent, madeFrom, type Moment, type Stamp } from './pages.ts';

/** Enough for every filter combination a board uses in a meeting; least recently used go first. */
const maxEntries = 64;

interface Kept {
	stamp: Stamp;
	tables: Set<string>;
	value: unknown;
}

const kept = new WeakMap<Database.Database, Map<string, Kept>>();

export function derived<T>(db: Db, key: string, compute: () => T): T {
	// Inside a write's transaction nothing is kept or reused: it reads its own uncommitted changes.
	const client = (db as Partial<DbFile>).$client;
	if (!client) return compute();
	let entries = kept.get(client);
	if (!entries) {
		entries = new Map();
		kept.set(client, entries);
	}
	const now: Moment = { data: dataState(client), day: today() };
	const entry = entries.get(key);
	entries.delete(key);
	if (entry && isCurrent(entry.stamp, now)) {
		entries.set(key, entry);
		// A page that uses the figure depends on what the figure read.
		noteReads(entry.tables);
		return entry.value as T;
	}
	const made = madeFrom(now, compute);
	const stamp = made.stamp();
	entries.set(key, {
		stamp,
		tables: new Set(stamp.tables?.map(([t]) => t) ?? []),
		value: made.value
	});
	for (const [oldest] of entries) {
		if (entries.size <= maxEntries) break;
		entries.delete(oldest);
	}
	return made.value;
}
