import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

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
	{ ignores: ['drizzle/', 'build/', 'reports/', 'data/', 'src/lib/paraglide/'] }
);
