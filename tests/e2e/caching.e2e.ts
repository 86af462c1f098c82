// Who may keep what (issue 20), against the production server with its front door: the public's
// pages are public, carry a strong ETag, answer 304 and set no cookie; a signed-in person's answers
// are never public; brotli and gzip answers decode to the very page sent uncompressed.
import { expect, test } from '@playwright/test';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { apiAs, baseURL } from './helpers/auth';
import { query } from './helpers/db.ts';

const publicCaching = 'public, max-age=60, stale-while-revalidate=600';

function publicPages(): string[] {
	const priority = query<{ slug: string }>(
		"select slug from priority where status = 'active' order by sort_order limit 1"
	)[0].slug;
	const school = query<{ cds_code: string }>(
		"select cds_code from school where status = 'open' order by name limit 1"
	)[0].cds_code;
	const english = ['/', `/priorities/${priority}`, '/schools', `/schools/${school}`];
	return [...english, ...english.map((p) => (p === '/' ? '/es' : `/es${p}`))];
}

/** A raw GET: the bytes as sent, not decoded. */
function get(path: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
		(resolve, reject) => {
			http
				.get(new URL(path, baseURL()), { headers }, (response) => {
					const chunks: Buffer[] = [];
					response.on('data', (c: Buffer) => chunks.push(c));
					response.on('end', () =>
						resolve({
							status: response.statusCode!,
							headers: response.headers,
							body: Buffer.concat(chunks)
						})
					);
				})
				.on('error', reject);
		}
	);
}

test('public pages are public, strongly tagged, answer 304 and set no cookie', async () => {
	for (const path of publicPages()) {
		// Twice: the first may render, the second comes from the kept page through the front door.
		for (const round of [1, 2]) {
			const page = await get(path, { 'accept-encoding': 'br, gzip' });
			const label = `${path} (${round})`;
			expect(page.status, label).toBe(200);
			expect(page.headers['cache-control'], label).toBe(publicCaching);
			expect(page.headers['set-cookie'], label).toBeUndefined();
			expect(page.headers['etag'], label).toMatch(/^"[\w-]+"$/);
			expect(page.headers['vary'], label).toBe('Accept-Encoding, Cookie');
			expect(page.headers['content-security-policy'], label).toContain("frame-ancestors 'none'");
			expect(page.headers['x-frame-options'], label).toBe('DENY');
			expect(page.headers['x-content-type-options'], label).toBe('nosniff');
			const fresh = await get(path, {
				'accept-encoding': 'br, gzip',
				'if-none-match': page.headers['etag']!
			});
			expect(fresh.status, label).toBe(304);
			expect(fresh.body.byteLength, label).toBe(0);
		}
	}
});

test('brotli and gzip answers decode to the page sent uncompressed', async () => {
	for (const path of publicPages().slice(0, 4)) {
		const plain = await get(path);
		expect(plain.headers['content-encoding'], path).toBeUndefined();
		const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding'], path).toBe('br');
		const gzip = await get(path, { 'accept-encoding': 'gzip' });
		expect(gzip.headers['content-encoding'], path).toBe('gzip');
		expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);
		expect(gunzipSync(gzip.body).equals(plain.body), path).toBe(true);
		expect(br.body.byteLength, path).toBeLessThan(plain.body.byteLength / 3);
	}
});

test('a signed-in person’s answers are never public, public pages included', async () => {
	const board = await apiAs('board');
	for (const path of ['/', '/schools', '/board', '/board/coherence', '/manage']) {
		const response = await board.get(path);
		const cacheControl = response.headers()['cache-control'] ?? '';
		expect(cacheControl, path).not.toContain('public');
		if (response.status() === 200) expect(cacheControl, path).toBe('private, no-store');
	}
	await board.dispose();
});

test('the language switch’s cookie comes on a private redirect, never on a page', async () => {
	const anonymous = await apiAs('anonymous');
	const switched = await anonymous.get('/schools?lang=es');
	expect(switched.status()).toBe(303);
	expect(switched.headers()['set-cookie']).toContain('PARAGLIDE_LOCALE=es');
	expect(switched.headers()['cache-control']).toBe('private, no-store');
	const spanish = await anonymous.get('/es/schools');
	expect(spanish.status()).toBe(200);
	expect(spanish.headers()['set-cookie']).toBeUndefined();
	expect(spanish.headers()['cache-control']).toBe(publicCaching);
	// The remembered choice sends an English address to Spanish, privately.
	const back = await anonymous.get('/schools');
	expect(back.status()).toBe(307);
	expect(back.headers()['cache-control']).toBe('private, no-store');
	await anonymous.dispose();
});
