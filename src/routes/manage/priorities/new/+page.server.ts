import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createPriority, meetingChoices } from '$lib/server/throughline/priorities';
import { createAction } from '$lib/server/editor-actions';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { meetings: meetingChoices(db()) };
};

export const actions: Actions = {
	create: createAction(createPriority, '/manage/priorities')
};
