import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	redirect(307, `/present/${event.params.meetingId}/1`);
};
