import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	deletePolicy,
	getPolicy,
	structuresOfPolicy,
	updatePolicy
} from '$lib/server/throughline/policies';
import { deleteAction, updateAction } from '$lib/server/editor-actions';
import { historyOf } from '$lib/server/audit/history';
import { forReader, keptBoardSignals, signalsAbout } from '$lib/server/views/signals';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const policy = getPolicy(db(), id);
	if (!policy) error(404, 'There is no such policy.');
	return {
		policy,
		structures: structuresOfPolicy(db(), id),
		signals: forReader(
			signalsAbout(keptBoardSignals(db()).signals, 'policy', id),
			event.locals.user
		),
		history: historyOf(db(), 'policy', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: updateAction(updatePolicy, '/manage/policies'),
	delete: deleteAction(deletePolicy, '/manage/policies', 'There is no such policy.')
};
