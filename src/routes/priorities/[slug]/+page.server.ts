import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { priorityPage } from '$lib/server/priorities/summary';
import { carriersOfPriority } from '$lib/server/throughline/carriers';

export const load: PageServerLoad = async ({ params, url }) => {
	const store = db();
	const page = priorityPage(store, params.slug);
	if (!page) error(404, m.error_no_priority());
	// The structures that carry the priority and the policies behind them: public facts only.
	const carriers = carriersOfPriority(store, page.priority.id);
	const sort = url.searchParams.get('sort') === 'result' ? 'result' : 'name';
	const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc';
	return { page, carriers, sort, dir } as const;
};
