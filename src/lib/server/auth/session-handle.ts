import type { Handle } from '@sveltejs/kit';
import { auth } from './server.ts';
import { currentSession } from './signin.ts';
import { twoFactorRequired } from './two-factor.ts';
import { applySetCookie } from './cookies.ts';
import { db } from '../db/index.ts';

// The signed-in user, read from the session table and the user row on every request: a
// deactivated account or an ended session stops working at once.
export const session: Handle = async ({ event, resolve }) => {
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
