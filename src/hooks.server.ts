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
import {
	PageCache,
	dataVersion,
	fromCachedPage,
	isKeepable,
	isBoardReadingPage,
	isPublicPage,
	toCachedPage
} from '$lib/server/cache/pages';
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

// The public's pages, and each board member's reading pages, kept until the database changes
// (src/lib/server/cache/pages.ts). THROUGHLINE_PAGE_CACHE_MB sets the budget (default 48); 0 turns
// the cache off. The session handle has run first: an ended session never reaches a kept page.
const cacheMb = Number(process.env.THROUGHLINE_PAGE_CACHE_MB ?? 48);
const pages = new PageCache(cacheMb * 1024 * 1024);

const pageCache: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	const reader = user
		? isBoardReadingPage(event.url.pathname) && `user ${user.id} ${user.role}`
		: isPublicPage(event.url.pathname) && 'public';
	if (cacheMb <= 0 || event.request.method !== 'GET' || !reader) return resolve(event);
	const version = `${dataVersion(db().$client)} ${today()}`;
	let uncacheable: Response | undefined;
	// The request's own URL: SvelteKit's event.url drops the `/__data.json` of client navigations.
	// Paraglide hands on a request with /es taken off, so the language is part of the key.
	const requested = new URL(event.request.url);
	const spanish = event.url.pathname === '/es' || event.url.pathname.startsWith('/es/');
	const key = `${reader} ${spanish ? 'es' : 'en'} ${requested.pathname}${requested.search}`;
	const page = await pages.getOrRender(key, version, async () => {
		const response = await resolve(event);
		if (isKeepable(response)) return toCachedPage(response);
		uncacheable = response;
		return null;
	});
	if (uncacheable) return uncacheable;
	// A request that waited on someone else's render that could not be kept renders its own.
	return page ? fromCachedPage(page, event.request) : resolve(event);
};

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
		event.cookies.set(languageCookie, choice, {
			path: '/',
			maxAge: 60 * 60 * 24 * 400,
			sameSite: 'lax',
			httpOnly: true
		});
		const rest = new URLSearchParams(search);
		rest.delete('lang');
		const query = rest.size ? `?${rest}` : '';
		redirect(303, localizeHref(path, { locale: isTranslatedPath(path) ? choice : 'en' }) + query);
	}
	if (
		!spanish &&
		event.request.method === 'GET' &&
		!event.isDataRequest &&
		isTranslatedPath(path) &&
		event.cookies.get(languageCookie) === 'es'
	) {
		redirect(307, localizeHref(path, { locale: 'es' }) + search);
	}

	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});
};

// Security headers wrap everything, the origin check's refusals included; the origin check runs
// before anything reads a session or changes a thing.
export const handle = sequence(
	securityHeaders(process.env.ORIGIN),
	originCheck,
	queryTiming,
	language,
	session,
	twoFactorGate,
	pageCache
);
