import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	deleteMeasure,
	getMeasure,
	inAdoptedPlan,
	updateMeasure
} from '$lib/server/throughline/measures';
import { listPriorities } from '$lib/server/throughline/priorities';
import { schoolYearChoices } from '$lib/server/throughline/structures';
import { formValues } from '$lib/server/forms';
import { updateAction } from '$lib/server/editor-actions';
import { targetGroupChoices } from '$lib/server/student-groups';
import { historyOf } from '$lib/server/audit/history';
import { forReader, keptBoardSignals, signalsAbout } from '$lib/server/views/signals';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const measure = getMeasure(db(), id);
	if (!measure) error(404, 'There is no such measure.');
	const { targets, ...fields } = measure;
	return {
		measure: {
			...fields,
			targetYear: targets.map((t) => t.label),
			targetValue: targets.map((t) => String(t.value)),
			targetGroup: targets.map((t) => t.studentGroup)
		},
		priorities: listPriorities(db()),
		years: schoolYearChoices(db()),
		groups: targetGroupChoices(db()),
		signals: forReader(
			signalsAbout(keptBoardSignals(db()).signals, 'measure', id),
			event.locals.user
		),
		history: historyOf(db(), 'measure', id),
		inAdoptedPlan: inAdoptedPlan(db(), id),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: updateAction(updateMeasure, '/manage/measures', [
		'targetYear',
		'targetValue',
		'targetGroup'
	]),
	delete: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const deleted = deleteMeasure(
			db(),
			{ id: user.id, email: user.email },
			Number(event.params.id),
			values
		);
		if (deleted === false) error(404, 'There is no such measure.');
		if (deleted !== true) return fail(400, { deleting: { values, errors: deleted.errors } });
		redirect(303, '/manage/measures?saved=deleted');
	}
};
