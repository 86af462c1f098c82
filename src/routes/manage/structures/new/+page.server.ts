import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createStructure, schoolYearChoices } from '$lib/server/throughline/structures';
import { createAction } from '$lib/server/editor-actions';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { years: schoolYearChoices(db()) };
};

export const actions: Actions = {
	create: createAction(createStructure, '/manage/structures')
};
