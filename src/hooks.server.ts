import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { auth } from '$lib/server/auth/server';
import { currentSession } from '$lib/server/auth/signin';
import { applySetCookie } from '$lib/server/auth/cookies';

// The signed-in user, read from the session table and the user row on every request: a
// deactivated account or an ended session stops working at once.
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const current = await currentSession(auth(), event.request.headers);
	if (current) {
		event.locals.user = current.user;
		event.locals.sessionId = current.sessionId;
		applySetCookie(event.cookies, current.setCookie);
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	// Pages for a signed-in person are theirs alone: no shared or back-button cache.
	if (event.locals.user && !response.headers.has('cache-control'))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

// Spanish pages live under /es (issue 9); everything else is English.
const language: Handle = async ({ event, resolve }) => {
	const lang = event.url.pathname === '/es' || event.url.pathname.startsWith('/es/') ? 'es' : 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

export const handle = sequence(language, session, securityHeaders);
