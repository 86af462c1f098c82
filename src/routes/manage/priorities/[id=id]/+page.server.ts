import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	deletePriority,
	getPriority,
	meetingChoices,
	updatePriority
} from '$lib/server/throughline/priorities';
import { listStructures } from '$lib/server/throughline/structures';
import { listMeasures } from '$lib/server/throughline/measures';
import { deleteAction, updateAction } from '$lib/server/editor-actions';
import { historyOf } from '$lib/server/audit/history';
import { keptBoardSignals, signalsAbout } from '$lib/server/signals';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const priority = getPriority(db(), id);
	if (!priority) error(404, 'There is no such priority.');
	return {
		priority,
		meetings: meetingChoices(db()),
		structures: listStructures(db(), { priorityId: id }),
		measures: listMeasures(db(), { priorityId: id }),
		signals: signalsAbout(keptBoardSignals(db()).signals, 'priority', id),
		history: historyOf(db(), 'priority', id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: updateAction(updatePriority, '/manage/priorities'),
	delete: deleteAction(deletePriority, '/manage/priorities', 'There is no such priority.')
};
