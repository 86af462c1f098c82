import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createMeasure } from '$lib/server/throughline/measures';
import { listPriorities } from '$lib/server/throughline/priorities';
import { schoolYearChoices } from '$lib/server/throughline/structures';
import { createAction } from '$lib/server/editor-actions';
import { targetGroupChoices } from '$lib/server/student-groups';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return {
		priorities: listPriorities(db()),
		years: schoolYearChoices(db()),
		groups: targetGroupChoices(db()),
		priority: event.url.searchParams.get('priority') ?? ''
	};
};

export const actions: Actions = {
	create: createAction(createMeasure, '/manage/measures', [
		'targetYear',
		'targetValue',
		'targetGroup'
	])
};
