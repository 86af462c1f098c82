/**
 * A cache of the public's pages. A page the public sees is a pure function of the database, the
 * URL and "today", so a rendered response can be served again until the database changes. The
 * data version covers every write, whoever makes it: `total_changes()` counts this connection's
 * changes and `PRAGMA data_version` moves when another connection (an import or admin CLI) commits.
 * Only GETs answered 200 without a cookie are stored: the public's pages for everyone, and the
 * board's reading pages (see isBoardReadingPage) for the one person who asked for them.
 */
import type Database from 'better-sqlite3';

export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
}

const versionStatements = new WeakMap<
	Database.Database,
	{ data: Database.Statement; changes: Database.Statement }
>();

/** Changes whenever anything in the database changes (in this process or any other). */
export function dataVersion(client: Database.Database): string {
	let statements = versionStatements.get(client);
	if (!statements) {
		statements = {
			data: client.prepare('pragma data_version').pluck(),
			changes: client.prepare('select total_changes()').pluck()
		};
		versionStatements.set(client, statements);
	}
	return `${statements.data.get()}.${statements.changes.get()}`;
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
		this.#bytes += entry.page.body.byteLength;
		return entry.page;
	}

	set(key: string, version: string, page: CachedPage): void {
		this.#delete(key);
		if (page.body.byteLength > this.maxBytes / 4) return;
		this.#entries.set(key, { version, page });
		this.#bytes += page.body.byteLength;
		for (const [oldest] of this.#entries) {
			if (this.#bytes <= this.maxBytes) break;
			this.#delete(oldest);
		}
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
		this.#bytes -= entry.page.body.byteLength;
		this.#entries.delete(key);
	}
}

/** Only 200s that set no cookie are kept. */
export function isKeepable(response: Response): boolean {
	return response.status === 200 && !response.headers.has('set-cookie');
}

/** A response as the cache keeps it (this reads its body). */
export async function toCachedPage(response: Response): Promise<CachedPage> {
	return {
		status: response.status,
		headers: [...response.headers],
		body: new Uint8Array(await response.arrayBuffer())
	};
}

/** A fresh Response for a cached page; 304 when the browser already holds it. */
export function fromCachedPage(page: CachedPage, request: Request): Response {
	const headers = new Headers(page.headers);
	const etag = headers.get('etag');
	if (etag && request.headers.get('if-none-match') === etag) {
		headers.delete('content-length');
		return new Response(null, { status: 304, headers });
	}
	return new Response(page.body, { status: page.status, headers });
}

/** Pages the public reads: the summary, priorities, schools and meetings on record, in English and Spanish. */
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
		path.startsWith('/priorities/')
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
