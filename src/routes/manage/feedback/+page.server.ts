import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { parseForm } from '$lib/server/forms';
import {
	createFeedback,
	feedbackInput,
	feedbackOptions,
	listFeedback,
	loopDays
} from '$lib/server/feedback/feedback';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'edit');
	const d = db();
	const now = today();
	const state = event.url.searchParams.get('state') === 'closed' ? 'closed' : 'open';
	return {
		state,
		today: now,
		options: feedbackOptions(d),
		rows: listFeedback(d, { state })
			.slice(0, 100)
			.map((r) => ({ ...r, days: loopDays(r, now) }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = authorize(event, 'edit');
		const d = db();
		const parsed = parseForm(feedbackInput, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const options = feedbackOptions(d);
		const errors: Record<string, string[]> = {};
		if (!options.schools.some((s) => s.id === parsed.data.schoolId))
			errors.schoolId = ['Choose the school.'];
		if (!options.structures.some((s) => s.id === parsed.data.structureId)) {
			errors.structureId = ['Choose the structure.'];
		}
		if (parsed.data.reportedOn > today())
			errors.reportedOn = ['The report date cannot be in the future.'];
		if (Object.keys(errors).length) return fail(400, { values: parsed.values, errors });
		const id = createFeedback(d, { id: user.id, email: user.email }, parsed.data);
		redirect(303, `/manage/feedback/${id}?created=1`);
	}
};
