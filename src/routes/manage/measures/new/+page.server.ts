import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createMeasure } from '$lib/server/throughline/measures';
import { listPriorities } from '$lib/server/throughline/priorities';
import { schoolYearChoices } from '$lib/server/throughline/structures';
import { formValues } from '$lib/server/forms';
import { targetGroupChoices } from '$lib/server/student-groups';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return {
		priorities: listPriorities(db()),
		years: schoolYearChoices(db()),
		groups: targetGroupChoices(db()),
		priority: event.url.searchParams.get('priority') ?? ''
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData(), [
			'targetYear',
			'targetValue',
			'targetGroup'
		]);
		const saved = createMeasure(db(), { id: user.id, email: user.email }, values);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/manage/measures/${saved.id}?saved=created`);
	}
};
