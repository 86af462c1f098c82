import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	deleteInitiative,
	getInitiative,
	schoolChoices,
	updateInitiative
} from '$lib/server/throughline/initiatives';
import { listPriorities } from '$lib/server/throughline/priorities';
import { deleteAction, updateAction } from '$lib/server/editor-actions';
import { historyOf } from '$lib/server/audit/history';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const initiative = getInitiative(db(), id);
	if (!initiative) error(404, 'There is no such initiative.');
	return {
		initiative,
		priorities: listPriorities(db()),
		schools: schoolChoices(db()),
		history: historyOf(db(), 'initiative', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: updateAction(updateInitiative, '/manage/initiatives', ['schoolIds']),
	delete: deleteAction(deleteInitiative, '/manage/initiatives', 'There is no such initiative.')
};
