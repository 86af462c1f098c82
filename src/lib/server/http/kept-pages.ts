/**
 * Kept pages as they go out: each stored once per data version in every encoding, with its
 * headers (CSP, language, ETag, caching) already built, so answering one is a lookup and a write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedPage, KeptVariant, Moment, PageCache } from '../cache/pages.ts';
import { etagMatches, publicPageKey, strongEtag, wantsKeptPublicPage } from './caching.ts';
import {
	chooseEncoding,
	compressForKeeping,
	isCompressible,
	minCompressBytes,
	type Encoding,
	type Levels
} from './encoding.ts';
import type { FrontDoor } from './front-door.ts';

/** Headers a kept page does not keep: remade per variant, or true of one request only. */
const remade = new Set([
	'content-length',
	'content-encoding',
	'etag',
	'vary',
	'cache-control',
	'server-timing',
	'date',
	'connection',
	'keep-alive',
	'transfer-encoding'
]);

/** Headers a 304 repeats (RFC 9110 §15.4.5), besides the ETag. */
const keptOn304 = new Set(['cache-control', 'vary', 'content-location', 'expires']);

const encodings: Encoding[] = ['identity', 'gzip', 'br'];

/**
 * A rendered response, kept: read, compressed (HTML, JSON, CSV, CSS of 1 KB or more), each
 * encoding with its strong ETag, `caching` as its Cache-Control (null: left to the headers
 * around it) and `vary` as its Vary.
 */
export async function keepPage(
	response: Response,
	options: { caching: string | null; vary: string; levels?: Levels }
): Promise<CachedPage> {
	return keepBody(new Uint8Array(await response.arrayBuffer()), response, options);
}

/** The same, for a body already read whole (`response` gives its status and headers). */
export async function keepBody(
	identity: Uint8Array,
	response: { status: number; headers: Headers },
	options: { caching: string | null; vary: string; levels?: Levels }
): Promise<CachedPage> {
	const common: string[] = [];
	for (const [name, value] of response.headers) {
		if (!remade.has(name)) common.push(name, value);
	}
	const compress =
		isCompressible(response.headers.get('content-type')) && identity.byteLength >= minCompressBytes;
	const bodies = compress
		? await compressForKeeping(identity, options.levels)
		: { identity, gzip: identity, br: identity };
	const variants = {} as Record<Encoding, KeptVariant>;
	let bytes = 0;
	for (const encoding of encodings) {
		const body = bodies[encoding];
		const encoded = compress && encoding !== 'identity';
		if (encoding === 'identity' || encoded) bytes += body.byteLength;
		const etag = strongEtag(identity, encoded ? encoding : 'identity');
		const headers = [...common, 'etag', etag];
		headers.push('vary', options.vary);
		if (options.caching) headers.push('cache-control', options.caching);
		const notModified = [];
		for (let i = 0; i < headers.length; i += 2) {
			if (headers[i] === 'etag' || keptOn304.has(headers[i]))
				notModified.push(headers[i], headers[i + 1]);
		}
		if (encoded) headers.push('content-encoding', encoding);
		headers.push('content-length', String(body.byteLength));
		variants[encoding] = { etag, body, headers, notModified };
	}
	return { status: response.status, bytes, variants };
}

export interface KeptAnswer {
	status: number;
	headers: string[];
	/** null for a 304. */
	body: Uint8Array | null;
}

/** Whether the page is kept in the encoding the request accepts. */
export function keptFor(page: CachedPage, acceptEncoding: string | null | undefined): boolean {
	return page.variants[chooseEncoding(acceptEncoding)] !== undefined;
}

/**
 * A large answer kept as it was built, in its one encoding only (its plain bytes did not fit):
 * its ETag is that of the encoded bytes.
 */
export function keepEncoded(
	body: Uint8Array,
	encoding: 'br' | 'gzip',
	response: { status: number; headers: Headers },
	options: { caching: string | null; vary: string }
): CachedPage {
	const common: string[] = [];
	for (const [name, value] of response.headers) {
		if (!remade.has(name)) common.push(name, value);
	}
	const etag = strongEtag(body, encoding);
	const headers = [...common, 'etag', etag, 'vary', options.vary];
	if (options.caching) headers.push('cache-control', options.caching);
	const notModified = ['etag', etag, 'vary', options.vary];
	if (options.caching) notModified.push('cache-control', options.caching);
	headers.push('content-encoding', encoding, 'content-length', String(body.byteLength));
	return {
		status: response.status,
		bytes: body.byteLength,
		variants: { [encoding]: { etag, body, headers, notModified } }
	};
}

/** What to send for a kept page: the variant the request accepts (keptFor), or 304 if it already has it. */
export function answerKept(
	page: CachedPage,
	acceptEncoding: string | null | undefined,
	ifNoneMatch: string | null | undefined
): KeptAnswer {
	const variant = page.variants[chooseEncoding(acceptEncoding)];
	if (!variant) throw new Error('This page is not kept in that encoding: ask keptFor first.');
	if (etagMatches(ifNoneMatch, variant.etag))
		return { status: 304, headers: variant.notModified, body: null };
	return { status: page.status, headers: variant.headers, body: variant.body };
}

/** A kept answer as a Response, for SvelteKit's door. */
export function keptResponse(answer: KeptAnswer, method: string): Response {
	const headers = new Headers();
	for (let i = 0; i < answer.headers.length; i += 2)
		headers.append(answer.headers[i], answer.headers[i + 1]);
	const body = method === 'HEAD' || !answer.body ? null : (answer.body as Uint8Array<ArrayBuffer>);
	return new Response(body, { status: answer.status, headers });
}

/**
 * The front door (scripts/serve.ts): a kept public page answered straight from node:http, before
 * SvelteKit builds a Request, looks up a session or runs a hook. The rule is the one SvelteKit's
 * door applies (wantsKeptPublicPage, publicPageKey); anything else — or a page whose data changed
 * since it was kept — goes on to SvelteKit, which renders and keeps it.
 */
export function keptPagesFrontDoor(pages: PageCache, moment: () => Moment): FrontDoor {
	return (req: IncomingMessage, res: ServerResponse) => {
		const method = req.method ?? 'GET';
		const raw = req.url ?? '/';
		if (method !== 'GET' && method !== 'HEAD') return false;
		// node:http hands on the path as sent; the URL parser resolves dot segments as SvelteKit does.
		const url = new URL(raw, 'http://front-door');
		if (!wantsKeptPublicPage(method, url.pathname, req.headers.cookie)) return false;
		const page = pages.get(publicPageKey(url), moment());
		if (!page || !keptFor(page, req.headers['accept-encoding'])) return false;
		const answer = answerKept(page, req.headers['accept-encoding'], req.headers['if-none-match']);
		res.writeHead(answer.status, answer.headers);
		// node:http sends no body for HEAD, whatever is passed here.
		res.end(answer.body ?? undefined);
		return true;
	};
}
