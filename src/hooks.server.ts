import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

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

// Spanish pages live under /es (issue 9); everything else is English.
const language: Handle = async ({ event, resolve }) => {
	const lang = event.url.pathname === '/es' || event.url.pathname.startsWith('/es/') ? 'es' : 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

export const handle = sequence(language, session, securityHeaders);
