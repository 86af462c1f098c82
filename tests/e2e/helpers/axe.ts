import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Fails with the list of WCAG 2.2 A/AA violations (and non-unique landmarks) on the page, if any. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	// Best practice, not a WCAG success criterion, but what screen-reader users navigate by: two
	// landmarks of one kind need distinct names.
	const landmarks = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
	const summary = [...results.violations, ...landmarks.violations].map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

const codeSniffer = readFileSync(
	createRequire(import.meta.url).resolve('@pa11y/html_codesniffer/build/HTMLCS.js'),
	'utf8'
);

/**
 * The second engine: HTML_CodeSniffer (the one pa11y runs) at WCAG2AA, errors only (its warnings
 * and notices ask a person to check, as pa11y's default does). It reads some things differently
 * from axe: how data cells tie to their headers, input purposes, landmark names.
 */
export async function expectNoCodeSnifferErrors(page: Page) {
	// Evaluated through the DevTools protocol, as axe is: the pages' CSP refuses injected scripts.
	await page.evaluate(`${codeSniffer};window.HTMLCS = HTMLCS;`);
	const errors = await page.evaluate(
		() =>
			new Promise<string[]>((done) => {
				type Message = { type: number; code: string; msg: string; element: Element };
				const sniffer = (
					window as unknown as {
						HTMLCS: {
							process: (standard: string, root: Document, callback: () => void) => void;
							getMessages: () => Message[];
						};
					}
				).HTMLCS;
				sniffer.process('WCAG2AA', document, () => {
					const describe = (el: Element) => {
						const id = el.id ? `#${el.id}` : '';
						const cls = el.classList?.length ? `.${[...el.classList].join('.')}` : '';
						return `${el.tagName?.toLowerCase() ?? 'document'}${id}${cls}`;
					};
					done(
						sniffer
							.getMessages()
							.filter((m) => m.type === 1)
							.map((m) => `${m.code}: ${m.msg} (${describe(m.element)})`)
					);
				});
			})
	);
	expect(errors, `HTML_CodeSniffer errors on ${page.url()}`).toEqual([]);
}
