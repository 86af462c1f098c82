import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { deleteNotDoing, getNotDoing, updateNotDoing } from '$lib/server/throughline/not-doing';
import { deleteAction, updateAction } from '$lib/server/editor-actions';
import { historyOf } from '$lib/server/audit/history';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const item = getNotDoing(db(), id);
	if (!item) error(404, 'There is no such decision.');
	return {
		item,
		history: historyOf(db(), 'not_doing', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: updateAction(updateNotDoing, '/manage/not-doing'),
	delete: deleteAction(deleteNotDoing, '/manage/not-doing', 'There is no such decision.')
};
