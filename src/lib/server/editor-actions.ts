// The plan editor's create, update and delete actions: the same steps for every list (priorities,
// measures, structures, policies, initiatives, not-doing decisions, schools): an editor, the
// form's values, the domain function, and the page to open after. Routes stay one line a list.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from './audit/index.ts';
import { authorize } from './auth/guard.ts';
import { db, type Db } from './db/index.ts';
import { formValues, type FormValues, type Saved } from './forms.ts';

type Create = (db: Db, actor: Actor, values: FormValues) => Saved;
type Update = (db: Db, actor: Actor, id: number, values: FormValues) => Saved;
type Delete = (db: Db, actor: Actor, id: number) => boolean;

/** The editor who sends the form, as the audit trail names them. */
function editor(event: RequestEvent): Actor {
	const user = authorize(event, 'edit');
	return { id: user.id, email: user.email };
}

/**
 * A form's "add another row" button without JavaScript (`name="addRow"`): the form comes back as
 * typed with one more blank row (`rows`), nothing saved. With JavaScript the row is added in place.
 */
function withAnotherRow(values: FormValues) {
	if (!('addRow' in values)) return null;
	const { addRow: _, ...kept } = values;
	return { values: { ...kept, rows: String((Number(values.rows) || 0) + 1) }, errors: {} };
}

/**
 * A "new" page's action: creates the item from the form and opens it (`list`/id); refused, the
 * form comes back with its values. `lists` are the fields that keep every value (formValues).
 */
export function createAction(create: Create, list: string, lists: string[] = []) {
	return async (event: RequestEvent) => {
		const actor = editor(event);
		const values = formValues(await event.request.formData(), lists);
		const another = withAnotherRow(values);
		if (another) return another;
		const saved = create(db(), actor, values);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `${list}/${saved.id}?saved=created`);
	};
}

/** An item page's save: updates the item of the page's id and opens it again. */
export function updateAction(update: Update, list: string, lists: string[] = []) {
	return async (event: RequestEvent) => {
		const actor = editor(event);
		const values = formValues(await event.request.formData(), lists);
		const another = withAnotherRow(values);
		if (another) return another;
		const saved = update(db(), actor, Number(event.params.id), values);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `${list}/${saved.id}?saved=updated`);
	};
}

/** An item page's delete: back to the list, or `missing` (404) when the item is already gone. */
export function deleteAction(remove: Delete, list: string, missing: string) {
	return async (event: RequestEvent) => {
		const actor = editor(event);
		if (!remove(db(), actor, Number(event.params.id))) error(404, missing);
		redirect(303, `${list}?saved=deleted`);
	};
}
