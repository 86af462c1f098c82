/**
 * The outermost handle: how every answer goes out. A kept public page is answered first (no
 * session lookup, no render); any other answer gets its Cache-Control, a strong ETag and a 304
 * when it is the public's, and is compressed when the client accepts it.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { isKeepable, type PageCache } from '../cache/pages.ts';
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
	streamingCompressor
} from './encoding.ts';
import { answerKept, keepPage, keptResponse } from './kept-pages.ts';

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
	if (publicAnswer && open) {
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
	if (publicAnswer && etagMatches(request.headers.get('if-none-match'), headers.get('etag')!)) {
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

/**
 * SvelteKit's door to the kept public pages, for a server started without scripts/serve.ts
 * (`node build`): the same rule and key as the front door there. A page not kept at this version
 * is rendered once, kept compressed, and answered; everything else goes through deliver().
 */
export function delivery(pages: PageCache | null, version: () => string): Handle {
	return async ({ event, resolve }) => {
		const { request } = event;
		const url = new URL(request.url);
		if (!pages || !wantsKeptPublicPage(request.method, url.pathname, request.headers.get('cookie')))
			return deliver(event, await resolve(event));
		const key = publicPageKey(url);
		const current = version();
		const answer = (page: Parameters<typeof answerKept>[0]) =>
			keptResponse(
				answerKept(
					page,
					request.headers.get('accept-encoding'),
					request.headers.get('if-none-match')
				),
				request.method
			);
		const kept = pages.get(key, current);
		if (kept) return answer(kept);
		// HEAD is answered from a kept GET only; it never renders a page to keep.
		if (request.method !== 'GET') return deliver(event, await resolve(event));
		let notKept: Response | undefined;
		let timing: string | null = null;
		const page = await pages.getOrRender(key, current, async () => {
			const response = await resolve(event);
			timing = response.headers.get('server-timing');
			if (isKeepable(response) && !event.locals.user)
				return keepPage(response, { caching: publicCaching, vary: publicPageVary });
			notKept = response;
			return null;
		});
		if (notKept) return deliver(event, notKept);
		// A request that waited on someone else's render that could not be kept renders its own.
		if (!page) return deliver(event, await resolve(event));
		const response = answer(page);
		// The render's own timing (THROUGHLINE_QUERY_TIMING) stays with the request that rendered.
		if (timing) response.headers.set('server-timing', timing);
		return response;
	};
}
