import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { auth } from '$lib/server/auth/server';
import { signIn } from '$lib/server/auth/signin';
import { applySetCookie } from '$lib/server/auth/cookies';
import { safeRedirect } from '$lib/server/auth/redirect';

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

function clientAddress(getClientAddress: () => string): string {
	try {
		return getClientAddress();
	} catch {
		return 'unknown';
	}
}

export const actions: Actions = {
	// Public by nature: this is how one signs in. Lockout and audit live in signIn().
	default: async (event) => {
		const form = Object.fromEntries(await event.request.formData());
		const values = { email: String(form.email ?? ''), redirectTo: String(form.redirectTo ?? '') };
		const parsed = SignIn.safeParse(form);
		if (!parsed.success) {
			const errors = z.flattenError(parsed.error).fieldErrors;
			return fail(400, { values, errors, message: 'Enter your e-mail address and password.' });
		}
		const result = await signIn(auth(), db(), {
			email: parsed.data.email,
			password: parsed.data.password,
			address: clientAddress(event.getClientAddress),
			headers: event.request.headers
		});
		if (!result.ok) return fail(result.status, { values, errors: {}, message: result.message });
		applySetCookie(event.cookies, result.setCookie);
		redirect(303, safeRedirect(parsed.data.redirectTo));
	}
};
