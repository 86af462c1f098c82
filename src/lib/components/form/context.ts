// The values and errors of the form a field stands in, shared through Svelte's context so that
// each field is one line: `<Input name="title" label="Title" />` finds its value and its message.
import { getContext, setContext } from 'svelte';
import { text, type FieldErrors, type FormValues } from '$lib/forms';

export interface FormState {
	values: FormValues;
	errors?: Partial<FieldErrors> | null;
}

const key = Symbol('form');

/** Called by `<Form>`: a getter, so fields follow the values as the page updates them. */
export function provideForm(state: () => FormState): void {
	setContext(key, state);
}

/** A field's value (as text) and messages, from the form around it; `name` is a getter too. */
export function fieldOf(name: () => string): {
	value: () => string;
	error: () => string[] | undefined;
} {
	const state = getContext<(() => FormState) | undefined>(key);
	return {
		value: () => (state ? text(state().values, name()) : ''),
		error: () => state?.().errors?.[name()]
	};
}

/** All the values of the form around a field (for a group that reads a list, not one text). */
export function formValues(): () => FormValues {
	const state = getContext<(() => FormState) | undefined>(key);
	return () => state?.().values ?? {};
}

/** What a page hands a form of its own (`PriorityForm`…): its values and errors, where it posts,
 * and its button's words. The form passes all but `submit` on to `<Form {...form}>`. */
export interface EditForm {
	values: FormValues;
	errors?: Partial<FieldErrors> | null;
	action: string;
	submit: string;
}
