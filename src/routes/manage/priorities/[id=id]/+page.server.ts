import { error, fail, redirect } from '@sveltejs/kit';
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
import { keptBoardSignals, signalsAbout } from '$lib/server/views/signals';
import { recordPlanAsAdopted } from '$lib/server/priorities/plan-record';

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
	delete: deleteAction(deletePriority, '/manage/priorities', 'There is no such priority.'),
	recordPlan: async (event) => {
		const user = authorize(event, 'edit');
		const id = Number(event.params.id);
		const recorded = recordPlanAsAdopted(db(), { id: user.id, email: user.email }, id);
		if (!recorded.ok) return fail(400, { planError: recorded.errors.form[0] });
		redirect(303, `/manage/priorities/${id}?saved=plan`);
	}
};
