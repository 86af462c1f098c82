import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	checkbox,
	choice,
	errorsOf,
	formValues,
	integerIn,
	optionalDate,
	optionalId,
	optionalNumber,
	optionalText,
	parse,
	parseChecked,
	parseForm,
	requiredDate,
	requiredText,
	type FieldErrors
} from './forms.ts';

function form(entries: [string, string | Blob][]): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

describe('formValues: a form as the strings it holds', () => {
	it('keeps the first value of a field, and every value of a list', () => {
		const data = form([
			['title', 'Early literacy'],
			['title', 'ignored'],
			['schools', '3'],
			['schools', '7']
		]);
		expect(formValues(data, ['schools', 'grades'])).toEqual({
			title: 'Early literacy',
			schools: ['3', '7'],
			grades: []
		});
	});

	it('leaves a file empty: its content is not a value to show again', () => {
		const data = form([
			['file', new Blob(['a,b'])],
			['note', 'x']
		]);
		expect(formValues(data)).toEqual({ file: '', note: 'x' });
	});
});

describe('parseForm: read and check at the boundary', () => {
	const schema = z.object({ title: requiredText('title', 10), rank: integerIn('rank', 1, 5, 1) });

	it('gives typed data, and the values as sent', () => {
		const result = parseForm(
			schema,
			form([
				['title', '  Math  '],
				['rank', '3']
			])
		);
		expect(result).toEqual({
			ok: true,
			data: { title: 'Math', rank: 3 },
			values: { title: '  Math  ', rank: '3' }
		});
	});

	it('refuses with a message per field and the values to show again', () => {
		const result = parseForm(
			schema,
			form([
				['title', ''],
				['rank', '9']
			])
		);
		expect(result).toEqual({
			ok: false,
			values: { title: '', rank: '9' },
			errors: {
				title: ['Enter the title.'],
				rank: ['The rank must be a whole number from 1 to 5.']
			}
		});
	});
});

describe('errorsOf and parseChecked', () => {
	it('names a row field by its path, and a refusal of the whole form "form"', () => {
		const schema = z
			.object({ targets: z.array(z.object({ value: optionalNumber('target') })) })
			.refine(() => false, 'Nothing to save.');
		const result = schema.safeParse({ targets: [{ value: '1' }, { value: 'x' }] });
		expect(result.success).toBe(false);
		if (!result.success)
			expect(errorsOf(result.error)).toEqual({
				'targets.1.value': ['The target must be a number.']
			});
		const whole = schema.safeParse({ targets: [] });
		if (!whole.success) expect(errorsOf(whole.error)).toEqual({ form: ['Nothing to save.'] });
	});

	it('checks the data against what is stored only after the schema passed', () => {
		const schema = z.object({ name: requiredText('name', 20) });
		const taken = (d: { name: string }): FieldErrors =>
			d.name === 'Taken' ? { name: ['That name is taken.'] } : {};
		expect(parseChecked(schema, { name: '' }, taken)).toEqual({
			ok: false,
			errors: { name: ['Enter the name.'] }
		});
		expect(parseChecked(schema, { name: 'Taken' }, taken)).toEqual({
			ok: false,
			errors: { name: ['That name is taken.'] }
		});
		expect(parseChecked(schema, { name: 'Free' }, taken)).toEqual({
			ok: true,
			data: { name: 'Free' }
		});
	});
});

describe('the building blocks, in plain words', () => {
	const one = <T>(schema: z.ZodType<T>, v: unknown) => parse(z.object({ f: schema }), { f: v });

	it('text: trimmed, required or empty as null, with a length limit', () => {
		expect(one(requiredText('title', 3), ' ab ')).toEqual({ ok: true, data: { f: 'ab' } });
		expect(one(requiredText('title', 3), 'abcd')).toEqual({
			ok: false,
			errors: { f: ['The title must be at most 3 characters.'] }
		});
		expect(one(requiredText('title', 3), undefined)).toEqual({
			ok: false,
			errors: { f: ['Enter the title.'] }
		});
		expect(one(optionalText('note', 5), '  ')).toEqual({ ok: true, data: { f: null } });
	});

	it('dates: real calendar dates only', () => {
		expect(one(requiredDate('date'), '2025-02-28').ok).toBe(true);
		expect(one(requiredDate('date'), '2025-02-30')).toEqual({
			ok: false,
			errors: { f: ['Enter the date as a date (YYYY-MM-DD).'] }
		});
		expect(one(optionalDate('date'), '')).toEqual({ ok: true, data: { f: null } });
	});

	it('numbers, ids, checkboxes and choices', () => {
		expect(one(optionalId('school'), '')).toEqual({ ok: true, data: { f: null } });
		expect(one(optionalId('school'), '2.5')).toEqual({
			ok: false,
			errors: { f: ['Choose a school from the list.'] }
		});
		expect(one(integerIn('rank', 1, 5, 2), '')).toEqual({ ok: true, data: { f: 2 } });
		expect(one(checkbox, 'on')).toEqual({ ok: true, data: { f: true } });
		expect(one(checkbox, undefined)).toEqual({ ok: true, data: { f: false } });
		expect(one(choice('unit', ['percent', 'points'] as const), 'miles')).toEqual({
			ok: false,
			errors: { f: ['Choose the unit.'] }
		});
	});
});
