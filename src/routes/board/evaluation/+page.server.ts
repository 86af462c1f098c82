import type { Actions, PageServerLoad } from './$types';
import { authorize, can } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/forms';
import { today } from '$lib/server/clock';
import { currentStartYear, schoolYearLabel, startYearOfLabel } from '$lib/school-year';
import { dispositionValues } from '$lib/server/board-record/dispositions';
import { seatedOn } from '$lib/server/board-record/members';
import {
	adoptEvaluation,
	adoptedEvaluations,
	evaluationDraft,
	evaluationOf,
	memberOfAccount,
	rateSuperintendent,
	ratingScale,
	ratingsForTheBoard,
	saveConclusions
} from '$lib/server/board-record/evaluation';

function yearOf(url: URL): string {
	const asked = url.searchParams.get('year') ?? '';
	return startYearOfLabel(asked) !== null ? asked : schoolYearLabel(currentStartYear(today()));
}

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'board');
	const database = db();
	const year = yearOf(event.url);
	const current = currentStartYear(today());
	// Conclusions before adoption, goals and ratings are the board's closed-session material:
	// loaded only for a board member, so no other role's page or __data.json ever holds them.
	const theBoard = can(user, 'evaluate');
	const evaluation = evaluationOf(database, year);
	const adopted = adoptedEvaluations(database).find((e) => e.schoolYear === year) ?? null;
	return {
		year,
		years: [0, 1, 2, 3, 4].map((back) => schoolYearLabel(current - back)),
		draft: evaluationDraft(database, year),
		adopted,
		theBoard,
		board: theBoard
			? {
					conclusions: evaluation?.conclusions ?? '',
					goals: evaluation?.goals ?? '',
					ratings: ratingsForTheBoard(database, year),
					me: memberOfAccount(database, user.id)?.id ?? null,
					seated: seatedOn(database, today()).map((m) => ({ id: m.id, name: m.name, seat: m.seat }))
				}
			: null,
		scale: ratingScale,
		today: today()
	};
};

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export const actions: Actions = {
	conclusions: async (event) => {
		const user = authorize(event, 'evaluate');
		const values = formValues(await event.request.formData());
		const saved = saveConclusions(db(), actor(user), yearOf(event.url), values);
		if (!saved.ok) return invalid(values, saved.errors, 'conclusions');
		return { done: 'The conclusions and goals were saved.' };
	},
	rate: async (event) => {
		const user = authorize(event, 'evaluate');
		const values = formValues(await event.request.formData());
		const saved = rateSuperintendent(db(), actor(user), yearOf(event.url), values);
		if (!saved.ok) return invalid(values, saved.errors, `rate-${values.priorityId}`);
		return { done: 'Your rating was saved. Only the board reads it.' };
	},
	adopt: async (event) => {
		const user = authorize(event, 'evaluate');
		const values = formValues(await event.request.formData());
		const saved = adoptEvaluation(
			db(),
			actor(user),
			yearOf(event.url),
			dispositionValues(values),
			today()
		);
		if (!saved.ok) return invalid(values, saved.errors, 'adopt');
		return { done: 'The board adopted the evaluation: its summary and vote are public.' };
	}
};
