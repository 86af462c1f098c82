import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { auth } from '$lib/server/auth/server';
import { signOut } from '$lib/server/auth/signin';
import { applySetCookie } from '$lib/server/auth/cookies';

// POST only (a link cannot sign anyone out). Kit's origin check refuses cross-site form posts.
// Public by nature: signing out without a session just goes home.
export const POST: RequestHandler = async (event) => {
	if (event.locals.sessionId) {
		const setCookie = await signOut(auth(), db(), event.locals.user, event.request.headers);
		applySetCookie(event.cookies, setCookie);
	}
	redirect(303, '/');
};
