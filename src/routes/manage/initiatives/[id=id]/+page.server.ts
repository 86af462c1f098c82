import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	deleteInitiative,
	getInitiative,
	schoolChoices,
	updateInitiative
} from '$lib/server/throughline/initiatives';
import { listPriorities } from '$lib/server/throughline/priorities';
import { formValues } from '$lib/server/forms';
import { historyOf } from '$lib/server/audit/history';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const initiative = getInitiative(db(), id);
	if (!initiative) error(404, 'There is no such initiative.');
	return {
		initiative,
		priorities: listPriorities(db()),
		schools: schoolChoices(db()),
		history: historyOf(db(), 'initiative', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData(), ['schoolIds']);
		const saved = updateInitiative(
			db(),
			{ id: user.id, email: user.email },
			Number(event.params.id),
			values
		);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/manage/initiatives/${saved.id}?saved=updated`);
	},
	delete: async (event) => {
		const user = authorize(event, 'edit');
		if (!deleteInitiative(db(), { id: user.id, email: user.email }, Number(event.params.id)))
			error(404, 'There is no such initiative.');
		redirect(303, '/manage/initiatives?saved=deleted');
	}
};
