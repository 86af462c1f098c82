import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { idParam } from '$lib/server/meetings/form';
import { presentation } from '$lib/server/meetings/presentation';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const meetingId = idParam(event.params.meetingId);
	const deck = meetingId === null ? null : presentation(db(), meetingId);
	if (!deck || meetingId === null) error(404, 'No such meeting.');
	// /present/[meetingId] is the first slide; each slide has its own URL.
	const n = event.params.slide === undefined ? 1 : idParam(event.params.slide);
	const total = deck.slides.length;
	if (n === null || n < 1) redirect(307, `/present/${meetingId}/1`);
	if (n > total) redirect(307, `/present/${meetingId}/${total}`);
	return { meetingId, n, total, slide: deck.slides[n - 1] };
};
