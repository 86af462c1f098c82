import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { deckForReader } from '$lib/server/meetings/snapshots';
import { speakerNotesOf } from '$lib/server/meetings/updates';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const meetingId = Number(event.params.meetingId);
	const live = event.url.searchParams.has('live');
	// ?presenter: the second window, with the next slide, speaker notes and a clock.
	const presenter = event.url.searchParams.has('presenter');
	const shown = deckForReader(db(), meetingId, live);
	if (!shown) error(404, 'No such meeting.');
	const { deck } = shown;
	// /present/[meetingId] is the first slide; each slide has its own URL.
	const n = event.params.slide === undefined ? 1 : Number(event.params.slide);
	const total = deck.slides.length;
	const query = [live && 'live', presenter && 'presenter'].filter(Boolean).join('&');
	const q = query ? `?${query}` : '';
	if (n === null || n < 1) redirect(307, `/present/${meetingId}/1${q}`);
	if (n > total) redirect(307, `/present/${meetingId}/${total}${q}`);
	const slide = deck.slides[n - 1];
	return {
		meetingId,
		n,
		total,
		slide,
		heldOn: deck.meeting.heldOn,
		frozenAt: shown.frozenAt,
		live: shown.live,
		presenter,
		next: presenter ? (deck.slides[n] ?? null) : null,
		// Notes are read live, for the version the slide shows: the deck (the record) holds none.
		notes:
			presenter && slide.kind === 'priority' && slide.update
				? speakerNotesOf(db(), meetingId, slide.priorityId, slide.update.version)
				: ''
	};
};
