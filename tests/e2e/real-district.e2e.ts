// A real district's public pages read the state's words and figures (issue 29): Monterey Peninsula
// Unified from an empty database with the state's own 2022 and 2023 files in ../shared/data,
// imported by the CLI as a district would. Every expected word and figure below is read by hand
// off those files and ../shared/data/STATE-FILES.md, never from Throughline's code:
// - chronicdownload2023.txt, MPUSD all students: 26.7 %, statuslevel 1, changelevel 4, color 2
//   → "Orange · status Very High · change: Declined";
// - suspdownload2023.txt: 3.7 %, level 3, change level 1, color 2 → "Medium", "Increased Significantly";
// - eladownload2023.txt: −34.3, level 2, change level 3, color 2 → "Low", "Maintained";
// - elpidownload2023.txt: English learners 46.4 % (2022-23); elpidownload2022.txt 48.6 % (2021-22).
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './helpers/axe.ts';

const port = Number(process.env.E2E_REAL_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 15);
const base = `http://localhost:${port}`;
const MPUSD = '27660920000000';
const file = (year: number, indicator: string) =>
	resolve(`../shared/data/ca-dashboard/${year}/${indicator}download${year}.txt`);

let dir = '';
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'throughline-real-district-'));
	const databasePath = join(dir, 'district.db');
	const env = { ...process.env, DATABASE_PATH: databasePath };
	const files = [2022, 2023].flatMap((y) =>
		['ela', 'chronic', 'susp', 'elpi'].map((i) => file(y, i))
	);
	const imported = spawnSync(
		process.execPath,
		['scripts/import.ts', '--district', MPUSD, ...files],
		{ env, encoding: 'utf8' }
	);
	expect(imported.status, imported.stderr).toBe(0);
	// The board's priority, as staff would set it up: the four indicators are its measures.
	const db = new Database(databasePath);
	db.prepare(
		"INSERT INTO priority (slug, title, title_es, description, sponsor, status) VALUES ('every-day', 'Every student, every day', 'Cada estudiante, cada día', 'Attendance, belonging and reading', 'Superintendent', 'active')"
	).run();
	db.prepare('UPDATE measure SET priority_id = 1').run();
	db.close();
	server = spawn(process.execPath, ['scripts/start.ts'], {
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise<void>((done, fail) => {
		let out = '';
		const timer = setTimeout(() => fail(new Error(`The server did not start:\n${out}`)), 60_000);
		const read = (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('Listening')) {
				clearTimeout(timer);
				done();
			}
		};
		server!.stdout!.on('data', read);
		server!.stderr!.on('data', read);
	});
});

test.afterAll(() => {
	server?.kill();
	rmSync(dir, { recursive: true, force: true });
});

const section = (page: import('@playwright/test').Page, name: RegExp) =>
	page.locator('section.measure').filter({ has: page.getByRole('heading', { name }) });

test('the public page words the state’s levels as the state does, for each indicator', async ({
	page
}) => {
	await page.goto(`${base}/priorities/every-day`);
	const chronic = section(page, /Chronic absenteeism/);
	await expect(chronic.locator('.state-standing')).toContainText('2022-23');
	await expect(chronic.locator('.state-standing')).toContainText('Orange');
	await expect(chronic.locator('.state-standing')).toContainText('status Very High');
	await expect(chronic.locator('.state-standing')).toContainText('change: Declined');
	await expect(chronic.getByRole('table').first()).toContainText('26.7%');
	const susp = section(page, /Suspension/);
	await expect(susp.locator('.state-standing')).toContainText('Orange');
	await expect(susp.locator('.state-standing')).toContainText('status Medium');
	await expect(susp.locator('.state-standing')).toContainText('change: Increased Significantly');
	const ela = section(page, /English language arts/);
	await expect(ela.locator('.state-standing')).toContainText('status Low');
	await expect(ela.locator('.state-standing')).toContainText('change: Maintained');
	// No target anywhere: nothing is graded "behind".
	await expect(page.locator('.badge.behind')).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('English learner progress reads English learners’ results, with a chart', async ({ page }) => {
	await page.goto(`${base}/priorities/every-day`);
	const elpi = section(page, /English learner progress/);
	await expect(elpi).not.toContainText('No results yet');
	await expect(elpi.getByRole('table').first()).toContainText(/48\.6%[\s\S]*46\.4%/);
	await expect(elpi.locator('svg').first()).toBeVisible();
});

test('in Spanish, the state’s Spanish words', async ({ page }) => {
	await page.goto(`${base}/es/priorities/every-day`);
	const chronic = section(page, /ausentismo crónico/i);
	await expect(chronic.locator('.state-standing')).toContainText('Anaranjado');
	await expect(chronic.locator('.state-standing')).toContainText('estado Muy alto');
	await expect(chronic.locator('.state-standing')).toContainText('cambio: Disminuyó');
	const susp = section(page, /suspensi/i);
	await expect(susp.locator('.state-standing')).toContainText('cambio: Aumentó considerablemente');
	await expectNoAxeViolations(page);
});
