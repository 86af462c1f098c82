import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deLocalizeUrl } from '$lib/paraglide/runtime';
import { PageCache, dataState, type Moment } from '../cache/pages.ts';
import { schools } from '../db/schema/index.ts';
import { testDb } from '../testing.ts';
import {
	cachingFor,
	etagMatches,
	isSignInCookie,
	privateCaching,
	publicCaching,
	publicPageKey,
	publicPageVary,
	sameForEveryone,
	wantsKeptPublicPage
} from './caching.ts';
import { deliver, delivery } from './delivery.ts';
import { chooseEncoding, isCompressible } from './encoding.ts';
import { answerKept, keepPage, keptPagesFrontDoor } from './kept-pages.ts';

/** A moment at a data version, with no table versions: every page depends on the whole. */
const at = (version: string): Moment => ({
	data: { version, tables: new Map() },
	day: '2026-12-07'
});

const site = 'https://board.example.org';
const html = `<!doctype html><html lang="en"><body>${'<p>Early literacy reaches 41 of 52 schools.</p>'.repeat(200)}</body></html>`;
const browser = 'gzip, deflate, br, zstd';

const page = (headers: Record<string, string> = {}) =>
	new Response(html, {
		headers: {
			'content-type': 'text/html',
			'content-security-policy': "default-src 'self'",
			etag: '"kit"',
			...headers
		}
	});

function event(path: string, headers: Record<string, string> = {}, user: unknown = null) {
	return {
		request: new Request(`${site}${path}`, { headers }),
		url: new URL(`${site}${path}`),
		locals: { user }
	} as unknown as RequestEvent;
}

const decode = (encoding: string | null, bytes: Uint8Array) =>
	new TextDecoder().decode(
		encoding === 'br'
			? brotliDecompressSync(bytes)
			: encoding === 'gzip'
				? gunzipSync(bytes)
				: bytes
	);

describe('compression choice', () => {
	it('prefers brotli, then gzip, by q-value, and sends identity when nothing else is accepted', () => {
		expect(chooseEncoding(browser)).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0.5, gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0')).toBe('identity');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('deflate')).toBe('identity');
		expect(chooseEncoding(undefined)).toBe('identity');
	});
	it('compresses HTML, JSON, CSV and CSS only', () => {
		for (const type of [
			'text/html',
			'text/html; charset=utf-8',
			'application/json',
			'text/csv; charset=utf-8',
			'text/css'
		])
			expect(isCompressible(type), type).toBe(true);
		for (const type of ['image/png', 'application/zip', 'application/octet-stream', null])
			expect(isCompressible(type), String(type)).toBe(false);
	});
});

describe('caching rules', () => {
	const answer = (over: Partial<Parameters<typeof cachingFor>[0]> = {}) => ({
		method: 'GET',
		pathname: '/',
		status: 200,
		signedIn: false,
		setsCookie: false,
		...over
	});
	it('public for the public’s pages, private for a signed-in person or a cookie', () => {
		expect(cachingFor(answer())).toBe(publicCaching);
		expect(cachingFor(answer({ pathname: '/es/priorities/x' }))).toBe(publicCaching);
		expect(cachingFor(answer({ signedIn: true }))).toBe(privateCaching);
		expect(cachingFor(answer({ signedIn: true, pathname: '/board' }))).toBe(privateCaching);
		expect(cachingFor(answer({ setsCookie: true }))).toBe(privateCaching);
		expect(cachingFor(answer({ pathname: '/login' }))).toBeNull();
		expect(cachingFor(answer({ status: 404 }))).toBeNull();
		expect(cachingFor(answer({ method: 'POST' }))).toBeNull();
	});
	it('serves the kept page first only to requests with no sign-in or Spanish-choice cookie', () => {
		expect(sameForEveryone('/', undefined)).toBe(true);
		expect(sameForEveryone('/', 'other=1; PARAGLIDE_LOCALE=en')).toBe(true);
		expect(sameForEveryone('/', 'throughline.session_token=abc')).toBe(false);
		expect(sameForEveryone('/', 'x=1; __Secure-throughline.session_token=abc')).toBe(false);
		expect(sameForEveryone('/schools', 'PARAGLIDE_LOCALE=es')).toBe(false);
		expect(sameForEveryone('/es/schools', 'PARAGLIDE_LOCALE=es')).toBe(true);
		expect(isSignInCookie('throughline.two_factor')).toBe(true);
		expect(isSignInCookie('throughlinex')).toBe(false);
		expect(wantsKeptPublicPage('GET', '/priorities/x', undefined)).toBe(true);
		expect(wantsKeptPublicPage('HEAD', '/schools/1', undefined)).toBe(true);
		expect(wantsKeptPublicPage('POST', '/', undefined)).toBe(false);
		expect(wantsKeptPublicPage('GET', '/board', undefined)).toBe(false);
		expect(wantsKeptPublicPage('GET', '/login', undefined)).toBe(false);
	});
	it('keys a page as Paraglide hands it to the routes: language, then the English path', () => {
		for (const path of ['/', '/es', '/es/schools?type=high', '/priorities/x', '/es/__data.json']) {
			const url = new URL(`${site}${path}`);
			const english = deLocalizeUrl(url);
			const spanish = path === '/es' || path.startsWith('/es/');
			expect(publicPageKey(url), path).toBe(
				`public ${spanish ? 'es' : 'en'} ${english.pathname}${english.search}`
			);
		}
	});
	it('compares If-None-Match weakly, with lists and *', () => {
		expect(etagMatches('"a"', '"a"')).toBe(true);
		expect(etagMatches('W/"a"', '"a"')).toBe(true);
		expect(etagMatches('"b", "a"', '"a"')).toBe(true);
		expect(etagMatches('*', '"a"')).toBe(true);
		expect(etagMatches('"b"', '"a"')).toBe(false);
		expect(etagMatches(null, '"a"')).toBe(false);
	});
});

describe('kept pages', () => {
	it('are stored in every encoding, each decoding to the same page with its own strong ETag', async () => {
		const kept = await keepPage(page(), { caching: publicCaching, vary: publicPageVary });
		const tags = new Set<string>();
		for (const accept of [browser, 'gzip', undefined]) {
			const answer = answerKept(kept, accept, null);
			const headers = new Map<string, string>();
			for (let i = 0; i < answer.headers.length; i += 2)
				headers.set(answer.headers[i], answer.headers[i + 1]);
			expect(decode(headers.get('content-encoding') ?? null, answer.body!)).toBe(html);
			expect(headers.get('content-length')).toBe(String(answer.body!.byteLength));
			expect(headers.get('cache-control')).toBe(publicCaching);
			expect(headers.get('vary')).toBe('Accept-Encoding, Cookie');
			expect(headers.get('content-security-policy')).toBe("default-src 'self'");
			expect(headers.get('etag')).toMatch(/^"[\w-]+"$/);
			tags.add(headers.get('etag')!);
		}
		expect(tags.size).toBe(3);
		expect(answerKept(kept, browser, null).body!.byteLength).toBeLessThan(html.length / 10);
	});
	it('answer 304 to the ETag they would send', async () => {
		const kept = await keepPage(page(), { caching: publicCaching, vary: publicPageVary });
		const etag = kept.variants.br!.etag;
		const fresh = answerKept(kept, browser, etag);
		expect(fresh.status).toBe(304);
		expect(fresh.body).toBeNull();
		expect(fresh.headers).toEqual([
			'etag',
			etag,
			'vary',
			publicPageVary,
			'cache-control',
			publicCaching
		]);
		expect(answerKept(kept, 'gzip', etag).status).toBe(200);
	});
});

describe('deliver', () => {
	it('makes a public page public, with a strong ETag, Vary, and compressed', async () => {
		const response = await deliver(event('/schools', { 'accept-encoding': browser }), page());
		expect(response.headers.get('cache-control')).toBe(publicCaching);
		expect(response.headers.get('vary')).toBe('Accept-Encoding, Cookie');
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('etag')).toMatch(/^"[\w-]+-br"$/);
		expect(response.headers.get('set-cookie')).toBeNull();
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(decode('br', bytes)).toBe(html);

		const again = await deliver(
			event('/schools', {
				'accept-encoding': browser,
				'if-none-match': response.headers.get('etag')!
			}),
			page()
		);
		expect(again.status).toBe(304);
		expect(again.headers.get('cache-control')).toBe(publicCaching);
	});
	it('keeps a signed-in person’s pages private, still compressed, never public', async () => {
		for (const path of ['/', '/board']) {
			const response = await deliver(
				event(path, { 'accept-encoding': 'gzip' }, { id: 'u' }),
				page()
			);
			expect(response.headers.get('cache-control'), path).toBe(privateCaching);
			expect(response.headers.get('vary')).toBe('Accept-Encoding');
			expect(response.headers.get('content-encoding')).toBe('gzip');
			expect(response.headers.get('etag')).toBe('"kit-gzip"');
			expect(decode('gzip', new Uint8Array(await response.arrayBuffer()))).toBe(html);
		}
	});
	it('makes anything that sets a cookie private, even a public path', async () => {
		const response = await deliver(
			event('/'),
			page({ 'set-cookie': 'PARAGLIDE_LOCALE=es', 'cache-control': 'public, max-age=60' })
		);
		expect(response.headers.get('cache-control')).toBe(privateCaching);
	});
	it('leaves small answers, images and encoded answers as they are', async () => {
		const small = await deliver(
			event('/login', { 'accept-encoding': browser }),
			new Response('<p>hi</p>', { headers: { 'content-type': 'text/html', 'content-length': '9' } })
		);
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(small.headers.get('cache-control')).toBeNull();
		const csv = await deliver(
			event('/manage/exports/results.csv', { 'accept-encoding': 'gzip' }, { id: 'u' }),
			new Response('school,result\n'.repeat(200), { headers: { 'content-type': 'text/csv' } })
		);
		expect(csv.headers.get('content-encoding')).toBe('gzip');
		const zip = await deliver(
			event('/manage/exports/all.zip', { 'accept-encoding': browser }, { id: 'u' }),
			new Response(new Uint8Array(4096), { headers: { 'content-type': 'application/zip' } })
		);
		expect(zip.headers.get('content-encoding')).toBeNull();
	});
});

describe('the two doors to kept public pages', () => {
	const pages = new PageCache(1024 * 1024);
	let version = 'v1';
	let renders = 0;
	const handle = delivery(pages, () => at(version));
	const render = async () => (renders++, page());
	let server: http.Server;
	let origin = '';

	beforeAll(async () => {
		const door = keptPagesFrontDoor(pages, () => at(version));
		server = http.createServer((req, res) => {
			if (door(req, res)) return;
			res.writeHead(404).end('not kept');
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => {
		server.closeAllConnections();
		return new Promise((done) => server.close(done));
	});

	it('SvelteKit’s door renders once, keeps, and answers like the front door', async () => {
		const first = await handle({
			event: event('/priorities/x', { 'accept-encoding': browser }),
			resolve: render
		});
		expect(first.headers.get('content-encoding')).toBe('br');
		await handle({ event: event('/priorities/x'), resolve: render });
		expect(renders).toBe(1);

		const front = await fetch(`${origin}/priorities/x`, { headers: { 'accept-encoding': 'br' } });
		expect(front.status).toBe(200);
		expect(front.headers.get('etag')).toBe(first.headers.get('etag'));
		expect(front.headers.get('cache-control')).toBe(publicCaching);
		expect(front.headers.get('content-security-policy')).toBe("default-src 'self'");
		expect(await front.text()).toBe(html);
		const fresh = await fetch(`${origin}/priorities/x`, {
			headers: { 'accept-encoding': 'br', 'if-none-match': first.headers.get('etag')! }
		});
		expect(fresh.status).toBe(304);
	});
	it('neither door answers a signed-in request, another page, or an old version', async () => {
		const signedIn = await fetch(`${origin}/priorities/x`, {
			headers: { cookie: 'throughline.session_token=abc' }
		});
		expect(signedIn.status).toBe(404);
		expect((await fetch(`${origin}/board`)).status).toBe(404);
		expect((await fetch(`${origin}/schools/../priorities/x`)).status).toBe(200);

		const cookie = { cookie: 'throughline.session_token=abc' };
		const viaKit = await handle({
			event: event('/priorities/x', cookie, { id: 'u' }),
			resolve: render
		});
		expect(renders).toBe(2);
		expect(viaKit.headers.get('cache-control')).toBe(privateCaching);

		version = 'v2';
		expect((await fetch(`${origin}/priorities/x`)).status).toBe(404);
		await handle({ event: event('/priorities/x'), resolve: render });
		expect(renders).toBe(3);
		expect((await fetch(`${origin}/priorities/x`)).status).toBe(200);
	});
	it('never keeps a page that sets a cookie', async () => {
		const response = await handle({
			event: event('/schools'),
			resolve: async () => page({ 'set-cookie': 'a=b' })
		});
		expect(response.headers.get('cache-control')).toBe(privateCaching);
		expect((await fetch(`${origin}/schools`)).status).toBe(404);
	});
});

describe('large answers', () => {
	const lines = Array.from({ length: 3000 }, (_, i) => `${i},school ${i},${(i * 7) % 100}\n`);
	const csv = `id,name,value\n${lines.join('')}`;
	/** A download as the route writes it: a batch of lines at a time. */
	const download = () =>
		new Response(
			new ReadableStream<Uint8Array>({
				start(controller) {
					const encoder = new TextEncoder();
					controller.enqueue(encoder.encode('id,name,value\n'));
					for (let i = 0; i < lines.length; i += 500)
						controller.enqueue(encoder.encode(lines.slice(i, i + 500).join('')));
					controller.close();
				}
			}),
			{ headers: { 'content-type': 'text/csv; charset=utf-8' } }
		);
	const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

	it('stream, and decode to the same bytes as the whole file in every encoding', async () => {
		const pages = new PageCache(1024 * 1024);
		const handle = delivery(pages, () => at('v1'));
		for (const accept of ['br', 'gzip', '']) {
			const response = await handle({
				event: event('/data/results.csv', accept ? { 'accept-encoding': accept } : {}),
				resolve: async () => download()
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe(publicCaching);
			const encoding = response.headers.get('content-encoding');
			expect(encoding).toBe(accept || null);
			expect(decode(encoding, await bytesOf(response))).toBe(csv);
		}
	});

	it('are made once for 20 requests that arrive together after a write, then kept', async () => {
		const pages = new PageCache(1024 * 1024);
		let version = 'v1';
		let builds = 0;
		const handle = delivery(pages, () => at(version));
		const resolve = async () => (builds++, download());
		const ask = () =>
			handle({ event: event('/data/results.csv', { 'accept-encoding': browser }), resolve });
		await bytesOf(await ask());
		expect(builds).toBe(1);
		version = 'v2';
		const answers = await Promise.all(Array.from({ length: 20 }, ask));
		const bodies = await Promise.all(answers.map(bytesOf));
		expect(builds).toBe(2);
		for (const body of bodies) expect(decode('br', body)).toBe(csv);
		// Kept once made: the next answer is whole, with its strong ETag.
		await vi.waitFor(() =>
			expect(pages.get(publicPageKey(new URL(`${site}/data/results.csv`)), at('v2'))).toBeDefined()
		);
		const kept = await ask();
		expect(builds).toBe(2);
		expect(kept.headers.get('etag')).toMatch(/^"/);
		expect(decode('br', await bytesOf(kept))).toBe(csv);
	});

	it('too large to keep plain, are kept in the encoding they were built in', async () => {
		// A budget whose quarter holds the compressed file but not the plain one.
		const pages = new PageCache(100 * 1024);
		expect(csv.length).toBeGreaterThan(pages.maxBytes / 4);
		let builds = 0;
		const handle = delivery(pages, () => at('v1'));
		const ask = (accept: string) =>
			handle({
				event: event('/data/results.csv', { 'accept-encoding': accept }),
				resolve: async () => (builds++, download())
			});
		expect(decode('br', await bytesOf(await ask('br')))).toBe(csv);
		const key = publicPageKey(new URL(`${site}/data/results.csv`));
		await vi.waitFor(() => expect(pages.get(key, at('v1'))?.variants.br).toBeDefined());
		const kept = await ask('br');
		expect(kept.headers.get('etag')).toMatch(/-br"$/);
		expect(decode('br', await bytesOf(kept))).toBe(csv);
		expect(builds).toBe(1);
		// Another encoding is built for its own first request.
		expect(decode('gzip', await bytesOf(await ask('gzip')))).toBe(csv);
		expect(builds).toBe(2);
	});

	it('are answered by whoever asked when they are not the public’s to share', async () => {
		const pages = new PageCache(1024 * 1024);
		const handle = delivery(pages, () => at('v1'));
		let builds = 0;
		const refusal = async () => (builds++, new Response('school: not a CDS code', { status: 400 }));
		const answers = await Promise.all(
			Array.from({ length: 3 }, () =>
				handle({ event: event('/data/results.csv?school=x'), resolve: refusal })
			)
		);
		for (const answer of answers) expect(answer.status).toBe(400);
		expect(builds).toBe(3);
	});
});

describe('kept answers on a real database (issue 30: invalidate what changed)', () => {
	const day = '2026-12-07';

	it('are made again after a write to a table they read, never after a write elsewhere', async () => {
		const db = testDb();
		const pages = new PageCache(1024 * 1024);
		const handle = delivery(pages, () => ({ data: dataState(db.$client), day }));
		let renders = 0;
		const schoolsPage = async () => {
			renders++;
			const names = db.select({ name: schools.name }).from(schools).all();
			return page({ 'x-schools': String(names.length) });
		};
		let builds = 0;
		const schoolsFile = async () => {
			builds++;
			const count = db.$client.prepare('select count(*) from school').pluck().get();
			return new Response(`cds_code\n${'0'.repeat(2000)}\n${count}\n`, {
				headers: { 'content-type': 'text/csv; charset=utf-8' }
			});
		};
		const ask = async () => {
			const answers = [
				await handle({
					event: event('/schools', { 'accept-encoding': browser }),
					resolve: schoolsPage
				}),
				await handle({
					event: event('/data/schools.csv', { 'accept-encoding': browser }),
					resolve: schoolsFile
				})
			];
			await Promise.all(answers.map((a) => a.arrayBuffer()));
			// The download is kept once its body is written.
			await vi.waitFor(() =>
				expect(
					pages.get(publicPageKey(new URL(`${site}/data/schools.csv`)), {
						data: dataState(db.$client),
						day
					})
				).toBeDefined()
			);
		};
		await ask();
		expect([renders, builds]).toEqual([1, 1]);
		// A school year: nothing the answers read.
		db.$client.exec("insert into school_year (label, start_year) values ('2030-31', 2030)");
		await ask();
		expect([renders, builds]).toEqual([1, 1]);
		db.$client.exec(
			"insert into school (name, cds_code) values ('Del Rey Elementary', '27660926025928')"
		);
		await ask();
		expect([renders, builds]).toEqual([2, 2]);
	});
});
