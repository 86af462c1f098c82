import { error, fail } from '@sveltejs/kit';
import { publishAndFreeze } from '$lib/server/meetings/snapshots';
import type { Actions, PageServerLoad } from './$types';
import { authorize, can } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { getMeeting } from '$lib/server/meetings/meetings';
import { priorityTitle } from '$lib/server/meetings/board';
import { measuresOfPriority } from '$lib/server/meetings/evidence';
import {
	findUpdate,
	saveUpdate,
	shareUpdate,
	updateInput,
	versionsOf,
	WorkflowError
} from '$lib/server/meetings/updates';

function target(params: { id: string; priorityId: string }) {
	const meetingId = Number(params.id);
	const priorityId = Number(params.priorityId);
	const meeting = getMeeting(db(), meetingId);
	const priority = priorityTitle(db(), priorityId);
	if (!meeting || !priority) error(404, 'No such meeting or priority.');
	return { meeting, priority };
}

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'edit');
	const { meeting, priority } = target(event.params);
	const update = findUpdate(db(), priority.id, meeting.id);
	return {
		meeting,
		priority,
		versions: update ? versionsOf(db(), update.id) : [],
		measures: measuresOfPriority(db(), priority.id),
		canPublish: can(user, 'publish')
	};
};

const lists = ['evidenceMeasureIds'];

export const actions: Actions = {
	save: async (event) => {
		const user = authorize(event, 'edit');
		const { meeting, priority } = target(event.params);
		const parsed = parseForm(updateInput, await event.request.formData(), lists);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const allowed = new Set(measuresOfPriority(db(), priority.id).map((m) => m.id));
		if (parsed.data.evidenceMeasureIds.some((id) => !allowed.has(id))) {
			return fail(400, {
				values: parsed.values,
				errors: { evidenceMeasureIds: ["Choose evidence from this priority's measures."] }
			});
		}
		const saved = saveUpdate(
			db(),
			{ id: user.id, email: user.email },
			priority.id,
			meeting.id,
			parsed.data
		);
		return { done: `Version ${saved.version} was saved.` };
	},
	share: async (event) => {
		const user = authorize(event, 'edit');
		const { meeting, priority } = target(event.params);
		const update = findUpdate(db(), priority.id, meeting.id);
		if (!update) return fail(400, { workflow: 'Save the update before sharing it.' });
		try {
			shareUpdate(db(), { id: user.id, email: user.email }, update.id);
		} catch (e) {
			if (e instanceof WorkflowError) return fail(400, { workflow: e.message });
			throw e;
		}
		return { done: 'The update is shared with the board.' };
	},
	publish: async (event) => {
		const user = authorize(event, 'publish');
		const { meeting, priority } = target(event.params);
		const update = findUpdate(db(), priority.id, meeting.id);
		if (!update) return fail(400, { workflow: 'Save the update before publishing it.' });
		try {
			publishAndFreeze(db(), { id: user.id, email: user.email }, update.id);
		} catch (e) {
			if (e instanceof WorkflowError) return fail(400, { workflow: e.message });
			throw e;
		}
		return {
			done: 'The update is published: the public can read it now, and the meeting’s record is frozen as it reads now.'
		};
	}
};
