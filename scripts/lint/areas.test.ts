import { ESLint, Linter } from 'eslint';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { areasLeanOneWay } from './areas.js';

// A small house of three floors: pages over two areas side by side over the ground.
const floors = [['views'], ['priorities', 'meetings'], ['db', 'clock']];

function lint(file: string, code: string) {
	const linter = new Linter({ configType: 'flat' });
	return linter.verify(
		code,
		[
			{
				files: ['**/*.ts'],
				languageOptions: { parser: ts.parser },
				plugins: { throughline: { rules: { 'areas-lean-one-way': areasLeanOneWay } } },
				rules: {
					'throughline/areas-lean-one-way': ['error', { root: 'src/lib/server', floors }]
				}
			}
		],
		file
	);
}

describe('areas lean one way', () => {
	it('lets an area import its own modules and the floors below it', () => {
		const code = [
			"import { x } from './queries.ts';",
			"import type { Db } from '../db/open.ts';",
			"import { today } from '../clock.ts';",
			"import { label } from '../../school-year.ts';",
			"import { z } from 'zod';"
		].join('\n');
		expect(lint('src/lib/server/priorities/summary.ts', code)).toEqual([]);
		expect(
			lint('src/lib/server/views/page.ts', "import { s } from '$lib/server/priorities/summary';")
		).toEqual([]);
	});

	it('refuses an import up, a type alone too', () => {
		const up = lint(
			'src/lib/server/db/open.ts',
			"import type { P } from '../priorities/summary.ts';"
		);
		expect(up.map((m) => m.message)).toEqual([
			'db may not import priorities (../priorities/summary.ts): priorities stands above it (floor 2 over 1). Move what both need below, or what gathers both into views/ or the route.'
		]);
		expect(
			lint('src/lib/server/priorities/summary.ts', "export { v } from '../views/page.ts';")
		).toHaveLength(1);
		expect(
			lint('src/lib/server/clock.ts', "const m = await import('./priorities/summary.ts');")
		).toHaveLength(1);
	});

	it('refuses an import beside, so two areas can never import each other', () => {
		const there = lint(
			'src/lib/server/priorities/summary.ts',
			"import { u } from '../meetings/updates.ts';"
		);
		const back = lint(
			'src/lib/server/meetings/updates.ts',
			"import { s } from '../priorities/summary.ts';"
		);
		expect([...there, ...back].map((m) => m.ruleId)).toEqual([
			'throughline/areas-lean-one-way',
			'throughline/areas-lean-one-way'
		]);
		expect(there[0].message).toContain('they stand on the same floor');
	});

	it('asks a new area for its floor', () => {
		const [message] = lint(
			'src/lib/server/lcap/plan.ts',
			"import { s } from '../priorities/summary.ts';"
		);
		expect(message.message).toBe(
			'lcap stands on no floor: add it to the floors of the areas rule in eslint.config.js.'
		);
	});

	it('takes a module that stands apart from its folder as an area of its own', () => {
		const apart = [['db/index.ts'], ['school-years'], ['db']];
		const linter = new Linter({ configType: 'flat' });
		const verify = (file: string, code: string) =>
			linter.verify(
				code,
				[
					{
						files: ['**/*.ts'],
						plugins: { throughline: { rules: { 'areas-lean-one-way': areasLeanOneWay } } },
						rules: {
							'throughline/areas-lean-one-way': ['error', { root: 'src/lib/server', floors: apart }]
						}
					}
				],
				file
			);
		expect(
			verify('src/lib/server/db/index.ts', "import { e } from '../school-years/index.ts';")
		).toEqual([]);
		expect(
			verify('src/lib/server/db/open.ts', "import { e } from '../school-years/index.ts';")
		).toHaveLength(1);
	});
});

describe("the project's floors (eslint.config.js)", () => {
	it('fail a fixture import against the direction', async () => {
		const eslint = new ESLint();
		const [result] = await eslint.lintText(
			"import { boardUpdatesOfPriority } from '../meetings/updates.ts';\nexport { boardUpdatesOfPriority };\n",
			{ filePath: 'src/lib/server/priorities/fixture-up.ts' }
		);
		expect(result.messages.map((m) => m.ruleId)).toEqual(['throughline/areas-lean-one-way']);
		expect(result.messages[0].message).toContain('priorities may not import meetings');
	});
});
