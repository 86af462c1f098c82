import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listNotDoing } from '$lib/server/throughline/not-doing';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { items: listNotDoing(db()), saved: event.url.searchParams.get('saved') };
};
