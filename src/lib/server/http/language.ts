import type { Handle } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';
import { isTranslatedPath, languageCookie } from '$lib/i18n';
import { privateCaching } from './caching.ts';
import { withoutHydrationMarkers } from './markup.ts';

// A redirect that depends on this reader's language cookie, or sets it: no cache may keep it.
const personalRedirect = (status: 303 | 307, location: string) =>
	new Response(null, { status, headers: { location, 'cache-control': privateCaching } });

// Spanish pages live under /es (issue 9); everything else is English. Paraglide's middleware sets
// the language for the request from the URL; this handle adds what Paraglide leaves to us: English-
// only pages have no /es version, the language switch (?lang=es|en) remembers the reader's choice
// in a cookie, and a reader who chose Spanish comes back to Spanish pages.
export const language: Handle = async ({ event, resolve }) => {
	const { pathname, search, searchParams } = event.url;
	const spanish = pathname === '/es' || pathname.startsWith('/es/');
	const path = spanish ? deLocalizeHref(pathname) : pathname;
	if (spanish && !isTranslatedPath(path)) redirect(307, path + search);

	const choice = searchParams.get('lang');
	if ((choice === 'en' || choice === 'es') && event.request.method === 'GET') {
		const rest = new URLSearchParams(search);
		rest.delete('lang');
		const query = rest.size ? `?${rest}` : '';
		const to = localizeHref(path, { locale: isTranslatedPath(path) ? choice : 'en' });
		const response = personalRedirect(303, to + query);
		// Serialized here, not cookies.set: SvelteKit adds those only to answers it makes itself.
		const cookie = event.cookies.serialize(languageCookie, choice, {
			path: '/',
			maxAge: 60 * 60 * 24 * 400,
			sameSite: 'lax',
			httpOnly: true
		});
		response.headers.append('set-cookie', cookie);
		return response;
	}
	if (
		!spanish &&
		event.request.method === 'GET' &&
		!event.isDataRequest &&
		isTranslatedPath(path) &&
		event.cookies.get(languageCookie) === 'es'
	) {
		return personalRedirect(307, localizeHref(path, { locale: 'es' }) + search);
	}

	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		// The one transform of a page's markup: its language, and no hydration markers if it is not hydrated.
		return resolve(event, {
			transformPageChunk: ({ html }) => withoutHydrationMarkers(html.replace('%lang%', locale))
		});
	});
};
