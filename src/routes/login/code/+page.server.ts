import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { auth } from '$lib/server/auth/server';
import { pendingSignIn, retryAfter, signInWithCode } from '$lib/server/auth/signin';
import { applySetCookie, clientAddress } from '$lib/server/auth/cookies';
import { safeRedirect } from '$lib/server/auth/redirect';
import { homeAfterSignIn } from '$lib/server/setup/home';
import { refusalText } from '../refusal-text.server';

export const load: PageServerLoad = async ({ request, url }) => {
	// Public by nature: the second step of signing in. Without a password step in progress the page
	// says so and links back to the sign-in form.
	return {
		pending: pendingSignIn(db(), request.headers) !== null,
		redirectTo: safeRedirect(url.searchParams.get('redirectTo'), '')
	};
};

const Code = z.object({
	code: z.string().trim().min(1).max(40),
	redirectTo: z.string().max(2000).optional()
});

export const actions: Actions = {
	// Public by nature, like the password step; throttle and audit live in signInWithCode().
	default: async (event) => {
		const form = Object.fromEntries(await event.request.formData());
		const redirectTo = String(form.redirectTo ?? '');
		const parsed = Code.safeParse(form);
		if (!parsed.success)
			return fail(400, {
				redirectTo,
				errors: { code: [m.login_code_enter()] },
				message: m.login_code_enter(),
				expired: false
			});
		const result = await signInWithCode(auth(), db(), {
			code: parsed.data.code,
			address: clientAddress(event.getClientAddress),
			headers: event.request.headers
		});
		if (!result.ok) {
			const wait = retryAfter(result);
			if (wait) event.setHeaders({ 'retry-after': wait });
			return fail(result.status, {
				redirectTo,
				errors: {},
				message: refusalText(result, 'code'),
				expired: result.reason === 'expired'
			});
		}
		applySetCookie(event.cookies, result.setCookie);
		redirect(303, safeRedirect(parsed.data.redirectTo, '') || homeAfterSignIn(db(), result.userId));
	}
};
