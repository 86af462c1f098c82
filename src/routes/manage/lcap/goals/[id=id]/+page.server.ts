import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid, type FormValues, type Saved } from '$lib/server/forms';
import type { Actor } from '$lib/server/audit';
import { crosswalkChoices, goalWithParts } from '$lib/server/lcap/queries';
import {
	setActionStructure,
	setGoalPriorities,
	setMetricMeasure
} from '$lib/server/lcap/crosswalk';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const parts = goalWithParts(db(), Number(event.params.id));
	if (!parts) error(404, 'No such LCAP goal.');
	return { ...parts, choices: crosswalkChoices(db()) };
};

/** One crosswalk form: its values through the domain function, then the goal's page again. */
function link(
	name: string,
	save: (actor: Actor, goalId: number, values: FormValues) => Saved,
	lists: string[] = []
) {
	return async (event: RequestEvent) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData(), lists);
		const saved = save({ id: user.id, email: user.email }, Number(event.params.id), values);
		if (!saved.ok) return invalid(values, saved.errors, name);
		redirect(303, `/manage/lcap/goals/${event.params.id}?saved=${name}`);
	};
}

export const actions: Actions = {
	priorities: link('priorities', (a, id, v) => setGoalPriorities(db(), a, id, v), ['priorityIds']),
	structure: link('structure', (a, _id, v) => setActionStructure(db(), a, v)),
	measure: link('measure', (a, _id, v) => setMetricMeasure(db(), a, v))
};
