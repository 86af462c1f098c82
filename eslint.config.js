import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import areas from './scripts/lint/areas.js';

const oneWriteHelper = {
	group: ['**/audit', '**/audit/index.ts', '**/audit/index'],
	importNames: ['recordAudit'],
	message: 'Change through write() or recordEvent() (audit/write.ts).'
};
const storeBehindDomain = {
	group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema', '**/db/schema/*'],
	message: 'Routes ask the domain (src/lib/server/<area>/), never the store.'
};
const serverStaysOnServer = {
	group: ['$lib/server', '$lib/server/*'],
	message: 'Server modules stay on the server: import the type from an isomorphic module.'
};

// The server's areas (src/lib/server/<area>/, or a loose module of it), floor by floor from the
// top: each imports only the floors below its own, so no import runs sideways, up or round in a
// circle (README: Architecture). A new area is one line: it goes on the floor above everything it
// imports — a new product area beside accountability, a rule many areas share on the floor of
// shared rules.
export const serverFloors = [
	// Pages gathered from several areas, and the server's outer rooms, which no area imports.
	[
		'views',
		'opendata',
		'calendar',
		'demo',
		'setup',
		'http',
		'editor-actions',
		'testing',
		'notices'
	],
	// The product's areas.
	['accountability', 'student-groups', 'lcap', 'board-record', 'context'],
	['meetings', 'imports'],
	['throughline', 'implementation', 'feedback'],
	['priorities', 'leadership', 'schools'],
	// Services every area may use.
	['auth', 'settings'],
	['audit'],
	['cache', 'exports', 'outbox'],
	// Shared rules, one module each: the school year, the results' suppression and counting, the
	// shape of a signal (small statistics are isomorphic: src/lib/stats.ts).
	['school-years', 'results', 'signals'],
	// The ground: the store, the clock, the form helpers.
	['db', 'clock', 'forms']
];

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		rules: {
			// Plain hrefs are fine: the app has no base path and links must work without JavaScript.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	// The architecture, kept by the linter (README: Architecture): every change goes through the
	// one write helper; routes reach the store only through the domain; what runs in the browser
	// too (components, pages, universal helpers) never imports the server's modules.
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/server/audit/**', '**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [oneWriteHelper] }] }
	},
	{
		files: ['src/routes/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [oneWriteHelper, storeBehindDomain] }] }
	},
	{
		files: ['src/**/*.svelte', 'src/routes/**/*.ts', 'src/lib/**/*.ts'],
		ignores: ['src/lib/server/**', '**/*.server.ts', '**/+server.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [oneWriteHelper, storeBehindDomain, serverStaysOnServer] }
			]
		}
	},
	{
		files: ['src/lib/server/**/*.ts'],
		ignores: ['**/*.test.ts'],
		plugins: { throughline: areas },
		rules: {
			'throughline/areas-lean-one-way': ['error', { root: 'src/lib/server', floors: serverFloors }]
		}
	},
	{ ignores: ['drizzle/', 'build/', 'reports/', 'data/', 'src/lib/paraglide/'] }
);
