import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';

/** Every sign-in cookie is named throughline.… (or __Secure-throughline.… over https). */
export const authCookiePrefix = 'throughline';

/**
 * Passes better-auth's Set-Cookie on through SvelteKit's cookies. Secure only when the library
 * asked for it (ORIGIN is https), so a plain-http intranet install still keeps its session.
 */
export function applySetCookie(cookies: Cookies, setCookie: string | null): void {
	if (!setCookie) return;
	for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
		const options = toCookieOptions(attributes);
		cookies.set(name, attributes.value, {
			...options,
			path: options.path || '/',
			secure: options.secure === true,
			httpOnly: true,
			sameSite: 'lax'
		});
	}
}

/** The client's address for the throttle (ADDRESS_HEADER behind a proxy), or 'unknown'. */
export function clientAddress(getClientAddress: () => string): string {
	try {
		return getClientAddress();
	} catch {
		return 'unknown';
	}
}
