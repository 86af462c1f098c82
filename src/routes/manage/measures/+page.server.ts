import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listMeasures } from '$lib/server/throughline/measures';
import { listPriorities } from '$lib/server/throughline/priorities';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const p = event.url.searchParams;
	const priorityId = Number(p.get('priority')) || undefined;
	const k = p.get('kind');
	const kind = k === 'outcome' || k === 'implementation' ? k : undefined;
	return {
		measures: listMeasures(db(), { priorityId, kind }),
		priorities: listPriorities(db()),
		filter: { priority: priorityId ? String(priorityId) : '', kind: kind ?? '' },
		saved: p.get('saved')
	};
};
