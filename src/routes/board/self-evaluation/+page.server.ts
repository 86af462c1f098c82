import type { Actions, PageServerLoad } from './$types';
import { authorize, can, type SessionUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/forms';
import { today } from '$lib/server/clock';
import { currentStartYear, schoolYearLabel, startYearOfLabel } from '$lib/school-year';
import { memberOfAccount } from '$lib/server/board-record/evaluation';
import {
	addItem,
	adoptSelfGoals,
	listItems,
	loadExampleInstrument,
	ownRatings,
	rateBoard,
	selfEvaluationSpread,
	selfGoalsOf,
	selfScale
} from '$lib/server/board-record/self-evaluation';
import type { Db } from '$lib/server/db';

function yearOf(url: URL): string {
	const asked = url.searchParams.get('year') ?? '';
	return startYearOfLabel(asked) !== null ? asked : schoolYearLabel(currentStartYear(today()));
}

/** Who rates: the superintendent, or the member the board account is linked to. */
function raterOf(database: Db, user: SessionUser): string | null {
	if (user.role === 'superintendent') return 'superintendent';
	const member = memberOfAccount(database, user.id);
	return member ? `member:${member.id}` : null;
}

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'board');
	const database = db();
	const year = yearOf(event.url);
	const current = currentStartYear(today());
	const rater = can(user, 'selfRate') ? raterOf(database, user) : null;
	return {
		year,
		years: [0, 1, 2, 3, 4].map((back) => schoolYearLabel(current - back)),
		items: listItems(database),
		spread: selfEvaluationSpread(database, year),
		goals: selfGoalsOf(database, year),
		canRate: can(user, 'selfRate'),
		rater: rater !== null,
		mine: rater ? ownRatings(database, rater, year) : {},
		canKeep: can(user, 'evaluate'),
		scale: selfScale,
		today: today()
	};
};

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export const actions: Actions = {
	example: async (event) => {
		const user = authorize(event, 'evaluate');
		const saved = loadExampleInstrument(db(), actor(user));
		if (!saved.ok) return invalid({}, saved.errors, 'item');
		return { done: 'The example instrument is loaded: edit it to the board’s own.' };
	},
	item: async (event) => {
		const user = authorize(event, 'evaluate');
		const values = formValues(await event.request.formData());
		const saved = addItem(db(), actor(user), values);
		if (!saved.ok) return invalid(values, saved.errors, 'item');
		return { done: 'The item was added.' };
	},
	rate: async (event) => {
		const user = authorize(event, 'selfRate');
		const database = db();
		const values = formValues(await event.request.formData());
		const rater = raterOf(database, user);
		if (!rater)
			return invalid(
				values,
				{
					form: [
						'Your account is not linked to a board member: an administrator links it on the Board members page.'
					]
				},
				'rate'
			);
		const saved = rateBoard(database, actor(user), rater, yearOf(event.url), values);
		if (!saved.ok) return invalid(values, saved.errors, 'rate');
		return { done: 'Your ratings were saved. The board sees only the spread.' };
	},
	goals: async (event) => {
		const user = authorize(event, 'evaluate');
		const values = formValues(await event.request.formData());
		const saved = adoptSelfGoals(db(), actor(user), yearOf(event.url), values);
		if (!saved.ok) return invalid(values, saved.errors, 'goals');
		return { done: 'The board’s goals for itself are on record.' };
	}
};
