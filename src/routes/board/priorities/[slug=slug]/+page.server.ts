import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { priorityReview } from '$lib/server/views/priority-review';
import { forReader, keptBoardSignals } from '$lib/server/views/signals';
import { chartNotes } from '$lib/server/context/notes';
import { measureDates } from '$lib/server/context/dates';
import { areaFiguresOf } from '$lib/server/context/area';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'board');
	const store = db();
	const review = priorityReview(store, event.params.slug, keptBoardSignals(store));
	if (!review)
		error(
			404,
			`There is no priority at “${event.params.slug}”. It may have been renamed, or the link mistyped.`
		);
	return {
		review: { ...review, signals: forReader(review.signals, user) },
		// The board reads internal notes too (marked as such on the chart).
		notes: chartNotes(store, { priorityId: review.priority.id }, { internal: true }),
		areas: areaFiguresOf(
			store,
			review.measures.map((x) => x.id)
		),
		dates: measureDates(
			store,
			review.measures.map((x) => x.id)
		)
	};
};
