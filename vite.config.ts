import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

export default defineConfig({
	plugins: [
		// Messages (messages/en.json, messages/es.json) compile to src/lib/paraglide. The project's
		// plugin is loaded from node_modules (project.inlang/settings.json), never from a CDN.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale']
		}),
		sveltekit()
	],
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.{test,spec}.ts', 'scripts/**/*.{test,spec}.ts'],
		environment: 'node',
		// Generous: the suite must pass on a loaded machine (speed is measured by `npm run bench`).
		testTimeout: 60_000,
		hookTimeout: 60_000,
		reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]]
	}
});
