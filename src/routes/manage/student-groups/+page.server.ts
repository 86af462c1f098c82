import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/forms';
import {
	listStudentGroups,
	renameStudentGroup,
	setStudentGroupKind
} from '$lib/server/student-groups';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const missingSpanish = event.url.searchParams.get('show') === 'missing-spanish';
	return {
		groups: listStudentGroups(db(), { missingSpanish }),
		missingSpanish,
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	rename: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const code = typeof values.code === 'string' ? values.code : '';
		const saved = renameStudentGroup(db(), { id: user.id, email: user.email }, code, values);
		// Refused: the values sent (the row's code among them) and why, for that row to show.
		if (!saved.ok) return invalid(values, saved.errors);
		const back =
			event.url.searchParams.get('show') === 'missing-spanish' ? '&show=missing-spanish' : '';
		redirect(303, `/manage/student-groups?saved=${encodeURIComponent(code)}${back}#group-${code}`);
	},
	kind: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const code = typeof values.code === 'string' ? values.code : '';
		const saved = setStudentGroupKind(db(), { id: user.id, email: user.email }, code, values);
		if (!saved.ok) return invalid(values, saved.errors);
		redirect(303, `/manage/student-groups?saved=${encodeURIComponent(code)}#group-${code}`);
	}
};
