// Accountability (issue 31): Monterey Peninsula Unified from an empty database with its 2022 and
// 2023 Dashboard files and the state's DA and ESSA workbooks (../shared/data), imported by the CLI
// as a district would, then its public page in both languages; and the demo's board page. Every
// expected word and figure is read by hand off the state's files:
// - assistancestatus23.xlsx, Monterey Peninsula Unified: AssistanceStatus2023 "Differentiated
//   Assistance, Year 1"; SEDpriorities A (4, 5, 6), SWDpriorities C (5, 6);
// - suspdownload2023.txt, district rows, color 1 (Red): students with disabilities 6.4 % of 1,589;
//   foster youth 8.7 % of 23 (over the state's 15 for foster youth, under a suppression size of 30);
// - eladownload2023.txt: English learners −76.6 points, color 1;
// - essaassistance23.xlsx: Los Arboles Middle "CSI Low Perform".
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { signInAs } from './helpers/auth.ts';

const port = Number(process.env.E2E_ACCT_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 16);
const base = `http://localhost:${port}`;
const MPUSD = '27660920000000';
const data = resolve('../shared/data');

let dir = '';
let server: ChildProcess | undefined;

test.describe('a real district', () => {
	test.describe.configure({ mode: 'serial' });

	test.beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'throughline-accountability-'));
		const databasePath = join(dir, 'district.db');
		const env = { ...process.env, DATABASE_PATH: databasePath };
		const files = [
			...['2022', '2023'].flatMap((y) =>
				readdirSync(join(data, 'ca-dashboard', y)).map((f) => join(data, 'ca-dashboard', y, f))
			),
			...[
				'assistancestatus22.xlsx',
				'assistancestatus23.xlsx',
				'essaassistance22.xlsx',
				'essaassistance23.xlsx'
			].map((f) => join(data, 'ca-accountability', f))
		];
		const imported = spawnSync(
			process.execPath,
			['scripts/import.ts', '--district', MPUSD, ...files],
			{ env, encoding: 'utf8' }
		);
		expect(imported.status, imported.stderr).toBe(0);
		// The board's one priority measures chronic absenteeism for all students; and the public
		// reads no group under 30 students.
		const db = new Database(databasePath);
		db.prepare(
			"INSERT INTO priority (slug, title, title_es, description, sponsor, status) VALUES ('every-day', 'Every student, every day', 'Cada estudiante, cada día', 'Attendance', 'Superintendent', 'active')"
		).run();
		db.prepare("UPDATE measure SET priority_id = 1 WHERE code = 'chronic'").run();
		db.prepare('UPDATE district SET suppression_size = 30').run();
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

	const year = (page: import('@playwright/test').Page, y: number) =>
		page.locator('section.year').filter({ has: page.getByRole('heading', { name: String(y) }) });

	test('the public reads the status, the groups, the Reds and the unaddressed ones', async ({
		page
	}) => {
		await page.goto(`${base}/accountability`);
		const y2023 = year(page, 2023);
		await expect(y2023).toContainText('Differentiated Assistance, Year 1');
		const groups = y2023.getByRole('table', { name: /Student groups that met/ });
		await expect(
			groups.getByRole('row', { name: /Socioeconomically disadvantaged/ })
		).toContainText('A (priorities 4, 5, 6)');
		await expect(groups.getByRole('row', { name: /Students with disabilities/ })).toContainText(
			'C (priorities 5, 6)'
		);
		const reds = y2023.getByRole('table', { name: /Red results/ });
		const swdSusp = reds
			.getByRole('row')
			.filter({ hasText: 'Students with disabilities' })
			.filter({ hasText: 'Suspension rate' });
		await expect(swdSusp).toContainText('6.4%');
		await expect(swdSusp).toContainText('1,589');
		await expect(y2023).toContainText(
			'No priority addresses Suspension rate for Students with disabilities (Red in 2023).'
		);
		await expect(y2023).toContainText(
			'No priority addresses English language arts for English learners (Red in 2023).'
		);
		// Chronic absenteeism is the priority's measure, for all students.
		const swdChronic = reds
			.getByRole('row')
			.filter({ hasText: 'Students with disabilities' })
			.filter({ hasText: 'Chronic absenteeism' });
		await expect(swdChronic).toContainText('Every student, every day');
		await expect(y2023).toContainText('Los Arboles Middle');
		await expect(y2023).toContainText('CSI Low Perform');
		// Foster youth (23 students) are under the district's suppression size: not on this page.
		await expect(page.getByText(/Foster youth/i)).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	test('in Spanish', async ({ page }) => {
		await page.goto(`${base}/es/accountability`);
		const y2023 = year(page, 2023);
		await expect(y2023).toContainText('Asistencia Diferenciada, año 1');
		await expect(y2023).toContainText(
			'Ninguna prioridad atiende Tasa de suspensiones para Estudiantes con discapacidades (en rojo en 2023).'
		);
		await expect(y2023).toContainText('Cada estudiante, cada día');
		// Foster youth, in the groups' Spanish name: not on the public page either.
		await expect(page.getByText(/crianza temporal/i)).toHaveCount(0);
		await expectNoAxeViolations(page);
	});
});

test.describe('the demo district', () => {
	test('the board reads its unaddressed Red, on the overview and the accountability page', async ({
		page
	}) => {
		await signInAs(page, 'board');
		await page.goto('/board');
		await expect(page.locator('[data-accountability]')).toContainText(
			'1 Red result has no priority addressing it.'
		);
		await page.goto('/board/accountability');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Accountability');
		await expect(page.locator('main')).toContainText(
			/No priority addresses College\/career for Students with Disabilities \(Red in \d{4}\)\./
		);
		await expect(page.locator('main')).toContainText('Differentiated Assistance');
		await expectNoAxeViolations(page);
	});

	test('staff upload the state’s workbook in the browser: another district’s file is refused, nothing saved', async ({
		page
	}) => {
		await signInAs(page, 'staff');
		await page.goto('/manage/imports');
		// The demo district (CDS 99999990000000) is in no state workbook.
		await page
			.getByLabel('File (up to 50 MB)')
			.setInputFiles(join(data, 'ca-accountability', 'assistancestatus23.xlsx'));
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(page.getByRole('alert')).toContainText('has no row for this district');
		await expect(page.getByRole('alert')).toContainText('Nothing was changed');
	});

	test('the public page, in both languages, is accessible', async ({ page }) => {
		for (const path of ['/accountability', '/es/accountability']) {
			await page.goto(path);
			await expect(page.locator('section.year').first()).toBeVisible();
			await expectNoAxeViolations(page);
		}
	});
});
