import type { Handle } from '@sveltejs/kit';

/** One year: browsers keep to https for that long after one visit. */
export const hstsMaxAge = 365 * 24 * 60 * 60;

/**
 * Headers every response carries, static files included (scripts/serve.ts sets them before
 * adapter-node's static handler). HSTS only when the site is served over https: over plain http
 * (an intranet install) it would be ignored, and announcing it there would be a lie.
 */
export function baseSecurityHeaders(origin: string | undefined): Record<string, string> {
	const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff' };
	if (origin?.toLowerCase().startsWith('https://'))
		headers['Strict-Transport-Security'] = `max-age=${hstsMaxAge}`;
	return headers;
}

/** The pages' and endpoints' security headers; `origin` is ORIGIN, the URL browsers use. */
export function securityHeaders(origin: string | undefined): Handle {
	const base = baseSecurityHeaders(origin);
	return async ({ event, resolve }) => {
		const response = await resolve(event);
		for (const [name, value] of Object.entries(base)) response.headers.set(name, value);
		response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
		response.headers.set('X-Frame-Options', 'DENY');
		// Cache-Control is delivery's (caching.ts): it knows who the answer is for.
		return response;
	};
}
