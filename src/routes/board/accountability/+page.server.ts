import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { accountabilityView } from '$lib/server/accountability/overview';

export const load: PageServerLoad = (event) => {
	authorize(event, 'board');
	return { view: accountabilityView(db(), 'board') };
};
