import { describe, expect, it } from 'vitest';
import { list, refusal, text, toValues } from './forms';

describe('form values', () => {
	it('shows a saved row as the strings a form holds', () => {
		expect(toValues({ a: null, b: 3, c: true, d: false, e: [1, 2] })).toEqual({
			a: '',
			b: '3',
			c: 'on',
			d: '',
			e: ['1', '2']
		});
	});

	it('reads one value as text and as a list', () => {
		expect(text({ a: ['x', 'y'] }, 'a')).toBe('x');
		expect(text({}, 'a')).toBe('');
		expect(list({ a: 'x' }, 'a')).toEqual(['x']);
		expect(list({ a: '' }, 'a')).toEqual([]);
	});
});

describe('refusal', () => {
	const refused = { values: { title: '' }, errors: { title: ['Enter the title.'] } };

	it('reads the values and errors a refused form sent back', () => {
		expect(refusal(refused)).toEqual(refused);
	});

	it('is nothing for no result, a success, or a result without errors', () => {
		expect(refusal(null)).toBeNull();
		expect(refusal(undefined)).toBeNull();
		expect(refusal({ saved: true })).toBeNull();
		expect(refusal('text')).toBeNull();
	});

	it('on a page of several forms, answers only for the form it names', () => {
		const tagged = { ...refused, form: 'agenda' };
		expect(refusal(tagged, 'agenda')?.errors.title).toEqual(['Enter the title.']);
		expect(refusal(tagged, 'minutes')).toBeNull();
		expect(refusal(refused, 'agenda')).toBeNull();
	});

	it('with null, answers only for the form of the page without a name', () => {
		expect(refusal(refused, null)).toEqual(refused);
		expect(refusal({ ...refused, form: 'link' }, null)).toBeNull();
	});

	it('gives empty values when the refusal sent none', () => {
		expect(refusal({ errors: { form: ['Try again.'] } })).toEqual({
			values: {},
			errors: { form: ['Try again.'] }
		});
	});
});
