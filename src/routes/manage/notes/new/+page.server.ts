import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createNote, noteChoices } from '$lib/server/context/notes';
import { createAction } from '$lib/server/editor-actions';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { choices: noteChoices(db()) };
};

export const actions: Actions = {
	create: createAction(createNote, '/manage/notes')
};
