import { redirect, type Handle } from '@sveltejs/kit';
import { twoFactorSetupPath } from '../auth/guard.ts';

/**
 * A role that requires an authenticator app reaches nothing else until one is set up: pages
 * redirect to the setup, other requests are refused. Signing out stays possible.
 */
export const twoFactorGate: Handle = async ({ event, resolve }) => {
	if (!event.locals.twoFactorDue) return resolve(event);
	const path = event.url.pathname;
	if (path === twoFactorSetupPath || path === '/logout' || path.startsWith('/_app/'))
		return resolve(event);
	if (event.request.method === 'GET' || event.request.method === 'HEAD')
		redirect(303, `${twoFactorSetupPath}?next=${encodeURIComponent(path + event.url.search)}`);
	return new Response('Set up your authenticator app first.', { status: 403 });
};
