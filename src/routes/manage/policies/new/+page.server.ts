import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { createPolicy } from '$lib/server/throughline/policies';
import { createAction } from '$lib/server/editor-actions';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return {};
};

export const actions: Actions = {
	create: createAction(createPolicy, '/manage/policies')
};
