// A new district on an empty database, in the browser only after `npm start`: its own server
// (the production build, already built by the config's webServer) on a temporary database.
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { totp } from './helpers/totp.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';

const port = Number(process.env.E2E_FIRST_RUN_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 13);
const base = `http://localhost:${port}`;
let server: ChildProcess;
let dir: string;
let setupAddress: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'throughline-first-run-'));
	server = spawn(process.execPath, ['scripts/start.ts'], {
		env: {
			...process.env,
			DATABASE_PATH: join(dir, 'district.db'),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			THROUGHLINE_TODAY: '2026-12-01'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// The setup address is printed on the console only: read it from the server's stdout.
	setupAddress = await new Promise<string>((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error(`No setup address printed:\n${out}`)), 30_000);
		server.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const found = out.match(/(http:\/\/\S+\/setup\?token=[\w-]+)/);
			if (found && out.includes('Listening')) {
				clearTimeout(timer);
				resolve(found[1]);
			}
		});
		server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
	});
});

test.afterAll(() => {
	server?.kill();
	rmSync(dir, { recursive: true, force: true });
});

const admin = {
	name: 'Ana Admin',
	email: 'ana@mpusd.example',
	password: 'tide pools and kelp forests'
};

/**
 * Sets up the district as its first administrator and lands signed in. Kept in one place: a
 * later step of first sign-in (multi-factor enrolment) belongs here.
 */
async function finishSetupAsFirstAdmin(page: Page, cdsCode = '27660920000000') {
	await page.goto(setupAddress);
	await page.getByLabel('District name').fill('Monterey Peninsula Unified');
	await page.getByLabel('CDS code').fill(cdsCode);
	await page.getByLabel('Your name').fill(admin.name);
	await page.getByLabel('E-mail').fill(admin.email);
	await page.getByLabel('Password', { exact: true }).fill(admin.password);
	await page.getByLabel('Password again').fill(admin.password);
	await page.getByRole('button', { name: 'Create the district and sign in' }).click();
}

/** A new district requires an authenticator app of its administrators: the first thing asked. */
async function enrolAuthenticator(page: Page) {
	await page.waitForURL(/\/account\/two-factor\?next=/);
	await expect(page.getByText('Your role requires an authenticator app.')).toBeVisible();
	await page.getByLabel('Your password', { exact: true }).fill(admin.password);
	await page.getByRole('button', { name: 'Set up' }).click();
	const secret = (await page.locator('code.secret').textContent())!.trim();
	await page.getByLabel('Code', { exact: true }).fill(await totp(secret));
	await page.getByRole('button', { name: 'Turn on' }).click();
	await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
	await page.getByRole('link', { name: 'Done: continue' }).click();
}

function count(sql: string): number {
	const db = new Database(join(dir, 'district.db'), { readonly: true });
	try {
		return db.prepare(sql).pluck().get() as number;
	} finally {
		db.close();
	}
}

test('before setup the home page explains the first run, with this database in its command', async ({
	page
}) => {
	await page.goto(base + '/');
	await expect(page.getByText('one-time setup address')).toBeVisible();
	await expect(page.locator('code')).toContainText(`DATABASE_PATH=${join(dir, 'district.db')}`);
});

test('a wrong token answers 404 and creates nothing', async ({ page, request }) => {
	expect((await page.goto(base + '/setup'))!.status()).toBe(404);
	expect((await page.goto(base + '/setup?token=not-the-token'))!.status()).toBe(404);
	const post = await request.post(base + '/setup', {
		form: {
			token: 'not-the-token',
			districtName: 'X',
			cdsCode: '27660920000000',
			name: 'X',
			email: 'x@example.org',
			password: admin.password,
			confirm: admin.password
		},
		headers: { origin: base }
	});
	expect(post.status()).toBe(404);
	expect(count('select count(*) from district')).toBe(0);
	expect(count('select count(*) from user')).toBe(0);
});

test('setup refuses a CDS code of the wrong length, then creates the district and signs in', async ({
	page
}) => {
	await finishSetupAsFirstAdmin(page, '2766092000000');
	await expect(page.getByRole('alert')).toContainText('A CDS code is 14 digits');
	await expectNoAxeViolations(page);
	expect(count('select count(*) from district')).toBe(0);
	expect(count('select count(*) from user')).toBe(0);

	await finishSetupAsFirstAdmin(page);
	await enrolAuthenticator(page);
	await page.waitForURL(base + '/manage/setup');
	await expect(page.getByRole('heading', { name: 'Setup checklist' })).toBeVisible();
	await expectNoAxeViolations(page);
	await expect(
		page.getByRole('heading', { name: /District and school years\s+Done/ })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: /Schools\s+Not done/ })).toBeVisible();
	// The years the plan needs exist without anyone creating them: 2026-27 to five years ahead.
	expect(count("select count(*) from school_year where label in ('2026-27', '2031-32')")).toBe(2);

	// An administrator may do what staff may do: Manage and Import open.
	expect((await page.goto(base + '/manage/imports'))!.status()).toBe(200);
	await page.goto(base + '/manage');
	await page.waitForURL(base + '/manage/setup');
	await page.goto(base + '/board');
	await page.getByRole('link', { name: 'Open the setup checklist' }).click();
	await page.waitForURL(base + '/manage/setup');

	// The address worked once.
	expect((await page.goto(setupAddress))!.status()).toBe(404);
	expect(count('select count(*) from district')).toBe(1);
	expect(count("select count(*) from user where role = 'admin'")).toBe(1);
});
