import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (locale: string) =>
	JSON.parse(
		readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')
	) as Record<string, string>;
const keys = (messages: Record<string, string>) =>
	Object.keys(messages).filter((k) => k !== '$schema');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
	const en = load('en');
	const es = load('es');

	it('have the same keys in English and Spanish', () => {
		expect(keys(es).sort()).toEqual(keys(en).sort());
	});

	it('have no empty values', () => {
		for (const [locale, messages] of [
			['en', en],
			['es', es]
		] as const) {
			const empty = keys(messages).filter((k) => !String(messages[k]).trim());
			expect(empty, `empty messages in ${locale}.json`).toEqual([]);
		}
	});

	it('use the same placeholders in both languages', () => {
		const mismatched = keys(en).filter(
			(k) => placeholders(en[k]).join() !== placeholders(es[k] ?? '').join()
		);
		expect(mismatched).toEqual([]);
	});

	it('translate every sentence (Spanish differs from English except names)', () => {
		const same = keys(en).filter((k) => en[k] === es[k] && en[k].length > 12);
		expect(same).toEqual([]);
	});
});
