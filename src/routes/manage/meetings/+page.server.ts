import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseForm, invalid } from '$lib/server/forms';
import { createMeeting, meetingInput, timeSharePerMeeting } from '$lib/server/meetings/meetings';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'edit');
	return { meetings: timeSharePerMeeting(db()).reverse() };
};

export const actions: Actions = {
	create: async (event) => {
		const user = authorize(event, 'edit');
		const parsed = parseForm(meetingInput, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const id = createMeeting(db(), { id: user.id, email: user.email }, parsed.data);
		redirect(303, `/manage/meetings/${id}`);
	}
};
