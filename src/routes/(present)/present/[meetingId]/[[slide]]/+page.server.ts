import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { idParam } from '$lib/server/meetings/form';
import { deckForReader } from '$lib/server/meetings/snapshots';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const meetingId = idParam(event.params.meetingId);
	const live = event.url.searchParams.has('live');
	const shown = meetingId === null ? null : deckForReader(db(), meetingId, live);
	if (!shown || meetingId === null) error(404, 'No such meeting.');
	const { deck } = shown;
	// /present/[meetingId] is the first slide; each slide has its own URL.
	const n = event.params.slide === undefined ? 1 : idParam(event.params.slide);
	const total = deck.slides.length;
	const query = live ? '?live' : '';
	if (n === null || n < 1) redirect(307, `/present/${meetingId}/1${query}`);
	if (n > total) redirect(307, `/present/${meetingId}/${total}${query}`);
	return {
		meetingId,
		n,
		total,
		slide: deck.slides[n - 1],
		heldOn: deck.meeting.heldOn,
		frozenAt: shown.frozenAt,
		live: shown.live
	};
};
