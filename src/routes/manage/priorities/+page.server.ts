import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listPriorities } from '$lib/server/throughline/priorities';
import { keptBoardSignals } from '$lib/server/views/signals';
import { priorityStatuses, type PriorityStatus } from '$lib/choices';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const s = event.url.searchParams.get('status') ?? '';
	const status = (priorityStatuses as readonly string[]).includes(s)
		? (s as PriorityStatus)
		: undefined;
	const signals = keptBoardSignals(db()).signals.filter((x) => x.key === 'priority-cap');
	return {
		priorities: listPriorities(db(), { status }),
		status: status ?? '',
		signals,
		saved: event.url.searchParams.get('saved')
	};
};
