import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { schoolOf } from '../school.server';
import { db } from '$lib/server/db';
import {
	excludeSchool,
	includeSchool,
	schoolTypeChoices,
	updateSchool
} from '$lib/server/schools/manage';
import { currentPrincipal } from '$lib/server/schools/queries';
import { formValues, invalid } from '$lib/server/forms';
import { historyOf } from '$lib/server/audit/history';
import { today } from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const school = schoolOf(event.params.id);
	return {
		school,
		principal: currentPrincipal(db(), school.id),
		types: schoolTypeChoices,
		history: historyOf(db(), 'school', school.id),
		saved: event.url.searchParams.get('saved'),
		mergedFrom:
			event.url.searchParams.get('saved') === 'merged'
				? (event.url.searchParams.get('from') ?? '').slice(0, 300)
				: null
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = authorize(event, 'edit');
		const school = schoolOf(event.params.id);
		const values = formValues(await event.request.formData());
		const saved = updateSchool(db(), { id: user.id, email: user.email }, school.id, values);
		if (!saved.ok) return invalid(values, saved.errors);
		redirect(303, `/manage/schools/${saved.id}?saved=updated`);
	},
	exclude: async (event) => {
		const user = authorize(event, 'edit');
		const school = schoolOf(event.params.id);
		const values = formValues(await event.request.formData());
		const saved = excludeSchool(
			db(),
			{ id: user.id, email: user.email },
			school.id,
			values,
			today()
		);
		if (!saved.ok) return invalid(values, saved.errors, 'exclusion');
		redirect(303, `/manage/schools/${school.id}?saved=excluded`);
	},
	include: async (event) => {
		const user = authorize(event, 'edit');
		const school = schoolOf(event.params.id);
		includeSchool(db(), { id: user.id, email: user.email }, school.id);
		redirect(303, `/manage/schools/${school.id}?saved=included`);
	}
};
