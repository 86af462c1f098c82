/**
 * The outermost handle: how every answer goes out. A kept public page is answered first (no
 * session lookup, no render); any other answer gets its Cache-Control, a strong ETag and a 304
 * when it is the public's, and is compressed when the client accepts it.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { isKeepable, madeFrom, type Moment, type PageCache, type Stamp } from '../cache/pages.ts';
import {
	cachingFor,
	encodedEtag,
	etagMatches,
	isPublicAnswer,
	publicCaching,
	publicPageKey,
	publicPageVary,
	strongEtag,
	wantsKeptPublicPage
} from './caching.ts';
import {
	chooseEncoding,
	isCompressible,
	minCompressBytes,
	streamingCompressor,
	type Encoding
} from './encoding.ts';
import { SharedBody, SharedBuilds, joinChunks } from '../cache/shared-build.ts';
import { answerKept, keepBody, keepEncoded, keptFor, keptResponse } from './kept-pages.ts';

/** Appends to Vary without repeating a name already there. */
function addVary(headers: Headers, names: string): void {
	const present = (headers.get('vary') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	for (const name of names.split(',').map((n) => n.trim())) {
		if (!present.some((p) => p.toLowerCase() === name.toLowerCase())) present.push(name);
	}
	headers.set('vary', present.join(', '));
}

/**
 * An answer SvelteKit made for this request, as it goes out: Cache-Control by the rules in
 * caching.ts; the public's answers with a strong ETag (304 to a matching If-None-Match);
 * HTML, JSON, CSV and CSS compressed as Accept-Encoding allows.
 */
export async function deliver(event: RequestEvent, response: Response): Promise<Response> {
	const { request } = event;
	const answer = {
		method: request.method,
		pathname: new URL(request.url).pathname,
		status: response.status,
		signedIn: !!event.locals.user,
		setsCookie: response.headers.has('set-cookie')
	};
	const caching = cachingFor(answer);
	const open = response.body !== null && response.status !== 204 && response.status !== 304;
	const compressible =
		open &&
		isCompressible(response.headers.get('content-type')) &&
		!response.headers.has('content-encoding');
	const publicAnswer = isPublicAnswer(answer);
	if (!caching && !compressible && !publicAnswer) return response;

	const headers = new Headers(response.headers);
	// A cookie-setting answer is private whatever the route said; otherwise a route's own word stands.
	if (caching && (answer.setsCookie || !headers.has('cache-control')))
		headers.set('cache-control', caching);
	if (compressible) addVary(headers, publicAnswer ? publicPageVary : 'Accept-Encoding');

	let body: BodyInit | null = response.body;
	let size = Number(response.headers.get('content-length') ?? NaN);
	// A download is not read whole for an ETag (the page cache off): it streams as it is written.
	if (publicAnswer && open && !isStreamedAnswer(answer.pathname)) {
		// The public's answer is read whole for its strong ETag (it is a page, or its data).
		const bytes = new Uint8Array(await response.arrayBuffer());
		size = bytes.byteLength;
		body = bytes;
		headers.set('etag', strongEtag(bytes, 'identity'));
	}
	const encoding =
		compressible && !(size < minCompressBytes)
			? chooseEncoding(request.headers.get('accept-encoding'))
			: 'identity';
	const etag = headers.get('etag');
	if (etag && encoding !== 'identity') headers.set('etag', encodedEtag(etag, encoding));
	const sentEtag = headers.get('etag');
	if (publicAnswer && sentEtag && etagMatches(request.headers.get('if-none-match'), sentEtag)) {
		const notModified = new Headers();
		for (const name of ['etag', 'cache-control', 'vary']) {
			const value = headers.get(name);
			if (value) notModified.set(name, value);
		}
		return new Response(null, { status: 304, headers: notModified });
	}
	if (encoding !== 'identity' && body) {
		const stream = body instanceof ReadableStream ? body : new Response(body).body!;
		body = stream.pipeThrough(streamingCompressor(encoding));
		headers.set('content-encoding', encoding);
		headers.delete('content-length');
	}
	return new Response(request.method === 'HEAD' ? null : body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

/** Pages small enough to be worth brotli 11 (~0.3 s for 150 KB), made in the background. */
const bestLevelsUpTo = 512 * 1024;

/**
 * Answers that can be large — the open data's files — are streamed as they are made rather than
 * read whole first (issue 30). An API page holds at most 1,000 rows, read by themselves: it is
 * kept like a page, so its first answer carries its ETag.
 */
export function isStreamedAnswer(pathname: string): boolean {
	return pathname.startsWith('/data/');
}

/** A streamed answer being made: its status and headers, and its body as it comes. */
interface StreamedBuild {
	status: number;
	headers: Headers;
	body: SharedBody;
}

/** What the first request's resolve gave: shared, or an answer for that request alone. */
type Streamed = { shared: StreamedBuild } | { own: { response: Response | null } };

/**
 * SvelteKit's door to the kept public pages, for a server started without scripts/serve.ts
 * (`node build`): the same rule and key as the front door there. A page not kept, or whose data
 * changed since, is rendered once, kept compressed (fast levels first, the best ones after in the background for
 * a small page), and answered; a large answer is streamed to every request that wants it while it
 * is made once; everything else goes through deliver().
 */
export function delivery(pages: PageCache | null, moment: () => Moment): Handle {
	const streams = new SharedBuilds<Promise<Streamed>>();

	/** Keeps a page in its best compression, later, if it is small and still current. */
	function refineLater(
		key: string,
		stamp: Stamp,
		identity: Uint8Array,
		from: { status: number; headers: Headers }
	) {
		if (!pages || identity.byteLength > bestLevelsUpTo) return;
		setImmediate(() => {
			keepBody(identity, from, { caching: publicCaching, vary: publicPageVary, levels: 'best' })
				.then((best) => pages.refine(key, stamp, best))
				.catch(() => {});
		});
	}

	/**
	 * The first request for a large answer at this data resolves it; its body, compressed at a
	 * fast level, is shared with every request for the same answer and encoding until it is made
	 * and kept (when it fits), after which the front door answers it whole.
	 */
	function streamed(
		event: RequestEvent,
		resolve: () => Promise<Response>,
		key: string,
		now: Moment,
		encoding: Encoding
	): Promise<Streamed> {
		return streams.join(`${now.data.version} ${now.day} ${encoding} ${key}`, () => {
			let kept: Promise<unknown> = Promise.resolve();
			const build = (async (): Promise<Streamed> => {
				const made = madeFrom(now, resolve);
				const response = await made.value;
				if (!isKeepable(response) || event.locals.user || !response.body)
					return { own: { response } };
				const headers = new Headers(response.headers);
				for (const name of ['content-length', 'etag', 'content-encoding']) headers.delete(name);
				headers.set('cache-control', publicCaching);
				headers.set('vary', publicPageVary);
				const compress = isCompressible(headers.get('content-type')) && encoding !== 'identity';
				if (compress) headers.set('content-encoding', encoding);
				// The plain bytes are kept as they pass, while they fit the cache, for its every encoding.
				const keepUpTo = pages ? pages.maxBytes / 4 : 0;
				let plain: Uint8Array[] | null = [];
				let plainBytes = 0;
				const recorded = response.body.pipeThrough(
					new TransformStream<Uint8Array, Uint8Array>({
						transform(chunk, controller) {
							plainBytes += chunk.byteLength;
							if (plain && plainBytes <= keepUpTo) plain.push(chunk);
							else plain = null;
							controller.enqueue(chunk);
						}
					})
				);
				const body = new SharedBody(
					compress
						? recorded.pipeThrough(streamingCompressor(encoding as 'br' | 'gzip', 2))
						: recorded
				);
				const from = { status: response.status, headers: response.headers };
				kept = body.finished.then(async (encoded) => {
					if (!pages) return;
					// Taken once the whole answer is written: what it read to the end.
					const stamp = made.stamp();
					if (!plain) {
						// Too large to keep plain: kept as built, beside another encoding kept so far.
						if (!compress) return;
						const mine = keepEncoded(joinChunks(encoded), encoding as 'br' | 'gzip', from, {
							caching: publicCaching,
							vary: publicPageVary
						});
						const before = pages.get(key, now);
						const both = before && {
							...mine,
							bytes: mine.bytes + before.bytes,
							variants: { ...before.variants, ...mine.variants }
						};
						pages.set(key, stamp, both && both.bytes <= pages.maxBytes / 4 ? both : mine);
						return;
					}
					const identity = joinChunks(plain);
					const page = await keepBody(identity, from, {
						caching: publicCaching,
						vary: publicPageVary,
						levels: 'fast'
					});
					pages.set(key, stamp, page);
					refineLater(key, stamp, identity, from);
				});
				return { shared: { status: response.status, headers, body } };
			})();
			// Forgotten once kept: a request meanwhile still joins this build rather than making another.
			const done = build.then(() => kept).catch(() => {});
			return { build, done };
		});
	}

	return async ({ event, resolve }) => {
		const { request } = event;
		const url = new URL(request.url);
		if (!pages || !wantsKeptPublicPage(request.method, url.pathname, request.headers.get('cookie')))
			return deliver(event, await resolve(event));
		const key = publicPageKey(url);
		const now = moment();
		const answer = (page: Parameters<typeof answerKept>[0]) =>
			keptResponse(
				answerKept(
					page,
					request.headers.get('accept-encoding'),
					request.headers.get('if-none-match')
				),
				request.method
			);
		const kept = pages.get(key, now);
		if (kept && keptFor(kept, request.headers.get('accept-encoding'))) return answer(kept);
		// HEAD is answered from a kept GET only; it never renders a page to keep.
		if (request.method !== 'GET') return deliver(event, await resolve(event));
		if (isStreamedAnswer(url.pathname)) {
			const encoding = chooseEncoding(request.headers.get('accept-encoding'));
			const made = await streamed(event, async () => resolve(event), key, now, encoding);
			if ('shared' in made)
				return new Response(made.shared.body.stream(), {
					status: made.shared.status,
					headers: new Headers(made.shared.headers)
				});
			// Not the public's to share (a refusal, a cookie): the first request answers it, the
			// others that waited make their own.
			const own = made.own.response;
			made.own.response = null;
			return deliver(event, own ?? (await resolve(event)));
		}
		let notKept: Response | undefined;
		let timing: string | null = null;
		let rendered: { identity: Uint8Array; response: Response; stamp: Stamp } | undefined;
		const page = await pages.getOrRender(key, now, async () => {
			const render = madeFrom(now, () => resolve(event));
			const response = await render.value;
			timing = response.headers.get('server-timing');
			if (isKeepable(response) && !event.locals.user) {
				const identity = new Uint8Array(await response.arrayBuffer());
				const stamp = render.stamp();
				rendered = { identity, response, stamp };
				// The first answer goes out at fast levels; the best come later (refineLater).
				const page = await keepBody(identity, response, {
					caching: publicCaching,
					vary: publicPageVary,
					levels: 'fast'
				});
				return { page, stamp };
			}
			notKept = response;
			return { page: null, stamp: render.stamp() };
		});
		if (notKept) return deliver(event, notKept);
		// A request that waited on someone else's render that could not be kept renders its own.
		if (!page) return deliver(event, await resolve(event));
		if (rendered) refineLater(key, rendered.stamp, rendered.identity, rendered.response);
		const response = answer(page);
		// The render's own timing (THROUGHLINE_QUERY_TIMING) stays with the request that rendered.
		if (timing) response.headers.set('server-timing', timing);
		return response;
	};
}
