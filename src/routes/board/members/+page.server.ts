import { fail } from '@sveltejs/kit';
import { idOf } from '$lib/params';
import type { Actions, PageServerLoad } from './$types';
import { authorize, can } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/forms';
import { today } from '$lib/server/clock';
import {
	addTraining,
	financeLaw,
	financeLawByMember,
	listTrainings
} from '$lib/server/board-record/trainings';
import {
	addMember,
	seatedOn,
	boardAccounts,
	getMember,
	listMembers,
	updateMember
} from '$lib/server/board-record/members';

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'board');
	const database = db();
	const canEdit = can(user, 'admin');
	const editId = idOf(event.url.searchParams.get('edit'));
	const now = today();
	return {
		trainings: listTrainings(database),
		financeLaw: financeLawByMember(database, seatedOn(database, now), now),
		financeLawSource: financeLaw.source,
		members: listMembers(database).map(({ userId, ...m }) => ({ ...m, linked: userId !== null })),
		canEdit,
		editing: canEdit && editId ? (getMember(database, editId) ?? null) : null,
		accounts: canEdit ? boardAccounts(database) : [],
		today: now
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = authorize(event, 'admin');
		const values = formValues(await event.request.formData());
		const saved = addMember(db(), { id: user.id, email: user.email }, values);
		if (!saved.ok) return invalid(values, saved.errors, 'member');
		return { done: `Added ${values.name}.` };
	},
	training: async (event) => {
		const user = authorize(event, 'admin');
		const values = formValues(await event.request.formData());
		const saved = addTraining(db(), { id: user.id, email: user.email }, values, today());
		if (!saved.ok) return invalid(values, saved.errors, 'training');
		return { done: 'The training is on record.' };
	},
	update: async (event) => {
		const user = authorize(event, 'admin');
		const values = formValues(await event.request.formData());
		const id = idOf(String(values.id ?? ''));
		if (!id || !getMember(db(), id))
			return fail(404, {
				form: 'member' as const,
				values,
				errors: { form: ['That member is not on record.'] }
			});
		const saved = updateMember(db(), { id: user.id, email: user.email }, id, values);
		if (!saved.ok) return invalid(values, saved.errors, 'member');
		return { done: `Saved ${values.name}.` };
	}
};
