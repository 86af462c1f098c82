import { z } from 'zod';

/** A form's values as the page shows them again after an error: plain strings (or lists of them). */
export type FormValues = Record<string, string | string[]>;
/** Field name → messages, as `fail(400, { values, errors })` returns them. */
export type FieldErrors = Record<string, string[]>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Reads a form into plain values; fields in `lists` keep every value (checkboxes, repeated rows). */
export function formValues(form: FormData, lists: string[] = []): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) {
		if (lists.includes(key)) values[key] = form.getAll(key).map(String);
		else values[key] = String(form.get(key) ?? '');
	}
	for (const key of lists) values[key] ??= [];
	return values;
}

/** Validates values with a zod schema, turning its issues into messages per field. */
export function parse<T>(schema: z.ZodType<T>, values: unknown): Parsed<T> {
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.length ? issue.path.join('.') : 'form';
		(errors[key] ??= []).push(issue.message);
	}
	return { ok: false, errors };
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

/** An optional id from a <select>: empty means none. */
export const optionalId = (label: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const n = Number(v);
			if (!Number.isInteger(n) || n <= 0) {
				ctx.addIssue({ code: 'custom', message: `Choose a ${label} from the list.` });
				return z.NEVER;
			}
			return n;
		});

export const integerIn = (label: string, min: number, max: number, fallback: number) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return fallback;
			const n = Number(v);
			if (!Number.isInteger(n) || n < min || n > max) {
				ctx.addIssue({
					code: 'custom',
					message: `The ${label} must be a whole number from ${min} to ${max}.`
				});
				return z.NEVER;
			}
			return n;
		});

export const optionalNumber = (label: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const n = Number(v);
			if (!Number.isFinite(n)) {
				ctx.addIssue({ code: 'custom', message: `The ${label} must be a number.` });
				return z.NEVER;
			}
			return n;
		});

export const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === '1');

export const choice = <T extends readonly [string, ...string[]]>(label: string, options: T) =>
	z.enum(options, { error: `Choose the ${label}.` });

/** What a create or update returns: the row's id, or messages per field and nothing saved. */
export type Saved = { ok: true; id: number } | { ok: false; errors: FieldErrors };
