import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { publicLcap } from '$lib/server/lcap/public';

// Read, not used: the public page ships no JavaScript (the search is a GET form).
export const csr = false;

export const load: PageServerLoad = ({ url }) => {
	const year = url.searchParams.get('year');
	return {
		lcap: publicLcap(
			db(),
			year && /^\d{4}-\d{2}$/.test(year) ? year : null,
			url.searchParams.get('q') ?? ''
		)
	};
};
