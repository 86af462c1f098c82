import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createPolicy } from '$lib/server/throughline/policies';
import { formValues } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return {};
};

export const actions: Actions = {
	create: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = createPolicy(db(), { id: user.id, email: user.email }, values);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/manage/policies/${saved.id}?saved=created`);
	}
};
