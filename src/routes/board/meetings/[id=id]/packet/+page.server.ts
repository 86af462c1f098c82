import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import type { PrioritySlide } from '$lib/server/meetings/presentation';
import { deckForReader } from '$lib/server/meetings/snapshots';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const id = Number(event.params.id);
	const shown = deckForReader(db(), id, event.url.searchParams.has('live'));
	if (!shown) error(404, 'No such meeting.');
	const { deck } = shown;
	return {
		meetingId: id,
		district: deck.district,
		meeting: deck.meeting,
		pages: deck.slides.filter((s): s is PrioritySlide => s.kind === 'priority'),
		frozenAt: shown.frozenAt,
		live: shown.live,
		changes: shown.changes
	};
};
