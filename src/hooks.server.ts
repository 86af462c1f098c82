import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { queryTimingEnabled, serverTimingHeader, withQueryTiming } from '$lib/server/db/timing';

// The session handle (better-auth) puts the signed-in user on locals; until then, everyone is public.
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

// THROUGHLINE_QUERY_TIMING=1 (the benchmark): each response says how long its queries took.
const queryTiming: Handle = async ({ event, resolve }) => {
	if (!queryTimingEnabled()) return resolve(event);
	const { timing, result } = withQueryTiming(() => resolve(event));
	const response = await result;
	response.headers.append('Server-Timing', serverTimingHeader(timing));
	return response;
};

// Spanish pages live under /es (issue 9); everything else is English.
const language: Handle = async ({ event, resolve }) => {
	const lang = event.url.pathname === '/es' || event.url.pathname.startsWith('/es/') ? 'es' : 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

export const handle = sequence(queryTiming, language, session, securityHeaders);
