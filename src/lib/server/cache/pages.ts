/**
 * A cache of the public's pages. A page the public sees is a pure function of the database, the
 * URL and "today", so a rendered response can be served again until the district's data changes.
 * The data version (dataVersion) covers every change to it, whoever makes it, and nothing else.
 * Only GETs answered 200 without a cookie are stored: the public's pages for everyone, and the
 * board's reading pages (see isBoardReadingPage) for the one person who asked for them. A kept
 * public page is answered before the session is looked up, by scripts/serve.ts or the first hook
 * (src/lib/server/http/kept-pages.ts).
 */
import type Database from 'better-sqlite3';
import type { Encoding } from '../http/encoding.ts';

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
	seen: string;
	version: string;
}

const versionReaders = new WeakMap<Database.Database, VersionReader>();

/**
 * Changes whenever the district's data changes (in this process or any other), and only then: the
 * counter of migration 0011, which every change to a table of the district's data moves by
 * trigger. A sign-in, a session, the throttle's failures or an audit entry alone move no public
 * page (issue 30). The counter is read again only when SQLite says something changed at all
 * (`total_changes()`, `PRAGMA data_version`), which costs two statements a request.
 */
export function dataVersion(client: Database.Database): string {
	let reader = versionReaders.get(client);
	if (!reader) {
		const hasCounter = client
			.prepare("select 1 from sqlite_schema where type = 'table' and name = 'data_change'")
			.get();
		reader = {
			data: client.prepare('pragma data_version').pluck(),
			changes: client.prepare('select total_changes()').pluck(),
			// A database without the counter (not migrated): every change counts.
			counter: hasCounter
				? client.prepare('select version from data_change where id = 1').pluck()
				: null,
			seen: '',
			version: ''
		};
		versionReaders.set(client, reader);
	}
	const seen = `${reader.data.get()}.${reader.changes.get()}`;
	if (seen !== reader.seen) {
		reader.seen = seen;
		reader.version = reader.counter ? String(reader.counter.get()) : seen;
	}
	return reader.version;
}

/** Least recently used pages first out, within a byte budget. */
export class PageCache {
	#entries = new Map<string, { version: string; page: CachedPage }>();
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

	get(key: string, version: string): CachedPage | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		this.#delete(key);
		if (entry.version !== version) return undefined;
		this.#entries.set(key, entry);
		this.#bytes += entry.page.bytes;
		return entry.page;
	}

	set(key: string, version: string, page: CachedPage): void {
		this.#delete(key);
		if (page.bytes > this.maxBytes / 4) return;
		this.#entries.set(key, { version, page });
		this.#bytes += page.bytes;
		for (const [oldest] of this.#entries) {
			if (this.#bytes <= this.maxBytes) break;
			this.#delete(oldest);
		}
	}

	/** Replaces a page still kept at `version` (its better-compressed form); a newer one stays. */
	refine(key: string, version: string, page: CachedPage): void {
		if (this.#entries.get(key)?.version === version) this.set(key, version, page);
	}

	/**
	 * The cached page, or the one `render` makes (null: not cacheable). Requests for the same page
	 * and version that arrive while it renders wait for that one render instead of starting theirs.
	 */
	async getOrRender(
		key: string,
		version: string,
		render: () => Promise<CachedPage | null>
	): Promise<CachedPage | null> {
		const cached = this.get(key, version);
		if (cached) return cached;
		const inFlight = `${version} ${key}`;
		let pending = this.#rendering.get(inFlight);
		if (!pending) {
			pending = render().then((page) => {
				if (page) this.set(key, version, page);
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
