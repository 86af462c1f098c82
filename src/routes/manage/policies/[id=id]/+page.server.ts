import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	deletePolicy,
	getPolicy,
	structuresOfPolicy,
	updatePolicy
} from '$lib/server/throughline/policies';
import { formValues } from '$lib/server/forms';
import { historyOf } from '$lib/server/audit/history';
import { forReader, keptBoardSignals, signalsAbout } from '$lib/server/signals';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const policy = getPolicy(db(), id);
	if (!policy) error(404, 'There is no such policy.');
	return {
		policy,
		structures: structuresOfPolicy(db(), id),
		signals: forReader(
			signalsAbout(keptBoardSignals(db()).signals, 'policy', id),
			event.locals.user
		),
		history: historyOf(db(), 'policy', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = updatePolicy(
			db(),
			{ id: user.id, email: user.email },
			Number(event.params.id),
			values
		);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/manage/policies/${saved.id}?saved=updated`);
	},
	delete: async (event) => {
		const user = authorize(event, 'edit');
		if (!deletePolicy(db(), { id: user.id, email: user.email }, Number(event.params.id)))
			error(404, 'There is no such policy.');
		redirect(303, '/manage/policies?saved=deleted');
	}
};
