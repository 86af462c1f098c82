import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { createNotDoing } from '$lib/server/throughline/not-doing';
import { createAction } from '$lib/server/editor-actions';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return {};
};

export const actions: Actions = {
	create: createAction(createNotDoing, '/manage/not-doing')
};
