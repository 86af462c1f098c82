import { error, fail, redirect } from '@sveltejs/kit';
import { idOf } from '$lib/params';
import { text } from '$lib/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import {
	addAgendaItem,
	checkedAgendaItem,
	checkedDuePriorities,
	agendaOf,
	deleteAgendaItem,
	deleteMeeting,
	MeetingOnRecordError,
	duePriorityIds,
	getMeeting,
	meetingInput,
	priorityOptions,
	setDuePriorities,
	timeShareOf,
	updateAgendaItem,
	updateMeeting
} from '$lib/server/meetings/meetings';
import { updatesOfMeeting } from '$lib/server/meetings/updates';

function meetingOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const id = Number(event.params.id);
	const meeting = getMeeting(db(), id);
	if (!meeting) error(404, 'No such meeting.');
	return meeting;
}

export const load: PageServerLoad = async (event) => {
	authorize(event, 'edit');
	const meeting = meetingOf(event);
	const d = db();
	const agenda = agendaOf(d, meeting.id);
	const updates = updatesOfMeeting(d, meeting.id);
	return {
		meeting,
		agenda,
		share: timeShareOf(agenda),
		priorities: priorityOptions(d),
		due: duePriorityIds(d, meeting.id),
		updates: updates.map((u) => ({
			priorityId: u.priorityId,
			version: u.versions[0]?.version ?? 0,
			state: u.versions[0]?.state ?? 'draft',
			published: u.versions.some((v) => v.state === 'published')
		}))
	};
};

export const actions: Actions = {
	update: async (event) => {
		const user = authorize(event, 'edit');
		const meeting = meetingOf(event);
		const parsed = parseForm(meetingInput, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, 'meeting');
		updateMeeting(db(), { id: user.id, email: user.email }, meeting.id, parsed.data);
		return { done: 'The meeting was saved.' };
	},
	delete: async (event) => {
		const user = authorize(event, 'edit');
		const meeting = meetingOf(event);
		try {
			deleteMeeting(db(), { id: user.id, email: user.email }, meeting.id);
		} catch (e) {
			if (e instanceof MeetingOnRecordError) return fail(409, { refused: e.message });
			throw e;
		}
		redirect(303, '/manage/meetings');
	},
	addItem: async (event) => {
		const user = authorize(event, 'edit');
		const meeting = meetingOf(event);
		const values = formValues(await event.request.formData());
		const parsed = checkedAgendaItem(db(), values);
		if (!parsed.ok) return invalid(values, parsed.errors, 'item-new');
		addAgendaItem(db(), { id: user.id, email: user.email }, meeting.id, parsed.data);
		return { done: 'The agenda item was added.' };
	},
	updateItem: async (event) => {
		const user = authorize(event, 'edit');
		const meeting = meetingOf(event);
		const values = formValues(await event.request.formData());
		const itemId = idOf(text(values, 'id'));
		if (itemId === null) error(400, 'Missing agenda item.');
		const parsed = checkedAgendaItem(db(), values);
		if (!parsed.ok) return invalid(values, parsed.errors, `item-${itemId}`);
		if (
			!updateAgendaItem(db(), { id: user.id, email: user.email }, meeting.id, itemId, parsed.data)
		) {
			error(404, 'No such agenda item.');
		}
		return { done: 'The agenda item was saved.' };
	},
	deleteItem: async (event) => {
		const user = authorize(event, 'edit');
		const meeting = meetingOf(event);
		const itemId = idOf((await event.request.formData()).get('id'));
		if (itemId === null) error(400, 'Missing agenda item.');
		if (!deleteAgendaItem(db(), { id: user.id, email: user.email }, meeting.id, itemId)) {
			error(404, 'No such agenda item.');
		}
		return { done: 'The agenda item was deleted.' };
	},
	setDue: async (event) => {
		const user = authorize(event, 'edit');
		const meeting = meetingOf(event);
		const values = formValues(await event.request.formData(), ['priorityIds']);
		const parsed = checkedDuePriorities(db(), values);
		if (!parsed.ok) return invalid(values, parsed.errors, 'due');
		setDuePriorities(db(), { id: user.id, email: user.email }, meeting.id, parsed.data);
		return { done: 'The monitoring calendar was saved.' };
	}
};
