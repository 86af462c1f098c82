/**
 * The open data's addresses (`/api/v1/…`, `/data/…`) are read before the router sees them: a path
 * or query that is not valid percent-encoded UTF-8, holds a control character, was encoded twice,
 * or is too long gets a 400 as `application/problem+json` naming what is wrong. SvelteKit would
 * otherwise answer a malformed path with its HTML error page, and no route would run.
 */
import type { Handle } from '@sveltejs/kit';

export const maxPathLength = 2000;
export const maxQueryLength = 2000;

const dataAddress = /^(?:\/es)?\/(?:api\/v1(?:\/|$)|data\/)/;

/** Whether this path is the open data's: the API and the downloads (not the /data page itself). */
export function isDataAddress(pathname: string): boolean {
	return dataAddress.test(pathname);
}

const encoded = /%[0-9A-Fa-f]{2}/;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const control = /[\u0000-\u001f\u007f]/;

/** A piece of the address as sent, short enough to quote in a message. */
function quote(raw: string): string {
	return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

/** What is wrong with one piece of an address (a path segment, a parameter's name or value). */
function pieceProblem(raw: string): string | null {
	let text: string;
	try {
		text = decodeURIComponent(raw);
	} catch {
		return 'is not valid percent-encoded UTF-8';
	}
	if (control.test(text)) return 'holds a control character';
	// No name, code or value of the open data holds a % sign: one left after decoding means the
	// address was encoded twice (%2541 for A).
	if (encoded.test(text)) return 'is percent-encoded twice';
	return null;
}

/** The problem with an open-data address as sent (path and query still encoded), or null. */
export function addressProblem(pathname: string, search: string): string | null {
	if (pathname.length > maxPathLength)
		return `The address is too long (${pathname.length} characters; at most ${maxPathLength}).`;
	if (search.length > maxQueryLength + 1)
		return `The query is too long (${search.length - 1} characters; at most ${maxQueryLength}).`;
	for (const segment of pathname.split('/')) {
		const wrong = pieceProblem(segment);
		if (wrong) return `The path segment “${quote(segment)}” ${wrong}.`;
	}
	for (const pair of search.replace(/^\?/, '').split('&')) {
		if (!pair) continue;
		const at = pair.indexOf('=');
		const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
		const wrongName = pieceProblem(name.replaceAll('+', ' '));
		if (wrongName) return `The parameter name “${quote(name)}” ${wrongName}.`;
		const wrongValue = pieceProblem(value.replaceAll('+', ' '));
		if (wrongValue) return `The value “${quote(value)}” of “${quote(name)}” ${wrongValue}.`;
	}
	return null;
}

const titles: Record<number, string> = {
	400: 'Bad request',
	404: 'Not found',
	405: 'Method not allowed',
	429: 'Too many requests'
};

/** An RFC 9457 problem, as the API's own refusals are written (opendata/api.ts). */
export function problemResponse(
	status: number,
	detail: string,
	headers: Record<string, string> = {}
): Response {
	const title = titles[status] ?? (status >= 500 ? 'Server error' : 'Refused');
	return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
		status,
		headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers }
	});
}

/**
 * A refusal of an open-data address that is not a problem document already (the router's HTML
 * 404 for an address no route takes, a download's plain-text 400) becomes one, so that every
 * refusal there reads the same way.
 */
async function asProblem(response: Response, pathname: string): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (response.status < 400 || type.includes('application/problem+json')) return response;
	const headers: Record<string, string> = {};
	for (const name of ['retry-after', 'allow']) {
		const value = response.headers.get(name);
		if (value) headers[name] = value;
	}
	const text = type.startsWith('text/plain') ? (await response.text()).trim() : '';
	// The page replaced is not read: let go of it (a handle within counts until a body is done).
	if (!response.bodyUsed) await response.body?.cancel();
	const detail =
		text && response.status < 500
			? text
			: response.status === 404
				? `There is nothing at ${pathname}. The downloads are listed at /data, the API's routes at /api/v1/openapi.json.`
				: response.status >= 500
					? 'The server could not answer this request.'
					: `This request to ${pathname} was refused.`;
	return problemResponse(response.status, detail, headers);
}

export const dataAddresses: Handle = async ({ event, resolve }) => {
	// The URL as sent: SvelteKit keeps the path's percent-encoding in event.url.
	const { pathname, search } = event.url;
	if (!isDataAddress(pathname)) return resolve(event);
	const wrong = addressProblem(pathname, search);
	if (wrong) return problemResponse(400, wrong);
	return asProblem(await resolve(event), pathname);
};

/**
 * What node:http's server says to a request it cannot read (the request line and headers over
 * 16 KB: a 20,000-character address; a malformed request line), before any handle runs: a
 * problem document too, instead of a bare status line.
 */
export function unreadableRequestAnswer(code: string | undefined): string {
	const [status, reason, detail] =
		code === 'HPE_HEADER_OVERFLOW'
			? [431, 'Request Header Fields Too Large', 'The address and headers are over 16 KB.']
			: code === 'ERR_HTTP_REQUEST_TIMEOUT'
				? [408, 'Request Timeout', 'The request did not arrive in time.']
				: [400, 'Bad Request', 'The request could not be read as HTTP.'];
	const body = JSON.stringify({ type: 'about:blank', title: reason, status, detail });
	return (
		`HTTP/1.1 ${status} ${reason}\r\n` +
		'content-type: application/problem+json; charset=utf-8\r\n' +
		`content-length: ${Buffer.byteLength(body)}\r\n` +
		'x-content-type-options: nosniff\r\n' +
		'connection: close\r\n\r\n' +
		body
	);
}
