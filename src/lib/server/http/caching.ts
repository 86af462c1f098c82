/**
 * Who may keep an answer, and for how long. The public's pages are the same for everyone who
 * carries no sign-in cookie, so browsers, a district's reverse proxy or a CDN may keep them a
 * minute and serve a stale copy for ten more while they fetch the new one; a signed-in person's
 * pages are theirs alone and are kept by nobody.
 */
import { createHash } from 'node:crypto';
import { languageCookie } from '../../i18n.ts';
import { authCookiePrefix } from '../auth/cookies.ts';
import { isPublicPage } from '../cache/pages.ts';
import type { Encoding } from './encoding.ts';

export const publicCaching = 'public, max-age=60, stale-while-revalidate=600';
export const privateCaching = 'private, no-store';

/**
 * Public pages differ by encoding, and they do read cookies: a sign-in cookie changes the menu
 * (and makes the answer private), and a Spanish reader's language cookie sends an English address
 * to its Spanish page. Caches that honour Vary keep one copy for the cookie-less crowd.
 */
export const publicPageVary = 'Accept-Encoding, Cookie';

const isSpanish = (pathname: string) => pathname === '/es' || pathname.startsWith('/es/');

/** A cookie the sign-in sets: session, its cache, the two-factor step. */
export function isSignInCookie(name: string): boolean {
	return name.replace(/^__(Secure|Host)-/, '').startsWith(`${authCookiePrefix}.`);
}

/**
 * Whether a request for a public page gets the one answer everybody gets: it carries no sign-in
 * cookie, and no language choice that would send this English address to its Spanish twin. Other
 * cookies (a proxy's, another app's on the same host) change nothing and are ignored.
 */
export function sameForEveryone(
	pathname: string,
	cookieHeader: string | null | undefined
): boolean {
	if (!cookieHeader) return true;
	for (const pair of cookieHeader.split(';')) {
		const at = pair.indexOf('=');
		const name = (at < 0 ? pair : pair.slice(0, at)).trim();
		if (isSignInCookie(name)) return false;
		if (name === languageCookie && !isSpanish(pathname) && pair.slice(at + 1).trim() === 'es')
			return false;
	}
	return true;
}

/** Whether a request may be answered with a public page kept for everyone (before any session lookup). */
export function wantsKeptPublicPage(
	method: string,
	pathname: string,
	cookieHeader: string | null | undefined
): boolean {
	return (
		(method === 'GET' || method === 'HEAD') &&
		isPublicPage(pathname) &&
		sameForEveryone(pathname, cookieHeader)
	);
}

/**
 * The page cache's key for a public page, from the URL as requested (both doors compute it the
 * same way): the language, then the address without its /es.
 */
export function publicPageKey(url: URL): string {
	const { pathname, search } = url;
	const spanish = isSpanish(pathname);
	const path = spanish ? pathname.slice(3) || '/' : pathname;
	return `public ${spanish ? 'es' : 'en'} ${path}${search}`;
}

/** A strong ETag: the page's bytes, and how they are encoded (each encoding is its own representation). */
export function strongEtag(body: Uint8Array, encoding: Encoding): string {
	const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
	return encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`;
}

/** The same ETag for an encoded representation of the same bytes. */
export function encodedEtag(etag: string, encoding: Encoding): string {
	if (encoding === 'identity') return etag;
	const weak = etag.startsWith('W/');
	const tag = weak ? etag.slice(2) : etag;
	return `${weak ? 'W/' : ''}${tag.slice(0, -1)}-${encoding}"`;
}

/** If-None-Match against our ETag, compared weakly as RFC 9110 §13.1.2 says (`*` matches too). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const ours = etag.startsWith('W/') ? etag.slice(2) : etag;
	for (const candidate of ifNoneMatch.split(',')) {
		const tag = candidate.trim();
		if (tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === ours) return true;
	}
	return false;
}

export interface Answer {
	method: string;
	pathname: string;
	status: number;
	signedIn: boolean;
	setsCookie: boolean;
}

/** Whether an answer is a public page or the public's data, the same for every reader. */
export function isPublicAnswer(answer: Answer): boolean {
	return (
		(answer.method === 'GET' || answer.method === 'HEAD') &&
		answer.status === 200 &&
		!answer.signedIn &&
		!answer.setsCookie &&
		isPublicPage(answer.pathname)
	);
}

/**
 * The Cache-Control an answer gets: private for anything a signed-in person sees or anything that
 * sets a cookie (a public answer never carries one), public for the public's pages, and none
 * otherwise (the sign-in page, redirects, errors: caches then keep nothing without being told).
 */
export function cachingFor(answer: Answer): string | null {
	if (answer.signedIn || answer.setsCookie) return privateCaching;
	return isPublicAnswer(answer) ? publicCaching : null;
}
