// The one way a form is read on the server: its values as strings (`formValues`), checked by the
// zod schema that sits next to the domain function the form feeds (`parse`, `parseForm`), and,
// when refused, sent back with a message per field (`invalid`) for the page to show again.
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { FieldErrors, FormValues } from '../forms.ts';

export type { FieldErrors, FormValues } from '../forms.ts';

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Reads a form into plain values; fields in `lists` keep every value (checkboxes, repeated rows). */
export function formValues(form: FormData, lists: string[] = []): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) {
		// A file field is not a value to show again (the import page reads its files itself).
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = lists.includes(key) ? all : (all[0] ?? '');
	}
	for (const key of lists) values[key] ??= [];
	return values;
}

/**
 * What a refused form answers: status 400, the values as sent and a message per field; on a page
 * of several forms, `form` names the one refused (the page reads it with `refusal(form, key)`).
 */
export function invalid(values: FormValues, errors: FieldErrors, form?: string) {
	return fail(400, form === undefined ? { values, errors } : { form, values, errors });
}

/** Reads and validates a form in one step: the data, or the values and each field's messages. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	lists: string[] = []
):
	| { ok: true; data: z.infer<S>; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors } {
	const values = formValues(form, lists);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, values, errors: errorsOf(result.error) };
}

/** Validates values with a zod schema, turning its issues into messages per field. */
export function parse<T>(schema: z.ZodType<T>, values: unknown): Parsed<T> {
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, errors: errorsOf(result.error) };
}

/**
 * Validates values, then checks the data against what is stored (a name already taken, a choice
 * that is gone): the data, or the messages of whichever step refused it.
 */
export function parseChecked<T>(
	schema: z.ZodType<T>,
	values: unknown,
	check: (data: T) => FieldErrors
): Parsed<T> {
	const parsed = parse(schema, values);
	if (!parsed.ok) return parsed;
	const errors = check(parsed.data);
	return Object.keys(errors).length ? { ok: false, errors } : parsed;
}

/** A zod error as messages per field: `title`, `targets.0.value`, or `form` for the whole form. */
export function errorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.join('.') : 'form';
		(errors[key] ??= []).push(issue.message);
	}
	return errors;
}

// Building blocks for the schemas, with messages in plain words.
export const requiredText = (label: string, max: number) =>
	z
		.string({ error: `Enter the ${label}.` })
		.trim()
		.min(1, `Enter the ${label}.`)
		.max(max, `The ${label} must be at most ${max} characters.`);

export const optionalText = (label: string, max: number) =>
	z
		.string()
		.trim()
		.max(max, `The ${label} must be at most ${max} characters.`)
		.optional()
		.transform((v) => v || null);

export const plainText = (label: string, max: number) =>
	z
		.string()
		.trim()
		.max(max, `The ${label} must be at most ${max} characters.`)
		.optional()
		.transform((v) => v ?? '');

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function realDate(v: string): boolean {
	if (!isoDate.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const optionalDate = (label: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || realDate(v), `Enter the ${label} as a date (YYYY-MM-DD).`);

export const requiredDate = (label: string) =>
	z
		.string({ error: `Enter the ${label}.` })
		.trim()
		.min(1, `Enter the ${label}.`)
		.refine(realDate, `Enter the ${label} as a date (YYYY-MM-DD).`);

/**
 * A number typed or chosen in a field: empty gives `empty`, one `fits` refuses is refused with
 * `message`. The one reading behind ids, whole numbers in a range and plain numbers.
 */
export const numberField = <E>(empty: E, fits: (n: number) => boolean, message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return empty;
			const n = Number(v);
			if (!fits(n)) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});

/** An optional id from a <select>: empty means none. */
export const optionalId = (label: string) =>
	numberField(null, (n) => Number.isInteger(n) && n > 0, `Choose a ${label} from the list.`);

export const integerIn = (label: string, min: number, max: number, fallback: number) =>
	numberField(
		fallback,
		(n) => Number.isInteger(n) && n >= min && n <= max,
		`The ${label} must be a whole number from ${min} to ${max}.`
	);

export const optionalNumber = (label: string) =>
	numberField(null, Number.isFinite, `The ${label} must be a number.`);

export const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === '1');

export const choice = <T extends readonly [string, ...string[]]>(label: string, options: T) =>
	z.enum(options, { error: `Choose the ${label}.` });

/** What a create or update returns: the row's id, or messages per field and nothing saved. */
export type Saved = { ok: true; id: number } | { ok: false; errors: FieldErrors };
