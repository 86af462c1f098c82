import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { idParam } from '$lib/server/meetings/form';
import { presentation, type PrioritySlide } from '$lib/server/meetings/presentation';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const id = idParam(event.params.id);
	const deck = id === null ? null : presentation(db(), id);
	if (!deck || id === null) error(404, 'No such meeting.');
	return {
		meetingId: id,
		district: deck.district,
		meeting: deck.meeting,
		pages: deck.slides.filter((s): s is PrioritySlide => s.kind === 'priority')
	};
};
