import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { deleteNote, getNote, noteChoices, updateNote } from '$lib/server/context/notes';
import { deleteAction, updateAction } from '$lib/server/editor-actions';
import { historyOf } from '$lib/server/audit/history';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const note = getNote(db(), id);
	if (!note) error(404, 'There is no such note.');
	return {
		note,
		choices: noteChoices(db()),
		history: historyOf(db(), 'event_note', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: updateAction(updateNote, '/manage/notes'),
	delete: deleteAction(deleteNote, '/manage/notes', 'There is no such note.')
};
