// A new district on an empty database, as `npm start` serves it: its own server (the production
// build, already built by the config's webServer) on a temporary database, the one-time setup
// address read from its console, and the first administrator's setup and authenticator app.
import { expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unusedCode } from './totp.ts';

export interface FirstRunServer {
	base: string;
	setupAddress: string;
	databasePath: string;
	/** One number from the server's database (read-only). */
	count(sql: string): number;
	stop(): void;
}

export async function startEmptyServer(
	port: number,
	today = '2026-12-01'
): Promise<FirstRunServer> {
	const base = `http://localhost:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'throughline-first-run-'));
	const databasePath = join(dir, 'district.db');
	const server: ChildProcess = spawn(process.execPath, ['scripts/start.ts'], {
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			THROUGHLINE_TODAY: today
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const setupAddress = await new Promise<string>((resolve, reject) => {
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
	return {
		base,
		setupAddress,
		databasePath,
		count(sql: string) {
			const db = new Database(databasePath, { readonly: true });
			try {
				return db.prepare(sql).pluck().get() as number;
			} finally {
				db.close();
			}
		},
		stop() {
			server.kill();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export interface FirstAdmin {
	name: string;
	email: string;
	password: string;
}

/** Sets up the district as its first administrator, with the authenticator app it requires. */
export async function setUpDistrict(
	page: Page,
	server: FirstRunServer,
	district: { name: string; cdsCode: string },
	admin: FirstAdmin
) {
	await page.goto(server.setupAddress);
	await page.getByLabel('District name').fill(district.name);
	await page.getByLabel('CDS code').fill(district.cdsCode);
	await page.getByLabel('Your name').fill(admin.name);
	await page.getByLabel('E-mail').fill(admin.email);
	await page.getByLabel('Password', { exact: true }).fill(admin.password);
	await page.getByLabel('Password again').fill(admin.password);
	await page.getByRole('button', { name: 'Create the district and sign in' }).click();

	await page.waitForURL(/\/account\/two-factor\?next=/);
	await page.getByLabel('Your password', { exact: true }).fill(admin.password);
	await page.getByRole('button', { name: 'Set up' }).click();
	const secret = (await page.locator('code.secret').textContent())!.trim();
	await page.getByLabel('Code', { exact: true }).fill(await unusedCode(secret));
	await page.getByRole('button', { name: 'Turn on' }).click();
	await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
	await page.getByRole('link', { name: 'Done: continue' }).click();
}
