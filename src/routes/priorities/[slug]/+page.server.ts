import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { priorityPage } from '$lib/server/priorities/summary';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = priorityPage(db(), params.slug);
	if (!page) error(404, 'No priority with that name.');
	const sort = url.searchParams.get('sort') === 'result' ? 'result' : 'name';
	const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc';
	return { page, sort, dir } as const;
};
