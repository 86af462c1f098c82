import type { z } from 'zod';

export type FormValues = Record<string, string | string[]>;
export type FormErrors = Record<string, string[]>;

/** The form's values as strings, with the named fields read as lists (checkboxes). */
export function formValues(data: FormData, lists: string[] = []): FormValues {
	const values: FormValues = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = lists.includes(key) ? all : (all[0] ?? '');
	}
	for (const key of lists) values[key] ??= [];
	return values;
}

/** Parses a form through a zod schema: the data, or the values and each field's messages. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	data: FormData,
	lists: string[] = []
):
	| { ok: true; data: z.infer<S>; values: FormValues }
	| { ok: false; values: FormValues; errors: FormErrors } {
	const values = formValues(data, lists);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FormErrors = {};
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		(errors[key] ??= []).push(issue.message);
	}
	return { ok: false, values, errors };
}
