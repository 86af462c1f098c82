import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { publicSummary } from '$lib/server/priorities/summary';

export const load: PageServerLoad = async () => {
	return { summary: publicSummary(db()) };
};
