// WCAG 1.3.5 (input purpose): every `autocomplete` in the app's forms is a token of the HTML
// standard's autofill list, and one that fits its control (HTML_CodeSniffer's H98 reads it so:
// `username` on an `type="email"` input is not a valid purpose for that control).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field
const textFields = [
	'name',
	'honorific-prefix',
	'given-name',
	'additional-name',
	'family-name',
	'honorific-suffix',
	'nickname',
	'username',
	'organization-title',
	'organization',
	'street-address',
	'address-line1',
	'address-line2',
	'address-line3',
	'address-level4',
	'address-level3',
	'address-level2',
	'address-level1',
	'country',
	'country-name',
	'postal-code',
	'cc-name',
	'cc-given-name',
	'cc-additional-name',
	'cc-family-name',
	'cc-type',
	'language',
	'sex',
	'one-time-code'
];
const passwordFields = ['new-password', 'current-password', 'one-time-code'];
const contactFields = [
	'tel',
	'tel-country-code',
	'tel-national',
	'tel-area-code',
	'tel-local',
	'tel-local-prefix',
	'tel-local-suffix',
	'tel-extension',
	'email',
	'impp'
];
const otherFields = [
	'cc-number',
	'cc-exp',
	'cc-exp-month',
	'cc-exp-year',
	'cc-csc',
	'transaction-currency',
	'transaction-amount',
	'bday',
	'bday-day',
	'bday-month',
	'bday-year',
	'url',
	'photo',
	'street-address'
];

/** The field names each input type accepts (the standard's "control group" of each field). */
const allowedFor: Record<string, string[]> = {
	text: [...textFields, ...passwordFields, ...contactFields, ...otherFields],
	search: [...textFields, ...contactFields, ...otherFields],
	password: passwordFields,
	email: ['email'],
	tel: contactFields.filter((f) => f.startsWith('tel')),
	url: ['url', 'photo', 'impp'],
	number: [
		'cc-exp-month',
		'cc-exp-year',
		'bday-day',
		'bday-month',
		'bday-year',
		'transaction-amount',
		'one-time-code'
	],
	date: ['bday', 'cc-exp']
};

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

interface Field {
	file: string;
	type: string;
	autocomplete: string;
}

function fieldsWithAutocomplete(): Field[] {
	return [...svelteFiles('src/routes'), ...svelteFiles('src/lib/components')].flatMap((file) => {
		const text = readFileSync(file, 'utf8');
		// The controls themselves, and the form components that render them (`<Input>`, `<TextArea>`).
		return [
			...text.matchAll(/<(input|textarea|select|Input|TextArea|Select)\b([^>]*?)\/?>/gs)
		].flatMap(([, name, attrs]) => {
			const tag = name.toLowerCase();
			const autocomplete = /\bautocomplete="([^"]*)"/.exec(attrs)?.[1];
			if (autocomplete === undefined) return [];
			const type = tag === 'input' ? (/\btype="([^"]*)"/.exec(attrs)?.[1] ?? 'text') : 'text';
			return [{ file, type, autocomplete }];
		});
	});
}

function problem({ type, autocomplete }: Field): string | null {
	const tokens = autocomplete.trim().toLowerCase().split(/\s+/);
	if (tokens.length === 1 && (tokens[0] === 'on' || tokens[0] === 'off')) return null;
	const field = tokens.filter((t) => t !== 'webauthn').at(-1) ?? '';
	const allowed = allowedFor[type];
	if (!allowed) return `autocomplete on an input of type ${type}`;
	if (!allowed.includes(field)) return `"${field}" is not a valid purpose for type=${type}`;
	return null;
}

describe('input purposes (WCAG 1.3.5)', () => {
	it('finds the forms to check (else the check below proves nothing)', () => {
		expect(fieldsWithAutocomplete().length).toBeGreaterThan(5);
	});

	it('every autocomplete is a token of the HTML list that fits its control', () => {
		const wrong = fieldsWithAutocomplete()
			.map((f) => ({ f, why: problem(f) }))
			.filter((x) => x.why)
			.map(({ f, why }) => `${f.file}: ${why}`);
		expect(wrong).toEqual([]);
	});

	it('refuses what HTML_CodeSniffer refuses', () => {
		expect(problem({ file: '', type: 'email', autocomplete: 'username' })).toMatch(/not a valid/);
		expect(problem({ file: '', type: 'password', autocomplete: 'password' })).toMatch(
			/not a valid/
		);
		expect(problem({ file: '', type: 'text', autocomplete: 'one-time-code' })).toBeNull();
	});
});
