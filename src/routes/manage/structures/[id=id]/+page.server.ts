import { error, redirect } from '@sveltejs/kit';
import { idOf } from '$lib/params';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	deleteStructure,
	getStructure,
	linkPolicy,
	schoolYearChoices,
	setStructurePriorities,
	structureLinks,
	unlinkPolicy,
	updateStructure
} from '$lib/server/throughline/structures';
import { listPolicies } from '$lib/server/throughline/policies';
import { listPriorities } from '$lib/server/throughline/priorities';
import { formValues, invalid } from '$lib/server/forms';
import { deleteAction, updateAction } from '$lib/server/editor-actions';
import { historyOf } from '$lib/server/audit/history';
import { forReader, keptBoardSignals, signalsAbout } from '$lib/server/views/signals';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const id = Number(event.params.id);
	const structure = getStructure(db(), id);
	if (!structure) error(404, 'There is no such structure.');
	return {
		structure,
		links: structureLinks(db(), id),
		policies: listPolicies(db()).map((p) => ({
			id: p.id,
			label: `${p.kind} ${p.number} ${p.title}`
		})),
		priorities: listPriorities(db()).map((p) => ({ id: p.id, title: p.title, status: p.status })),
		years: schoolYearChoices(db()),
		signals: forReader(
			signalsAbout(keptBoardSignals(db()).signals, 'structure', id),
			event.locals.user
		),
		history: historyOf(db(), 'structure', id),
		saved: event.url.searchParams.get('saved')
	};
};

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export const actions: Actions = {
	update: updateAction(updateStructure, '/manage/structures'),
	linkPolicy: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = linkPolicy(db(), actor(user), Number(event.params.id), values);
		if (!saved.ok) return invalid(values, saved.errors, 'link');
		redirect(303, `/manage/structures/${saved.id}?saved=linked#policies`);
	},
	unlinkPolicy: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const policyId = idOf(form.get('policyId'));
		if (policyId === null || !unlinkPolicy(db(), actor(user), Number(event.params.id), policyId))
			error(404, 'That policy is no longer linked to this structure.');
		redirect(303, `/manage/structures/${event.params.id}?saved=linked#policies`);
	},
	priorities: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const ids = form.getAll('priorityIds').map(Number);
		const values = formValues(form, ['priorityIds']);
		const saved = setStructurePriorities(db(), actor(user), Number(event.params.id), ids, values);
		if (!saved.ok) return invalid(values, saved.errors, 'carry');
		redirect(303, `/manage/structures/${saved.id}?saved=linked#priorities`);
	},
	delete: deleteAction(deleteStructure, '/manage/structures', 'There is no such structure.')
};
