import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/forms';
import { listNotes } from '$lib/server/context/notes';
import { breakChoices, createBreak, deleteBreak, listBreaks } from '$lib/server/context/breaks';

const perPage = 50;

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	const notes = listNotes(db(), page, perPage);
	return {
		notes: notes.rows,
		page,
		pages: Math.max(1, Math.ceil(notes.total / perPage)),
		breaks: listBreaks(db()),
		choices: breakChoices(db()),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	addBreak: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		const saved = createBreak(db(), { id: user.id, email: user.email }, values);
		if (!saved.ok) return invalid(values, saved.errors, 'addBreak');
		redirect(303, '/manage/notes?saved=created#breaks');
	},
	deleteBreak: async (event) => {
		const user = authorize(event, 'edit');
		const values = formValues(await event.request.formData());
		deleteBreak(db(), { id: user.id, email: user.email }, Number(values.id));
		redirect(303, '/manage/notes?saved=deleted#breaks');
	}
};
