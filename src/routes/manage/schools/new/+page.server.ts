import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createSchool, schoolTypeChoices } from '$lib/server/schools/manage';
import { formValues } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { types: schoolTypeChoices };
};

export const actions: Actions = {
	create: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = createSchool(db(), { id: user.id, email: user.email }, values);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/manage/schools/${saved.id}?saved=created`);
	}
};
