import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://localhost:${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: origin,
		// The test server trusts X-Forwarded-For (ADDRESS_HEADER below), so that the sign-in
		// lockout test can act from an address of its own without locking out everyone else.
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.1' },
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		// Signs in once per role and saves the cookies for signInAs() / storageState (tests/e2e/helpers/auth.ts).
		{ name: 'setup', testMatch: /helpers\/auth\.setup\.ts$/ },
		{ name: 'chromium', dependencies: ['setup'] }
	],
	webServer: {
		// The production build on a fresh demo database, as a district would run it.
		command: 'rm -rf reports/e2e.db* reports/e2e-uploads && npm run build && node scripts/demo.ts',
		url: `${origin}/`,
		timeout: 180_000,
		reuseExistingServer: false,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: 'reports/e2e.db',
			// Uploads waiting for confirmation, in this checkout (the tests look for leftovers).
			IMPORT_UPLOAD_DIR: 'reports/e2e-uploads',
			THROUGHLINE_TODAY: '2025-06-15',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		}
	}
});
