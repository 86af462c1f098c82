import { fail } from '@sveltejs/kit';
import { idOf } from '$lib/params';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { errorsOf, invalid } from '$lib/server/forms';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { openSchoolChoices } from '$lib/server/schools/queries';
import { listPriorities } from '$lib/server/implementation/queries';
import { tenureYears } from '$lib/server/leadership/measures';
import {
	createEngagement,
	createTenure,
	deleteEngagement,
	deleteTenure,
	engagementInput,
	listEngagements,
	listTenures,
	roleFilter,
	tenureInput,
	updateTenure
} from '$lib/server/leadership/queries';
import { engagementKinds, leaderRoles } from '$lib/choices';

const text = (form: FormData, key: string) => String(form.get(key) ?? '');

/** The tenure form's fields as typed, the same for adding and for editing one. */
const tenureValues = (form: FormData) => ({
	role: text(form, 'role'),
	personName: text(form, 'personName'),
	schoolId: text(form, 'schoolId'),
	priorityId: text(form, 'priorityId'),
	startedOn: text(form, 'startedOn'),
	endedOn: text(form, 'endedOn')
});

export const load: PageServerLoad = async (event) => {
	authorize(event, 'edit');
	const database = db();
	const params = event.url.searchParams;
	const role = roleFilter(params);
	const now = today();
	const tenures = listTenures(database, { role }).map((t) => ({
		...t,
		years: tenureYears(t, now)
	}));
	const editId = idOf(params.get('edit'));
	const editing = editId ? (listTenures(database).find((t) => t.id === editId) ?? null) : null;
	const priorityFilter = idOf(params.get('priority'));
	const page = z.coerce
		.number()
		.int()
		.positive()
		.catch(1)
		.parse(params.get('page') ?? 1);
	return {
		roles: leaderRoles,
		kinds: engagementKinds,
		role,
		tenures,
		editing,
		schools: openSchoolChoices(database),
		priorities: listPriorities(database),
		priorityFilter,
		log: listEngagements(database, { priorityId: priorityFilter, page }),
		today: now
	};
};

export const actions: Actions = {
	createTenure: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const values = tenureValues(form);
		const parsed = tenureInput.safeParse(values);
		if (!parsed.success) return invalid(values, errorsOf(parsed.error), 'tenure');
		createTenure(db(), { id: user.id, email: user.email }, parsed.data);
		return { done: `Added ${parsed.data.personName}.` };
	},
	updateTenure: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const id = idOf(form.get('id'));
		const values = { id: text(form, 'id'), ...tenureValues(form) };
		const parsed = tenureInput.safeParse(values);
		if (!id || !parsed.success)
			return invalid(
				values,
				parsed.success ? { form: ['That tenure no longer exists.'] } : errorsOf(parsed.error),
				'tenure'
			);
		const saved = updateTenure(db(), { id: user.id, email: user.email }, id, parsed.data);
		if (!saved)
			return fail(404, {
				form: 'tenure' as const,
				values,
				errors: { form: ['That tenure no longer exists.'] }
			});
		return { done: `Saved ${parsed.data.personName}.` };
	},
	deleteTenure: async (event) => {
		const user = authorize(event, 'edit');
		const id = idOf((await event.request.formData()).get('id'));
		if (!id || !deleteTenure(db(), { id: user.id, email: user.email }, id))
			return fail(404, { form: 'delete' as const, message: 'That tenure no longer exists.' });
		return { done: 'Deleted the tenure.' };
	},
	createEngagement: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const values = {
			priorityId: text(form, 'engagementPriority'),
			leaderName: text(form, 'leaderName'),
			leaderRole: text(form, 'leaderRole'),
			kind: text(form, 'kind'),
			occurredOn: text(form, 'occurredOn'),
			schoolId: text(form, 'engagementSchool'),
			note: text(form, 'note')
		};
		const parsed = engagementInput.safeParse(values);
		if (!parsed.success) {
			const errors = errorsOf(parsed.error);
			// The form's field names differ where the tenure form uses the same word.
			for (const [from, to] of [
				['priorityId', 'engagementPriority'],
				['schoolId', 'engagementSchool']
			] as const) {
				if (errors[from]) [errors[to], errors[from]] = [errors[from], []];
			}
			return invalid(values, errors, 'engagement');
		}
		createEngagement(db(), { id: user.id, email: user.email }, parsed.data);
		return { done: 'Logged the engagement.' };
	},
	deleteEngagement: async (event) => {
		const user = authorize(event, 'edit');
		const id = idOf((await event.request.formData()).get('id'));
		if (!id || !deleteEngagement(db(), { id: user.id, email: user.email }, id))
			return fail(404, { form: 'delete' as const, message: 'That engagement no longer exists.' });
		return { done: 'Deleted the engagement.' };
	}
};
