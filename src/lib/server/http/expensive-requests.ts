/**
 * The public's costly requests — a download, a page of the API, a meeting record's PDF — built
 * when no kept copy answers: at most a few different ones at a time from one address, so no
 * anonymous client keeps the server busy by asking for many at once. Beyond the limit the answer is 429 with
 * Retry-After, as a problem document. A request counts until its answer is sent (a download
 * streams), 30 s at most. Kept answers are sent before this handle (delivery.ts) and never count; signed-in
 * people are not limited.
 */
import type { Handle } from '@sveltejs/kit';
import { clientAddress } from '../auth/cookies.ts';
import { problemResponse } from './data-addresses.ts';

export const concurrentPerAddress = 4;
export const retryAfterSeconds = 2;

const expensive = /^(?:\/es)?\/(?:data\/|api\/v1(?:\/|$)|meetings\/[^/]+\/record\.pdf$)/;

/** Whether this path is one of the public's costly requests. */
export function isExpensive(method: string, pathname: string): boolean {
	return (method === 'GET' || method === 'HEAD') && expensive.test(pathname);
}

/** A request counts at most this long, in case its answer's body is dropped unread. */
export const longestCountedMs = 30_000;

/**
 * The answer as sent, calling `done` once when its body has gone out, failed or was abandoned, or
 * after `longestCountedMs` at the latest.
 */
function whenSent(response: Response, head: boolean, done: () => void): Response {
	let open = true;
	const finish = () => {
		if (open) done();
		open = false;
		clearTimeout(timer);
	};
	const timer = setTimeout(finish, longestCountedMs);
	timer.unref?.();
	// A HEAD's body is never sent (delivery.ts drops it): its work is done.
	if (!response.body || head) {
		finish();
		return response;
	}
	const reader = response.body.getReader();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { done: end, value } = await reader.read();
				if (end) {
					controller.close();
					finish();
				} else controller.enqueue(value);
			} catch (e) {
				finish();
				controller.error(e);
			}
		},
		cancel(reason) {
			finish();
			return reader.cancel(reason);
		}
	});
	return new Response(body, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
}

export function expensiveRequests(limit = concurrentPerAddress): Handle {
	// Per address, the addresses (path and query) it has in flight and how many requests each.
	// The same address asked again while in flight shares its one build (the page cache and the
	// downloads' single flight), so only different ones count toward the limit.
	const running = new Map<string, Map<string, number>>();
	const release = (client: string, key: string) => {
		const mine = running.get(client);
		const n = (mine?.get(key) ?? 1) - 1;
		if (n > 0) mine!.set(key, n);
		else mine?.delete(key);
		if (mine && mine.size === 0) running.delete(client);
	};
	return async ({ event, resolve }) => {
		if (event.locals.user || !isExpensive(event.request.method, event.url.pathname))
			return resolve(event);
		const client = clientAddress(event.getClientAddress);
		const key = event.url.pathname + event.url.search;
		const mine = running.get(client) ?? new Map<string, number>();
		if (!mine.has(key) && mine.size >= limit)
			return problemResponse(
				429,
				`At most ${limit} different downloads, API pages or PDFs at a time from one address: wait for one to finish.`,
				{ 'retry-after': String(retryAfterSeconds) }
			);
		mine.set(key, (mine.get(key) ?? 0) + 1);
		running.set(client, mine);
		let response: Response;
		try {
			response = await resolve(event);
		} catch (e) {
			release(client, key);
			throw e;
		}
		return whenSent(response, event.request.method === 'HEAD', () => release(client, key));
	};
}
