import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listPolicies } from '$lib/server/throughline/policies';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	const unlinked = event.url.searchParams.get('unlinked') === 'on';
	const policies = listPolicies(db(), { q }).filter((p) => !unlinked || p.structureCount === 0);
	return { policies, q, unlinked, saved: event.url.searchParams.get('saved') };
};
