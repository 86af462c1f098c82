import { fail, redirect } from '@sveltejs/kit';
import { errorsOf } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { AccountError, createUser, listAccounts } from '$lib/server/auth';
import { createAccountSchema } from '$lib/server/auth/forms';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'admin');
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	return { q, accounts: listAccounts(db(), q), created: event.url.searchParams.get('created') };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = authorize(event, 'admin');
		const form = Object.fromEntries(await event.request.formData());
		const values = {
			name: String(form.name ?? ''),
			email: String(form.email ?? ''),
			role: String(form.role ?? '')
		};
		const parsed = createAccountSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: errorsOf(parsed.error) });
		try {
			await createUser(db(), parsed.data, { id: admin.id, email: admin.email });
		} catch (e) {
			if (e instanceof AccountError)
				return fail(400, { values, errors: { [e.field ?? 'email']: [e.message] } });
			throw e;
		}
		redirect(303, `/admin/users?created=${encodeURIComponent(parsed.data.email)}`);
	}
};
