import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createInitiative, schoolChoices } from '$lib/server/throughline/initiatives';
import { listPriorities } from '$lib/server/throughline/priorities';
import { createAction } from '$lib/server/editor-actions';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { priorities: listPriorities(db()), schools: schoolChoices(db()) };
};

export const actions: Actions = {
	create: createAction(createInitiative, '/manage/initiatives', ['schoolIds'])
};
