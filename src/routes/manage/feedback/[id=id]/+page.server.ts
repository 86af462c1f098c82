import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { parseForm, invalid } from '$lib/server/forms';
import {
	closeLoop,
	deleteFeedback,
	feedbackInput,
	feedbackOptions,
	getFeedback,
	LoopError,
	loopDays,
	reopenLoop,
	responseInput,
	updateFeedback
} from '$lib/server/feedback/feedback';

function itemOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const id = Number(event.params.id);
	const item = getFeedback(db(), id);
	if (!item) error(404, 'No such feedback.');
	return item;
}

export const load: PageServerLoad = async (event) => {
	authorize(event, 'edit');
	const item = itemOf(event);
	return {
		item,
		today: today(),
		days: loopDays(item, today()),
		created: event.url.searchParams.has('created'),
		options: feedbackOptions(db())
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = authorize(event, 'edit');
		const item = itemOf(event);
		const parsed = parseForm(feedbackInput, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, 'edit');
		const options = feedbackOptions(db());
		const errors: Record<string, string[]> = {};
		if (!options.schools.some((s) => s.id === parsed.data.schoolId))
			errors.schoolId = ['Choose the school.'];
		if (!options.structures.some((s) => s.id === parsed.data.structureId)) {
			errors.structureId = ['Choose the structure.'];
		}
		if (item.respondedOn && parsed.data.reportedOn > item.respondedOn) {
			errors.reportedOn = ['The report cannot come after the district responded.'];
		}
		if (Object.keys(errors).length) return invalid(parsed.values, errors, 'edit');
		updateFeedback(db(), { id: user.id, email: user.email }, item.id, parsed.data);
		return { done: 'The feedback was saved.' };
	},
	close: async (event) => {
		const user = authorize(event, 'edit');
		const item = itemOf(event);
		const parsed = parseForm(responseInput, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, 'close');
		if (parsed.data.respondedOn > today()) {
			return invalid(
				parsed.values,
				{ respondedOn: ['The response date cannot be in the future.'] },
				'close'
			);
		}
		try {
			closeLoop(db(), { id: user.id, email: user.email }, item.id, parsed.data);
		} catch (e) {
			if (e instanceof LoopError) {
				return invalid(parsed.values, { respondedOn: [e.message] }, 'close');
			}
			throw e;
		}
		return { done: 'The loop is closed.' };
	},
	reopen: async (event) => {
		const user = authorize(event, 'edit');
		const item = itemOf(event);
		reopenLoop(db(), { id: user.id, email: user.email }, item.id);
		return { done: 'The loop is open again.' };
	},
	delete: async (event) => {
		const user = authorize(event, 'edit');
		const item = itemOf(event);
		deleteFeedback(db(), { id: user.id, email: user.email }, item.id);
		redirect(303, '/manage/feedback');
	}
};
