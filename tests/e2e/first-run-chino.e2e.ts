// The second journey of issue 14: Chino Valley Unified on an empty database, set up in the
// browser from the state's real directory file (the rows of CDE's Public Schools and Districts
// file for the district: 37 active schools, 8 closed). Its copy in tests/fixtures is the file
// of ../shared/data/ca-directory, byte for byte.
import { expect, test, type Page } from '@playwright/test';
import { startEmptyServer, setUpDistrict, type FirstRunServer } from './helpers/first-run.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { shoot } from './helpers/screens.ts';

const port = Number(process.env.E2E_CHINO_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 14);
const directoryFile = 'tests/fixtures/ca-directory/pubschls-chino-valley-unified.txt';
let server: FirstRunServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
	server = await startEmptyServer(port);
});
test.afterAll(() => server?.stop());

const row = (page: Page, school: string) =>
	page.getByRole('table', { name: 'Schools' }).getByRole('row', { name: new RegExp(school) });

test('Chino Valley Unified: setup, its directory imported in the browser, its schools as the state lists them', async ({
	page
}) => {
	test.setTimeout(120_000);
	await setUpDistrict(
		page,
		server,
		{ name: 'Chino Valley Unified', cdsCode: '36676780000000' },
		{ name: 'Cam Admin', email: 'cam@chino.example', password: 'citrus groves and foothills' }
	);
	await page.waitForURL(server.base + '/manage/setup');
	await expect(page.getByRole('heading', { name: /Schools\s+Not done/ })).toBeVisible();

	// The checklist's schools step leads to the schools page, which offers the directory import.
	await page.goto(server.base + '/manage/schools');
	await expect(page.getByText('No schools yet.')).toBeVisible();
	await page.getByRole('link', { name: "import the state's school directory" }).click();
	await page.getByLabel('File (up to 50 MB)').setInputFiles(directoryFile);
	await page.getByRole('button', { name: 'Upload and preview' }).click();
	await expect(
		page.getByRole('heading', { name: 'Preview: pubschls-chino-valley-unified.txt' })
	).toBeVisible();
	await expect(page.getByText('Principals recorded: 38')).toBeVisible();
	await page.getByRole('button', { name: 'Import 45 values' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Imported pubschls-chino-valley-unified.txt'
	);
	expect(server.count('select count(*) from school')).toBe(45);

	// Open schools, with their types, grade spans and principals.
	await page.goto(server.base + '/manage/schools');
	await expect(page.getByRole('status')).toHaveText('37 open schools.');
	await expect(row(page, 'Edwin Rhodes Elementary')).toContainText(
		/36676780100578\s*Elementary\s*K-6\s*No\s*Open\s*Stephenette Graham/
	);
	await expect(row(page, 'Don Antonio Lugo High')).toContainText(
		/High\s*9-12\s*No\s*Open\s*Olivier WongAhSun/
	);
	await expect(row(page, 'Magnolia Junior High')).toContainText(/Middle\s*7-8/);
	await expect(row(page, 'Cal Aero Preserve Academy')).toContainText(/K-8\s*K-8/);
	await expect(row(page, 'Buena Vista Continuation High')).toContainText(/Continuation\s*11-12/);
	await expect(row(page, 'Allegiance STEAM Academy - Thrive')).toContainText(
		/K-8\s*Yes\s*Open\s*Sebastian Cognetta/
	);
	await expectNoAxeViolations(page);
	await shoot(page, 'chino-schools');

	// Closed ones, marked closed with their dates, without a principal.
	await page.getByLabel('Status').selectOption('closed');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('status')).toHaveText('8 closed schools.');
	await expect(row(page, 'El Rancho Elementary')).toContainText(/Closed June 30, 2009\s*—/);
	await expect(row(page, 'Oxford Preparatory Academy - Chino Valley')).toContainText(
		/Yes\s*Closed June 30, 2017/
	);
	await shoot(page, 'chino-closed');

	// Search by CDS code; the school's own page shows the principal.
	await page.goto(server.base + '/manage/schools');
	await page.getByLabel('Name or CDS code').fill('36676786059372');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('status')).toHaveText('1 open school matches.');
	await page.getByRole('link', { name: 'Magnolia Junior High' }).click();
	await expect(page.getByText('Principal: Isabel Brenes')).toBeVisible();
	await expect(page.getByLabel('Grade span')).toHaveValue('7-8');

	// The district row's administrator is recorded as superintendent; the step is done.
	expect(
		server.count(
			"select count(*) from leader_tenure where role = 'superintendent' and person_name = 'Norm Enfield'"
		)
	).toBe(1);
	expect(server.count("select count(*) from leader_tenure where role = 'principal'")).toBe(37);
	await page.goto(server.base + '/manage/setup');
	await expect(page.getByRole('heading', { name: /Schools\s+Done/ })).toBeVisible();

	// The public school list shows the open schools.
	await page.goto(server.base + '/schools');
	await expect(page.getByRole('link', { name: 'Edwin Rhodes Elementary' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'El Rancho Elementary' })).toHaveCount(0);
});
