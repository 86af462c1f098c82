import type { Handle } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';
import { isTranslatedPath, languageCookie } from '$lib/i18n';
import { auth } from '$lib/server/auth/server';
import { currentSession } from '$lib/server/auth/signin';
import { twoFactorRequired } from '$lib/server/auth/two-factor';
import { applySetCookie } from '$lib/server/auth/cookies';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { PageCache, dataVersion, isKeepable, isBoardReadingPage } from '$lib/server/cache/pages';
import { privateCaching } from '$lib/server/http/caching';
import { delivery } from '$lib/server/http/delivery';
import { openFrontDoor } from '$lib/server/http/front-door';
import {
	answerKept,
	keepPage,
	keptPagesFrontDoor,
	keptResponse
} from '$lib/server/http/kept-pages';
import { securityHeaders } from '$lib/server/http/headers';
import { originCheck } from '$lib/server/http/origin';
import { twoFactorGate } from '$lib/server/http/two-factor-gate';
import { queryTimingEnabled, serverTimingHeader, withQueryTiming } from '$lib/server/db/timing';

// The signed-in user, read from the session table and the user row on every request: a
// deactivated account or an ended session stops working at once.
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.twoFactorDue = false;
	const current = await currentSession(auth(), event.request.headers);
	if (current) {
		event.locals.user = current.user;
		event.locals.sessionId = current.sessionId;
		event.locals.twoFactorDue = !current.twoFactor && twoFactorRequired(db(), current.user.role);
		applySetCookie(event.cookies, current.setCookie);
	}
	return resolve(event);
};

// THROUGHLINE_QUERY_TIMING=1 (the benchmark): each response says how long its queries took.
const queryTiming: Handle = async ({ event, resolve }) => {
	if (!queryTimingEnabled()) return resolve(event);
	const started = performance.now();
	const { timing, result } = withQueryTiming(() => resolve(event));
	const response = await result;
	response.headers.append('Server-Timing', serverTimingHeader(timing, performance.now() - started));
	return response;
};

// The public's pages, kept for everyone, and each board member's reading pages, kept per person,
// until the database changes (src/lib/server/cache/pages.ts), stored compressed.
// THROUGHLINE_PAGE_CACHE_MB sets the budget (default 48); 0 turns the cache off.
const cacheMb = Number(process.env.THROUGHLINE_PAGE_CACHE_MB ?? 48);
const pages = cacheMb > 0 ? new PageCache(cacheMb * 1024 * 1024) : null;
const pageVersion = () => `${dataVersion(db().$client)} ${today()}`;

// A kept public page is answered before anything else: by scripts/serve.ts straight from
// node:http (the front door), or else by the first handle here (delivery). Both apply one rule.
if (pages) openFrontDoor(keptPagesFrontDoor(pages, pageVersion));

// A board member's reading page, kept for them alone: the session handle has run first, so an
// ended session never reaches a kept page. It goes out private (delivery's rules).
const boardReadingPages: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (!pages || event.request.method !== 'GET' || !user || !isBoardReadingPage(event.url.pathname))
		return resolve(event);
	const version = pageVersion();
	let uncacheable: Response | undefined;
	// The request's own URL: SvelteKit's event.url drops the `/__data.json` of client navigations.
	const requested = new URL(event.request.url);
	const key = `user ${user.id} ${user.role} ${requested.pathname}${requested.search}`;
	const page = await pages.getOrRender(key, version, async () => {
		const response = await resolve(event);
		if (isKeepable(response)) return keepPage(response, { caching: null, vary: 'Accept-Encoding' });
		uncacheable = response;
		return null;
	});
	if (uncacheable) return uncacheable;
	if (!page) return resolve(event);
	const { headers } = event.request;
	return keptResponse(
		answerKept(page, headers.get('accept-encoding'), headers.get('if-none-match')),
		event.request.method
	);
};

// A redirect that depends on this reader's language cookie, or sets it: no cache may keep it.
const personalRedirect = (status: 303 | 307, location: string) =>
	new Response(null, { status, headers: { location, 'cache-control': privateCaching } });

// Spanish pages live under /es (issue 9); everything else is English. Paraglide's middleware sets
// the language for the request from the URL; this handle adds what Paraglide leaves to us: English-
// only pages have no /es version, the language switch (?lang=es|en) remembers the reader's choice
// in a cookie, and a reader who chose Spanish comes back to Spanish pages.
const language: Handle = async ({ event, resolve }) => {
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
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});
};

// Kept public pages first; then security headers wrap everything, the origin check's refusals
// included; the origin check runs before anything reads a session or changes a thing.
export const handle = sequence(
	delivery(pages, pageVersion),
	securityHeaders(process.env.ORIGIN),
	originCheck,
	queryTiming,
	language,
	session,
	twoFactorGate,
	boardReadingPages
);
