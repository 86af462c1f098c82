import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { createSchool, schoolTypeChoices } from '$lib/server/schools/manage';
import { createAction } from '$lib/server/editor-actions';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { types: schoolTypeChoices };
};

export const actions: Actions = {
	create: createAction(createSchool, '/manage/schools')
};
