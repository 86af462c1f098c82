// Turning a saved row into the strings a form shows (shared by server and browser).

/** A form's values as the page shows them again after an error: plain strings (or lists of them). */
export type FormValues = Record<string, string | string[]>;
/** Field name → messages, as a refused form returns them (`targets.0.value` for a row's field). */
export type FieldErrors = Record<string, string[]>;

/** null → '', numbers → text, true → 'on' (a checked box), false → ''; lists stay lists. */
export function toValues(row: Record<string, unknown>): FormValues {
	const out: FormValues = {};
	for (const [k, v] of Object.entries(row)) {
		if (Array.isArray(v)) out[k] = v.map(String);
		else if (v === null || v === undefined || v === false) out[k] = '';
		else if (v === true) out[k] = 'on';
		else out[k] = String(v);
	}
	return out;
}

/** One value of a form as text. */
export function text(values: FormValues, key: string): string {
	const v = values[key];
	return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** One value of a form as a list (checkboxes, repeated rows). */
export function list(values: FormValues, key: string): string[] {
	const v = values[key];
	return Array.isArray(v) ? v : v ? [v] : [];
}

/** What a refused form sent back (`invalid()` on the server), read from an action's `form` prop. */
export interface Refusal {
	values: FormValues;
	errors: FieldErrors;
}

/**
 * The refusal in an action's result, if that is what it is — and, for a page with several
 * forms, only when it names this form (`{ form: key }`). Checks the shape instead of casting it,
 * so a page reads `refusal(form)?.errors.title` with the types it expects.
 */
export function refusal(form: unknown, key?: string | null): Refusal | null {
	if (!form || typeof form !== 'object') return null;
	const f = form as Record<string, unknown>;
	// null: the page's one form without a name, beside named ones (`invalid(values, errors, key)`).
	if (key === null ? 'form' in f : key !== undefined && f.form !== key) return null;
	if (!f.errors || typeof f.errors !== 'object') return null;
	return {
		values: isValues(f.values) ? f.values : {},
		errors: f.errors as FieldErrors
	};
}

function isValues(v: unknown): v is FormValues {
	return !!v && typeof v === 'object' && !Array.isArray(v);
}
