import type { PageServerLoad } from './$types';
import { keptBoardSignals } from '$lib/server/views/signals';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	initiativeLoad,
	listInitiatives,
	schoolChoices
} from '$lib/server/throughline/initiatives';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const p = event.url.searchParams;
	const schoolId = Number(p.get('school')) || undefined;
	const state = p.get('state') ?? '';
	const active = state === 'active' ? true : state === 'inactive' ? false : undefined;
	return {
		initiatives: listInitiatives(db(), { schoolId, active }),
		schools: schoolChoices(db()),
		load: initiativeLoad(db()),
		limit: keptBoardSignals(db()).context.settings.initiativeLimit,
		filter: { school: schoolId ? String(schoolId) : '', state },
		saved: p.get('saved')
	};
};
