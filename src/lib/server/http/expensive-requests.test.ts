import { describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { expensiveRequests, isExpensive, longestCountedMs } from './expensive-requests.ts';

function eventFor(path: string, address: string, signedIn = false, method = 'GET'): RequestEvent {
	return {
		url: new URL(path, 'http://localhost'),
		request: new Request(new URL(path, 'http://localhost'), { method }),
		locals: { user: signedIn ? { id: 'u1' } : null },
		getClientAddress: () => address
	} as unknown as RequestEvent;
}

/** A request whose answer is held until `finish` is called, its body streaming until then. */
function held() {
	let finish = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(new TextEncoder().encode('a,b\n'));
			finish = () => controller.close();
		}
	});
	return {
		response: new Response(body, { headers: { 'content-type': 'text/csv' } }),
		finish: () => finish()
	};
}

describe('costly requests of the public', () => {
	it('are the downloads, the API and a record’s PDF, read by GET or HEAD', () => {
		expect(isExpensive('GET', '/data/results.csv')).toBe(true);
		expect(isExpensive('HEAD', '/es/data/results.json')).toBe(true);
		expect(isExpensive('GET', '/api/v1/results')).toBe(true);
		expect(isExpensive('GET', '/api/v1')).toBe(true);
		expect(isExpensive('GET', '/meetings/12/record.pdf')).toBe(true);
		expect(isExpensive('GET', '/meetings/12')).toBe(false);
		expect(isExpensive('GET', '/priorities/early-literacy')).toBe(false);
		expect(isExpensive('POST', '/data/results.csv')).toBe(false);
	});

	it('run four different ones at a time from one address; a fifth gets 429 with Retry-After, until one is sent', async () => {
		const handle = expensiveRequests(4);
		const answers = [held(), held(), held(), held()];
		const files = ['results.csv', 'results.json', 'schools.csv', 'measures.csv'];
		const sent = await Promise.all(
			answers.map((a, i) =>
				handle({
					event: eventFor(`/data/${files[i]}`, '203.0.113.1'),
					resolve: async () => a.response
				})
			)
		);
		let resolved = 0;
		const fifth = await handle({
			event: eventFor('/api/v1/results', '203.0.113.1'),
			resolve: async () => {
				resolved++;
				return new Response('{}');
			}
		});
		expect(resolved).toBe(0);
		expect(fifth.status).toBe(429);
		expect(fifth.headers.get('retry-after')).toBe('2');
		expect(fifth.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
		expect((await fifth.json()).detail).toContain('At most 4');
		// The same address again is no new work (it shares the build in flight): not refused.
		const again = await handle({
			event: eventFor('/data/results.csv', '203.0.113.1'),
			resolve: async () => new Response('a,b\n')
		});
		expect(again.status).toBe(200);
		await again.text();

		// Another address, a signed-in person and a page that costs little are not held back.
		const other = await handle({
			event: eventFor('/data/results.csv', '203.0.113.2'),
			resolve: async () => new Response('ok')
		});
		expect(other.status).toBe(200);
		const member = await handle({
			event: eventFor('/data/results.csv', '203.0.113.1', true),
			resolve: async () => new Response('ok')
		});
		expect(member.status).toBe(200);
		const page = await handle({
			event: eventFor('/schools', '203.0.113.1'),
			resolve: async () => new Response('ok')
		});
		expect(page.status).toBe(200);

		// The first download is read to its end: a place opens.
		answers[0].finish();
		expect(await sent[0].text()).toBe('a,b\n');
		const next = await handle({
			event: eventFor('/api/v1/results', '203.0.113.1'),
			resolve: async () => new Response('{}')
		});
		expect(next.status).toBe(200);
		await next.text();
		// An abandoned download frees its place too.
		await sent[1].body!.cancel();
		const after = await handle({
			event: eventFor('/api/v1/results', '203.0.113.1'),
			resolve: async () => new Response('{}')
		});
		expect(after.status).toBe(200);
		// Two held, and `after` not yet read: one more makes four, and the next waits.
		await handle({
			event: eventFor('/data/priorities.csv', '203.0.113.1'),
			resolve: async () => held().response
		});
		const full = await handle({
			event: eventFor('/api/v1/schools', '203.0.113.1'),
			resolve: async () => new Response('{}')
		});
		expect(full.status).toBe(429);
	});

	it('count a HEAD only while it is built, and an answer dropped unread 30 s at most', async () => {
		vi.useFakeTimers();
		try {
			const handle = expensiveRequests(1);
			const head = await handle({
				event: eventFor('/data/results.csv', '203.0.113.3', false, 'HEAD'),
				resolve: async () => held().response
			});
			expect(head.status).toBe(200);
			await handle({
				event: eventFor('/data/results.json', '203.0.113.3'),
				resolve: async () => held().response
			});
			const next = () =>
				handle({
					event: eventFor('/data/schools.csv', '203.0.113.3'),
					resolve: async () => new Response('ok')
				});
			expect((await next()).status).toBe(429);
			vi.advanceTimersByTime(longestCountedMs);
			expect((await next()).status).toBe(200);
		} finally {
			vi.useRealTimers();
		}
	});
});
