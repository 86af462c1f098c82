import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/forms';
import { midYearReport, setMidYearMeeting, setMidYearStatuses } from '$lib/server/lcap/mid-year';
import { meetingChoices } from '$lib/server/lcap/preview';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const report = midYearReport(db(), Number(event.params.id));
	if (!report) error(404, 'No such mid-year report.');
	return { report, meetings: meetingChoices(db()) };
};

export const actions: Actions = {
	meeting: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = setMidYearMeeting(
			db(),
			{ id: user.id, email: user.email },
			Number(event.params.id),
			values
		);
		if (!saved.ok) return invalid(values, saved.errors, 'meeting');
		redirect(303, `/manage/lcap/mid-year/${event.params.id}?saved=meeting`);
	},
	statuses: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = setMidYearStatuses(
			db(),
			{ id: user.id, email: user.email },
			Number(event.params.id),
			values
		);
		if (!saved.ok) return invalid(values, saved.errors, 'statuses');
		redirect(303, `/manage/lcap/mid-year/${event.params.id}?saved=statuses`);
	}
};
