import type { Handle } from '@sveltejs/kit';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const crossSiteRefusal = 'Cross-site requests that change something are refused.';

/**
 * Whether a state-changing request comes from this site. SvelteKit checks the Origin of form
 * posts only; this checks every POST, PUT, PATCH and DELETE, whatever its content type.
 * - An Origin header must be this site's (browsers send one on every POST, fetch and form).
 * - Without Origin, the request must say it is same-origin: `Sec-Fetch-Site: same-origin`, or,
 *   with no Sec-Fetch-Site either, a Referer on this site. A bare request (curl without headers)
 *   is refused: nothing shows it is ours, and a script can always send `Origin`.
 */
export function isSameOriginWrite(request: Request, siteOrigin: string): boolean {
	if (safeMethods.has(request.method)) return true;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin === siteOrigin;
	const fetchSite = request.headers.get('sec-fetch-site');
	if (fetchSite !== null) return fetchSite === 'same-origin';
	const referer = request.headers.get('referer');
	if (!referer) return false;
	try {
		return new URL(referer).origin === siteOrigin;
	} catch {
		return false;
	}
}

/**
 * The one write that comes from elsewhere by design: RFC 8058's one-click unsubscribe, which a
 * mail program POSTs from its own servers. Its signed link is its permission, and all it can do
 * is turn off the notices the link names.
 */
export const oneClickUnsubscribe = '/notices/unsubscribe';

/**
 * Refuses cross-site writes with 403 before anything else runs (no session is read or ended).
 * SvelteKit's own check, which covers form posts only, is off (svelte.config.js): this one
 * covers them too.
 */
export const originCheck: Handle = async ({ event, resolve }) => {
	if (
		event.url.pathname !== oneClickUnsubscribe &&
		!isSameOriginWrite(event.request, event.url.origin)
	)
		return new Response(crossSiteRefusal, {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	return resolve(event);
};
