// A new district on an empty database, in the browser only after `npm start`: its own server
// (the production build, already built by the config's webServer) on a temporary database.
import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { unusedCode } from './helpers/totp.ts';
import { startEmptyServer, type FirstRunServer } from './helpers/first-run.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';

const port = Number(process.env.E2E_FIRST_RUN_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 13);
const base = `http://localhost:${port}`;
let server: FirstRunServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	server = await startEmptyServer(port);
});

test.afterAll(() => server?.stop());

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
	await page.goto(server.setupAddress);
	await page.getByLabel('District name').fill('Monterey Peninsula Unified');
	await page.getByLabel('CDS code').fill(cdsCode);
	await page.getByLabel('Your name').fill(admin.name);
	await page.getByLabel('E-mail').fill(admin.email);
	await page.getByLabel('Password', { exact: true }).fill(admin.password);
	await page.getByLabel('Password again').fill(admin.password);
	await page.getByRole('button', { name: 'Create the district and sign in' }).click();
}

/** The authenticator secrets of the people this journey enrols, to sign them in again. */
const secrets = new Map<string, string>();

/** A new district requires an authenticator app of its administrators: the first thing asked. */
async function enrolAuthenticator(page: Page, person = admin) {
	await page.waitForURL(/\/account\/two-factor\?next=/);
	await expect(page.getByText('Your role requires an authenticator app.')).toBeVisible();
	await page.getByLabel('Your password', { exact: true }).fill(person.password);
	await page.getByRole('button', { name: 'Set up' }).click();
	const secret = (await page.locator('code.secret').textContent())!.trim();
	secrets.set(person.email, secret);
	await page.getByLabel('Code', { exact: true }).fill(await unusedCode(secret));
	await page.getByRole('button', { name: 'Turn on' }).click();
	await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
	await page.getByRole('link', { name: 'Done: continue' }).click();
}

/** Signs in with password and authenticator code, as a returning person does. */
async function signIn(page: Page, person: { email: string; password: string }) {
	await page.goto(base + '/login');
	await page.getByLabel('E-mail').fill(person.email);
	await page.getByLabel('Password').fill(person.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/login\/code/);
	await page.getByLabel('Code', { exact: true }).fill(await unusedCode(secrets.get(person.email)!));
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const dashboardFile = (year: number, indicator: string) =>
	resolve(`../shared/data/ca-dashboard/${year}/${indicator}download${year}.txt`);

async function importInBrowser(page: Page, path: string) {
	await page.goto(base + '/manage/imports');
	await page.getByLabel('File (up to 50 MB)').setInputFiles(path);
	await page.getByRole('button', { name: 'Upload and preview' }).click();
	await page.getByRole('button', { name: /^Import/ }).click();
	await expect(page.getByRole('status')).toContainText('Imported');
}

const count = (sql: string) => server.count(sql);

test('before setup the public sees only that the site is being set up: no path, command or version', async ({
	page
}) => {
	await page.goto(base + '/');
	await expect(page.getByText('This site is being set up.')).toBeVisible();
	const text = await page.locator('main').innerText();
	expect(text).not.toContain(server.databasePath);
	expect(text).not.toMatch(/npm|DATABASE_PATH|setup\?token|user:create/);
	await page.goto(base + '/es/');
	await expect(page.getByText('Este sitio se está configurando.')).toBeVisible();
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
	expect((await page.goto(server.setupAddress))!.status()).toBe(404);
	expect(count('select count(*) from district')).toBe(1);
	expect(count("select count(*) from user where role = 'admin'")).toBe(1);
});

const superintendent = {
	name: 'Sam Super',
	email: 'sam@mpusd.example',
	password: 'sea otters hold hands asleep'
};

test('MPUSD on its own files: import, a priority with targets, a published update, the public pages', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const page = await (await browser.newContext()).newPage();
	await signIn(page, admin);
	// Password and code: an administrator of a district being set up lands on the checklist.
	await expect(page).toHaveURL(/\/manage\/setup$/);

	// The state's ELA files of two years, in the browser.
	await importInBrowser(page, dashboardFile(2022, 'ela'));
	await importInBrowser(page, dashboardFile(2023, 'ela'));
	expect(count("select count(*) from measure where code = 'ela'")).toBe(1);

	// A priority on the imported ELA measure, with targets for the plan's years.
	await page.goto(base + '/manage/priorities/new');
	await page.getByLabel('Title', { exact: true }).fill('Every student a strong reader');
	await page.getByLabel('Slug').fill('reading');
	await page.getByLabel('Sponsor').fill('Chief Academic Officer');
	await page.getByLabel('Status').selectOption('active');
	await page.getByRole('button', { name: 'Add the priority' }).click();
	await expect(page.getByRole('status')).toContainText('Added.');
	const priorityId = count("select id from priority where slug = 'reading'");

	const elaId = count("select id from measure where code = 'ela'");
	await page.goto(`${base}/manage/measures/${elaId}`);
	await page
		.getByLabel('Priority', { exact: true })
		.selectOption({ label: 'Every student a strong reader' });
	const targets: [string, string][] = [
		['2023-24', '-30'],
		['2024-25', '-25'],
		['2025-26', '-20'],
		['2026-27', '-15']
	];
	for (const [i, [year, value]] of targets.slice(0, 3).entries()) {
		await page.getByLabel(`School year, row ${i + 1}`).fill(year);
		await page.getByLabel(`Target, row ${i + 1}`).fill(value);
	}
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	await page.getByLabel('School year, row 4').fill(targets[3][0]);
	await page.getByLabel('Target, row 4').fill(targets[3][1]);
	// And one for English learners.
	await page.getByLabel('School year, row 5').fill('2023-24');
	await page.getByLabel('Student group, row 5').selectOption({ label: 'English learners' });
	await page.getByLabel('Target, row 5').fill('-70');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	expect(count(`select count(*) from measure_target where measure_id = ${elaId}`)).toBe(5);
	expect(
		count(
			`select count(*) from measure_target where measure_id = ${elaId} and student_group = 'EL'`
		)
	).toBe(1);

	// A board meeting, and the superintendent who publishes to the public.
	await page.goto(base + '/manage/meetings');
	await page.getByLabel('Date').fill('2026-12-10');
	await page.getByLabel('Kind').selectOption('regular');
	await page.getByRole('button', { name: 'Add meeting' }).click();
	await expect(page).toHaveURL(/\/manage\/meetings\/\d+$/);
	const meetingId = Number(new URL(page.url()).pathname.split('/').pop());

	await page.goto(base + '/admin/users');
	await page.getByLabel('Name', { exact: true }).fill(superintendent.name);
	await page.getByRole('textbox', { name: 'E-mail' }).fill(superintendent.email);
	await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('superintendent');
	await page.getByLabel('First password').fill(superintendent.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Created the account for ${superintendent.email}`
	);
	await page.close();

	const sup = await (await browser.newContext()).newPage();
	await sup.goto(base + '/login');
	await sup.getByLabel('E-mail').fill(superintendent.email);
	await sup.getByLabel('Password').fill(superintendent.password);
	await sup.getByRole('button', { name: 'Sign in' }).click();
	await enrolAuthenticator(sup, superintendent);
	await sup.goto(`${base}/manage/meetings/${meetingId}/updates/${priorityId}`);
	await sup.getByLabel('Status', { exact: true }).selectOption('watch');
	await sup
		.getByLabel('Summary (one line)')
		.fill('Reading held steady; the new tutoring starts in January.');
	await sup.getByRole('button', { name: /^Save/ }).click();
	await sup.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(sup.getByRole('status')).toContainText('published');
	await sup.close();

	// The public reads the state's figures, color and levels, and how old the data is.
	const reader = await (await browser.newContext()).newPage();
	await reader.goto(base + '/priorities/reading');
	const ela = reader.locator('section.measure').first();
	await expect(ela.getByRole('table').first()).toContainText(/2021-22[\s\S]*2022-23/);
	await expect(ela.getByRole('table').first()).toContainText(/[−-]34\.1[\s\S]*[−-]34\.3/);
	await expect(ela.locator('.state-standing')).toContainText('2022-23');
	await expect(ela.locator('.state-standing')).toContainText('Orange');
	await expect(ela.locator('.state-standing')).toContainText('status Low');
	await expect(ela.locator('.state-standing')).toContainText('change: Maintained');
	await expect(ela.locator('.state-standing a')).toHaveAttribute(
		'href',
		'https://www.caschooldashboard.org/reports/27660920000000/2023'
	);
	await expect(reader.getByText(/Results through 2022-23/)).toBeVisible();
	// No target for 2022-23: the result is not graded against a later year's target; the page
	// says what the next one asks, neutrally (−34.3 against 2023-24's −30: 4.3 points above).
	await expect(ela).toContainText('Next target (2023-24): −30.0');
	await expect(ela).toContainText(
		'the 2023-24 target is −30.0: 4.3 points above the 2022-23 result'
	);
	await expect(ela.locator('.badge.behind')).toHaveCount(0);
	await expect(reader.getByText('Reading held steady')).toBeVisible();
	// English learners' own next target (−76.6 in 2022-23; their 2023-24 target is −70).
	await expect(ela.getByRole('row', { name: /^English learners\b(?! only)/ })).toContainText(
		'Next target (2023-24): −70.0'
	);
	// And on the chart's table, their own target beside the district's (issue 29, item 3).
	await expect(ela.getByRole('row', { name: 'Target for English learners' })).toContainText(
		'−70.0'
	);
	await expectNoAxeViolations(reader);
	for (const size of [
		{ width: 1280, height: 800 },
		{ width: 390, height: 844 }
	]) {
		await reader.setViewportSize(size);
		await reader.screenshot({
			path: `reports/screens/first-run-mpusd-priority-${size.width}.png`,
			fullPage: true
		});
	}

	// In Spanish, no group name stays in English without saying so.
	await reader.goto(base + '/es/priorities/reading');
	const unmarked = await reader
		.locator('table th[scope="row"] [lang="en"]')
		.evaluateAll((spans) =>
			spans
				.filter((s) => !s.parentElement?.querySelector('.only-english'))
				.map((s) => s.textContent)
		);
	expect(unmarked).toEqual([]);
	await expect(reader.getByText('Todos los estudiantes').first()).toBeVisible();
	await expect(reader.locator('.state-standing')).toContainText('Anaranjado');
	await expectNoAxeViolations(reader);
	await reader.close();
});
