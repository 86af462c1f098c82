/**
 * A cache of the public's pages. A page the public sees is a pure function of the database, the
 * URL and "today", so a rendered response can be served again until the data it read changes:
 * each kept page carries the versions of the tables its render read (db/reads.ts), and a change
 * to another table leaves it kept (issue 30).
 * Only GETs answered 200 without a cookie are stored: the public's pages for everyone, and the
 * board's reading pages (see isBoardReadingPage) for the one person who asked for them. A kept
 * public page is answered before the session is looked up, by scripts/serve.ts or the first hook
 * (src/lib/server/http/kept-pages.ts).
 */
import type Database from 'better-sqlite3';
import { recordReads } from '../db/reads.ts';

/** How a kept page's bytes are stored and sent (http/encoding.ts compresses them). */
export type Encoding = 'br' | 'gzip' | 'identity';

/** One encoding of a kept page, with the headers to send it with (src/lib/server/http/kept-pages.ts). */
export interface KeptVariant {
	etag: string;
	body: Uint8Array;
	/** Name, value, name, value…: as node:http's writeHead takes them. */
	headers: string[];
	/** The headers of a 304 for this variant. */
	notModified: string[];
}

/** A page as the cache keeps it: already compressed, each encoding with its own strong ETag. */
export interface CachedPage {
	status: number;
	/** All its variants' bytes, for the budget. */
	bytes: number;
	/** A page too large to keep plain keeps only the encoding it was built in (issue 30). */
	variants: Partial<Record<Encoding, KeptVariant>>;
}

interface VersionReader {
	data: Database.Statement;
	changes: Database.Statement;
	counter: Database.Statement | null;
	tables: Database.Statement | null;
	seen: string;
	state: DataState;
}

/** The district's data as of now: its version, and each table's own. */
export interface DataState {
	/** Moves on every change to the district's data, and only then. */
	version: string;
	/** Each table's version (migration 0015); empty on a database without them. */
	tables: ReadonlyMap<string, number>;
}

const versionReaders = new WeakMap<Database.Database, VersionReader>();

/**
 * The district's data as of now: the counter of migration 0013, which every change to a table of
 * the district's data moves by trigger, and each table's own counter (db/data-changes.ts). A
 * sign-in, a session, the throttle's failures or an audit entry alone move neither (issue 30).
 * The counters are read again only when SQLite says something changed at all (`total_changes()`,
 * `PRAGMA data_version`), which costs two statements a request.
 */
export function dataState(client: Database.Database): DataState {
	let reader = versionReaders.get(client);
	if (!reader) {
		const has = (name: string) =>
			client.prepare("select 1 from sqlite_schema where type = 'table' and name = ?").get(name);
		reader = {
			data: client.prepare('pragma data_version').pluck(),
			changes: client.prepare('select total_changes()').pluck(),
			// A database without the counter (not migrated): every change counts.
			counter: has('data_change')
				? client.prepare('select version from data_change where id = 1').pluck()
				: null,
			tables: has('table_change') ? client.prepare('select name, version from table_change') : null,
			seen: '',
			state: { version: '', tables: new Map() }
		};
		versionReaders.set(client, reader);
	}
	const seen = `${reader.data.get()}.${reader.changes.get()}`;
	if (seen !== reader.seen) {
		reader.seen = seen;
		const version = reader.counter ? String(reader.counter.get()) : seen;
		if (version !== reader.state.version) {
			const rows = (reader.tables?.all() ?? []) as { name: string; version: number }[];
			// A new object, never changed: a render holds the state it started from.
			reader.state = { version, tables: new Map(rows.map((r) => [r.name, r.version])) };
		}
	}
	return reader.state;
}

/** Changes whenever the district's data changes (in this process or any other), and only then. */
export function dataVersion(client: Database.Database): string {
	return dataState(client).version;
}

/** The data and the day a page or figure is made at: what it may depend on. */
export interface Moment {
	data: DataState;
	day: string;
}

/**
 * What a kept page or figure was made from: the day and the versions of the tables it read. Made
 * from the moment its work started, so a change during the work makes it stale at once. Work that
 * read none of the district's tables (or a database without table versions) depends on the whole.
 */
export interface Stamp {
	day: string;
	version: string;
	tables: readonly (readonly [string, number])[] | null;
}

export function stampOf(started: Moment, read: Iterable<string>): Stamp {
	const tables: [string, number][] = [];
	for (const table of read) {
		const version = started.data.tables.get(table);
		if (version !== undefined) tables.push([table, version]);
	}
	return {
		day: started.day,
		version: started.data.version,
		tables: tables.length > 0 ? tables : null
	};
}

/** Whether nothing the stamp depends on has changed since. */
export function isCurrent(stamp: Stamp, now: Moment): boolean {
	if (stamp.day !== now.day) return false;
	if (stamp.version === now.data.version) return true;
	if (!stamp.tables) return false;
	for (const [table, version] of stamp.tables)
		if (now.data.tables.get(table) !== version) return false;
	return true;
}

/**
 * Runs `work` at `started`, noting what it reads; its stamp is taken when asked, so an answer
 * still being written (a download) counts what it reads to the end.
 */
export function madeFrom<T>(started: Moment, work: () => T): { value: T; stamp: () => Stamp } {
	const { value, tables } = recordReads(work);
	return { value, stamp: () => stampOf(started, tables) };
}

/** A page as rendered, and what it was made from. */
export interface Rendered {
	page: CachedPage | null;
	stamp: Stamp;
}

/** Least recently used pages first out, within a byte budget. */
export class PageCache {
	#entries = new Map<string, { stamp: Stamp; page: CachedPage }>();
	#bytes = 0;
	#rendering = new Map<string, Promise<CachedPage | null>>();
	readonly maxBytes: number;

	constructor(maxBytes: number) {
		this.maxBytes = maxBytes;
	}

	get bytes(): number {
		return this.#bytes;
	}

	get size(): number {
		return this.#entries.size;
	}

	get(key: string, now: Moment): CachedPage | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		this.#delete(key);
		if (!isCurrent(entry.stamp, now)) return undefined;
		this.#entries.set(key, entry);
		this.#bytes += entry.page.bytes;
		return entry.page;
	}

	/** The stamp of the page kept at `key`, current or not. */
	stampOf(key: string): Stamp | undefined {
		return this.#entries.get(key)?.stamp;
	}

	set(key: string, stamp: Stamp, page: CachedPage): void {
		this.#delete(key);
		if (page.bytes > this.maxBytes / 4) return;
		this.#entries.set(key, { stamp, page });
		this.#bytes += page.bytes;
		for (const [oldest] of this.#entries) {
			if (this.#bytes <= this.maxBytes) break;
			this.#delete(oldest);
		}
	}

	/** Replaces a page still kept from the same render (its better-compressed form); a newer one stays. */
	refine(key: string, stamp: Stamp, page: CachedPage): void {
		if (this.#entries.get(key)?.stamp === stamp) this.set(key, stamp, page);
	}

	/**
	 * The kept page, or the one `render` makes (null: not keepable). Requests for the same page
	 * that arrive while it renders, at the same data, wait for that one render instead of starting
	 * theirs.
	 */
	async getOrRender(
		key: string,
		now: Moment,
		render: () => Promise<Rendered>
	): Promise<CachedPage | null> {
		const kept = this.get(key, now);
		if (kept) return kept;
		const inFlight = `${now.data.version} ${now.day} ${key}`;
		let pending = this.#rendering.get(inFlight);
		if (!pending) {
			pending = render().then(({ page, stamp }) => {
				if (page) this.set(key, stamp, page);
				return page;
			});
			this.#rendering.set(inFlight, pending);
			pending.then(
				() => this.#rendering.delete(inFlight),
				() => this.#rendering.delete(inFlight)
			);
		}
		return pending;
	}

	#delete(key: string): void {
		const entry = this.#entries.get(key);
		if (!entry) return;
		this.#bytes -= entry.page.bytes;
		this.#entries.delete(key);
	}
}

/** Only 200s that set no cookie are kept. */
export function isKeepable(response: Response): boolean {
	return response.status === 200 && !response.headers.has('set-cookie');
}

/**
 * Pages the public reads: the summary, priorities, schools, meetings on record, accountability and the accessibility statement, in
 * English and Spanish (and their `__data.json`).
 */
export function isPublicPage(pathname: string): boolean {
	const path = pathname.startsWith('/es/')
		? pathname.slice(3)
		: pathname === '/es'
			? '/'
			: pathname;
	return (
		path === '/' ||
		path === '/__data.json' ||
		path === '/schools' ||
		path.startsWith('/schools/') ||
		path === '/meetings' ||
		path.startsWith('/meetings/') ||
		path.startsWith('/priorities/') ||
		path === '/accessibility' ||
		path === '/accountability' ||
		path === '/lcap' ||
		path === '/board-members' ||
		// The open data (issue 19): its page, files, catalog, measure definitions and the API.
		path === '/data' ||
		path.startsWith('/data/') ||
		path === '/data.json' ||
		path.startsWith('/measures/') ||
		path === '/api/v1' ||
		path.startsWith('/api/v1/')
	);
}

/**
 * Pages a board member reads in a meeting — the overview, coherence matrix, scale, slides — are a
 * function of the data, the date and who reads them. They are kept per person (the key carries
 * the user's id and role), so a reload or a second look during the meeting costs nothing.
 */
export function isBoardReadingPage(pathname: string): boolean {
	return (
		pathname === '/board' || pathname.startsWith('/board/') || pathname.startsWith('/present/')
	);
}
