import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { deleteNotDoing, getNotDoing, updateNotDoing } from '$lib/server/throughline/not-doing';
import { formValues } from '$lib/server/forms';
import { historyOf } from '$lib/server/audit/history';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const item = getNotDoing(db(), id);
	if (!item) error(404, 'There is no such decision.');
	return {
		item,
		history: historyOf(db(), 'not_doing', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = updateNotDoing(
			db(),
			{ id: user.id, email: user.email },
			Number(event.params.id),
			values
		);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/manage/not-doing/${saved.id}?saved=updated`);
	},
	delete: async (event) => {
		const user = authorize(event, 'edit');
		if (!deleteNotDoing(db(), { id: user.id, email: user.email }, Number(event.params.id)))
			error(404, 'There is no such decision.');
		redirect(303, '/manage/not-doing?saved=deleted');
	}
};
