import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { securityHeaders } from './headers.ts';
import { isSameOriginWrite, originCheck } from './origin.ts';
import { twoFactorGate } from './two-factor-gate.ts';

const site = 'https://board.example.org';

function event(method: string, headers: Record<string, string> = {}, user: unknown = null) {
	return {
		request: new Request(`${site}/logout`, { method, headers }),
		url: new URL(`${site}/logout`),
		locals: { user }
	} as unknown as RequestEvent;
}

const ok = async () => new Response('done');

describe('originCheck', () => {
	it('refuses a foreign Origin on any write, whatever the content type', async () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			let ran = false;
			const response = await originCheck({
				event: event(method, { origin: 'https://evil.example' }),
				resolve: async () => ((ran = true), new Response('signed out'))
			});
			expect(response.status, method).toBe(403);
			expect(ran).toBe(false);
		}
	});
	it('lets same-origin writes and every read through', async () => {
		expect(isSameOriginWrite(event('POST', { origin: site }).request, site)).toBe(true);
		expect(isSameOriginWrite(event('GET', { origin: 'https://evil.example' }).request, site)).toBe(
			true
		);
		expect(
			(await originCheck({ event: event('POST', { origin: site }), resolve: ok })).status
		).toBe(200);
	});
	it('without Origin, needs Sec-Fetch-Site same-origin or a Referer of this site', () => {
		const w = (h: Record<string, string>) => isSameOriginWrite(event('POST', h).request, site);
		expect(w({})).toBe(false);
		expect(w({ origin: 'null' })).toBe(false);
		expect(w({ 'sec-fetch-site': 'same-origin' })).toBe(true);
		expect(w({ 'sec-fetch-site': 'same-site' })).toBe(false);
		expect(w({ 'sec-fetch-site': 'cross-site', referer: `${site}/account` })).toBe(false);
		expect(w({ referer: `${site}/account` })).toBe(true);
		expect(w({ referer: 'https://board.example.org.evil.example/' })).toBe(false);
		expect(w({ referer: 'not a url' })).toBe(false);
	});
});

describe('securityHeaders', () => {
	it('sends HSTS when ORIGIN is https, and not over plain http', async () => {
		const https = await securityHeaders(site)({ event: event('GET'), resolve: ok });
		expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000');
		expect(https.headers.get('x-content-type-options')).toBe('nosniff');
		const http = await securityHeaders('http://localhost:3000')({
			event: event('GET'),
			resolve: ok
		});
		expect(http.headers.get('strict-transport-security')).toBeNull();
		expect(http.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe('twoFactorGate', () => {
	const gated = (method: string, path: string, due: boolean) =>
		({
			request: new Request(`${site}${path}`, { method }),
			url: new URL(`${site}${path}`),
			locals: { user: { id: 'u', role: 'staff' }, twoFactorDue: due }
		}) as unknown as RequestEvent;

	it('sends a role that must set up an authenticator app to the setup first', async () => {
		await expect(
			twoFactorGate({ event: gated('GET', '/manage/setup?step=2', true), resolve: ok })
		).rejects.toMatchObject({
			status: 303,
			// …and back where they were headed once it is done.
			location: '/account/two-factor?next=%2Fmanage%2Fsetup%3Fstep%3D2'
		});
		const post = await twoFactorGate({
			event: gated('POST', '/manage/priorities?/create', true),
			resolve: ok
		});
		expect(post.status).toBe(403);
		for (const path of ['/account/two-factor', '/logout'])
			expect((await twoFactorGate({ event: gated('POST', path, true), resolve: ok })).status).toBe(
				200
			);
		expect(
			(await twoFactorGate({ event: gated('GET', '/manage', false), resolve: ok })).status
		).toBe(200);
	});
});
