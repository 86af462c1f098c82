/**
 * Which of the district's tables a piece of work reads (issue 30: invalidate what changed). Every
 * statement is prepared through `client.prepare` (drizzle prepares each query as it runs it), so
 * noting the tables a statement names, while a reader is listening, tells a kept page or a derived
 * figure which tables it depends on. A name matched where it is not a table (a column of the same
 * name) only adds a table: the page is then rebuilt more often, never kept too long.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

/** The tables read so far; a nested reader's tables are also its parents'. */
export interface Reads {
	tables: Set<string>;
	parent: Reads | null;
}

const listening = new AsyncLocalStorage<Reads>();

/**
 * Runs `work` noting every table its statements name (for async work: until it settles, and after,
 * for statements its promises run later). The tables are also added to any reader around it.
 */
export function recordReads<T>(work: () => T): { value: T; tables: Set<string> } {
	const reads: Reads = { tables: new Set(), parent: listening.getStore() ?? null };
	return { value: listening.run(reads, work), tables: reads.tables };
}

/** Adds tables read earlier (a derived figure served from memory) to the readers listening now. */
export function noteReads(tables: Iterable<string>): void {
	for (let reads: Reads | null = listening.getStore() ?? null; reads; reads = reads.parent)
		for (const table of tables) reads.tables.add(table);
}

const namedIn = new WeakMap<Database.Database, (source: string) => readonly string[]>();

/** The district tables a statement names, remembered per statement text (statements repeat). */
function tableMatcher(client: Database.Database): (source: string) => readonly string[] {
	let matcher = namedIn.get(client);
	if (matcher) return matcher;
	const known = new Map<string, readonly string[]>();
	let pattern: RegExp | null = null;
	let tableCount = -1;
	matcher = (source) => {
		const seen = known.get(source);
		if (seen) return seen;
		const tables = client
			.prepare(
				"select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by length(name) desc"
			)
			.pluck()
			.all() as string[];
		if (!pattern || tables.length !== tableCount) {
			tableCount = tables.length;
			pattern = new RegExp(`(?<!\\w)(?:${tables.join('|')})(?!\\w)`, 'g');
		}
		const named = [...new Set(source.match(pattern) ?? [])];
		if (known.size > 4000) known.clear();
		known.set(source, named);
		return named;
	};
	namedIn.set(client, matcher);
	return matcher;
}

/** Makes every statement later prepared on `client` tell the readers listening which tables it names. */
export function listenForReads(client: Database.Database): void {
	const prepare = client.prepare.bind(client);
	const named = tableMatcher(client);
	let matching = false;
	client.prepare = ((source: string) => {
		// The matcher's own look at sqlite_schema is not a read of the district's data.
		if (!matching && listening.getStore()) {
			matching = true;
			try {
				noteReads(named(source));
			} finally {
				matching = false;
			}
		}
		return prepare(source);
	}) as typeof client.prepare;
}
