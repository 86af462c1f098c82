// The README's real-district path as data: its numbered steps between the markers, each with its
// kind (the first bold words), the `code` spans (pages, files, values) and the **bold** buttons,
// in order. tests/e2e/real-district.e2e.ts follows them, so the README and the test cannot drift.
import { readFileSync } from 'node:fs';

export interface ReadmeStep {
	n: number;
	kind: string;
	/** The step's words on one line. */
	text: string;
	codes: string[];
	/** The bold words after the kind: the buttons, in order. */
	buttons: string[];
	/** `Label `value`` pairs: a form's fields as the step names them. */
	fields: [string, string][];
}

export function readmeSteps(readme = readFileSync('README.md', 'utf8')): ReadmeStep[] {
	const start = readme.indexOf('<!-- real-district-steps');
	const end = readme.indexOf('<!-- /real-district-steps -->');
	if (start < 0 || end < start) throw new Error('README.md has no real-district steps');
	const list = readme.slice(readme.indexOf('-->', start) + 3, end);
	return list
		.split(/^(?=\d+\. )/m)
		.map((item) => item.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.map((text) => {
			const n = Number(text.match(/^(\d+)\. /)?.[1]);
			const bolds = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((b) => b[1]);
			return {
				n,
				kind: bolds[0] ?? '',
				text,
				codes: [...text.matchAll(/`([^`]+)`/g)].map((c) => c[1]),
				buttons: bolds.slice(1),
				fields: [...text.matchAll(/(?:^|[,:] )([A-Z][A-Za-z]*(?: [A-Za-z]+)*) `([^`]+)`/g)].map(
					(f) => [f[1], f[2]] as [string, string]
				)
			};
		});
}
