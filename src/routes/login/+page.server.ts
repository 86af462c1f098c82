import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { errorsOf } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { auth } from '$lib/server/auth/server';
import { retryAfter, signIn } from '$lib/server/auth/signin';
import { applySetCookie, clientAddress } from '$lib/server/auth/cookies';
import { safeRedirect } from '$lib/server/auth/redirect';
import { homeAfterSignIn } from '$lib/server/setup/home';
import { href } from '$lib/i18n';
import { refusalText } from './refusal-text.server';

export const load: PageServerLoad = async ({ locals, url }) => {
	// Public: the sign-in form. A signed-in person sees who they are.
	return {
		signedInAs: locals.user ? locals.user.email : null,
		redirectTo: safeRedirect(url.searchParams.get('redirectTo'), '')
	};
};

const SignIn = z.object({
	email: z.string().trim().min(1, 'Enter your e-mail address.').max(254),
	password: z.string().min(1, 'Enter your password.').max(1024),
	redirectTo: z.string().max(2000).optional()
});

export const actions: Actions = {
	// Public by nature: this is how one signs in. Lockout and audit live in signIn().
	default: async (event) => {
		const form = Object.fromEntries(await event.request.formData());
		const values = { email: String(form.email ?? ''), redirectTo: String(form.redirectTo ?? '') };
		const parsed = SignIn.safeParse(form);
		if (!parsed.success) {
			const fields = errorsOf(parsed.error);
			const errors = {
				email: fields.email ? [m.login_enter_email()] : undefined,
				password: fields.password ? [m.login_enter_password()] : undefined
			};
			return fail(400, { values, errors, message: m.login_enter_both() });
		}
		const result = await signIn(auth(), db(), {
			email: parsed.data.email,
			password: parsed.data.password,
			address: clientAddress(event.getClientAddress),
			headers: event.request.headers
		});
		if (!result.ok) {
			const wait = retryAfter(result);
			if (wait) event.setHeaders({ 'retry-after': wait });
			return fail(result.status, { values, errors: {}, message: refusalText(result, 'password') });
		}
		applySetCookie(event.cookies, result.setCookie);
		// A page to return to, else the role's own home (decided after the code, when one is due).
		const next = safeRedirect(parsed.data.redirectTo, '');
		if (result.codeDue) {
			const query = next ? `?redirectTo=${encodeURIComponent(next)}` : '';
			redirect(303, href('/login/code') + query);
		}
		redirect(303, next || homeAfterSignIn(db(), result.userId));
	}
};
