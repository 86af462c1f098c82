import { error, fail, redirect } from '@sveltejs/kit';
import { errorsOf } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { auth } from '$lib/server/auth/server';
import { signIn } from '$lib/server/auth/signin';
import { applySetCookie } from '$lib/server/auth/cookies';
import { consumeSetupToken, setUpDistrict, setupInput, setupOpen } from '$lib/server/setup';

// Public by design, but only to whoever holds the one-time address printed by `npm start` on an
// empty database: anyone else, and everyone once a district exists, gets 404.
export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token');
	if (!setupOpen(db(), token)) error(404, 'Not found');
	return { token };
};

export const actions: Actions = {
	default: async (event) => {
		const form = Object.fromEntries(await event.request.formData());
		const token = String(form.token ?? '');
		if (!setupOpen(db(), token)) error(404, 'Not found');
		const values = {
			districtName: String(form.districtName ?? ''),
			cdsCode: String(form.cdsCode ?? ''),
			name: String(form.name ?? ''),
			email: String(form.email ?? '')
		};
		const parsed = setupInput.safeParse(form);
		if (!parsed.success)
			return fail(400, {
				values,
				errors: errorsOf(parsed.error)
			});
		// Used from here on, even if what follows fails: a second request cannot race this one.
		consumeSetupToken();
		await setUpDistrict(db(), parsed.data);
		const result = await signIn(auth(), db(), {
			email: parsed.data.email,
			password: parsed.data.password,
			address: event.getClientAddress(),
			headers: event.request.headers
		});
		if (!result.ok) redirect(303, '/login?redirectTo=%2Fmanage%2Fsetup');
		applySetCookie(event.cookies, result.setCookie);
		redirect(303, '/manage/setup');
	}
};
