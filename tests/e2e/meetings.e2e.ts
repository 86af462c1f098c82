// Board meetings, progress updates, questions, presentation mode, the board packet and feedback
// loops, as the board, staff, the superintendent and the public meet them.
import {
	expect,
	request,
	test,
	type APIRequestContext,
	type Browser,
	type Page
} from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { query } from './helpers/db.ts';
import { expectNoAxeViolations } from './helpers/axe';
import { resolve } from 'node:path';

// Sessions saved by the sign-in setup project (tests/e2e/helpers/auth.setup.ts, from the auth
// branch) in reports/e2e-auth/<role>.json; kept here so this file stands on its own.
type DemoRole = 'admin' | 'superintendent' | 'staff' | 'board';
const storageStateFor = (role: DemoRole) => resolve('reports/e2e-auth', `${role}.json`);
const origin = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** An API client (no browser) signed in as `role`, or anonymous; redirects are not followed. */
async function apiAs(viewer: DemoRole | 'anonymous'): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: origin,
		storageState: viewer === 'anonymous' ? undefined : storageStateFor(viewer),
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.1', origin },
		maxRedirects: 0
	});
}

const shots = 'reports/meetings-screens';
// The machine is shared: axe on a long page can take a while.
test.describe.configure({ timeout: 120_000 });

/** A page in a fresh browser context signed in as `role`. */
async function as(browser: Browser, role: DemoRole): Promise<Page> {
	const context = await browser.newContext({ storageState: storageStateFor(role) });
	return context.newPage();
}
mkdirSync(shots, { recursive: true });

const count = (sql: string, ...params: unknown[]) =>
	query<{ n: number }>(`select count(*) as n from (${sql})`, ...params)[0].n;

/** A meeting of the last demo year that has at least one update shared or published. */
function demoMeeting(): number {
	return query<{ id: number }>(
		`select m.id from board_meeting m
		 join progress_update u on u.meeting_id = m.id
		 join progress_update_version v on v.update_id = u.id and v.state <> 'draft'
		 where m.held_on <= '2025-06-15' order by m.held_on desc limit 1`
	)[0].id;
}

const activePriorities = () =>
	query<{ id: number; slug: string; title: string }>(
		`select id, slug, title from priority where status = 'active' order by sort_order, id`
	);

test.describe('the progress update workflow', () => {
	test.describe.configure({ mode: 'serial' });
	const tag = `E2E${Date.now()}`;
	const draftText = `${tag} draft summary`;
	const v1Text = `${tag} published summary`;
	const v2Text = `${tag} second version`;
	let meetingId = 0;
	let priority: { id: number; slug: string; title: string };

	async function saveUpdate(page: Page, summary: string) {
		await page.goto(`/manage/meetings/${meetingId}/updates/${priority.id}`);
		await page.getByLabel('Status', { exact: true }).selectOption('watch');
		await page.getByLabel('Summary (one line)').fill(summary);
		await page.getByLabel('What we learned', { exact: true }).fill(`${summary}: learned`);
		await page.getByRole('button', { name: /^Save/ }).click();
		await expect(page.getByRole('status')).toContainText('was saved');
	}

	async function publicSees(text: string): Promise<boolean> {
		const api = await apiAs('anonymous');
		let seen = false;
		for (const url of [
			'/',
			'/__data.json',
			`/priorities/${priority.slug}`,
			`/priorities/${priority.slug}/__data.json`
		]) {
			const body = await (await api.get(url)).text();
			if (body.includes(text)) seen = true;
		}
		await api.dispose();
		return seen;
	}

	test('staff create a meeting and write a draft the board cannot read', async ({ browser }) => {
		let page: Page;
		priority = activePriorities()[0];
		page = await as(browser, 'staff');
		await page.goto('/manage/meetings');
		await page.getByLabel('Date').fill('2025-06-29');
		await page.getByLabel('Kind').selectOption('special');
		await page.getByLabel('Title (optional)').fill(`${tag} meeting`);
		await page.getByRole('button', { name: 'Add meeting' }).click();
		await expect(page).toHaveURL(/\/manage\/meetings\/\d+$/);
		meetingId = Number(page.url().split('/').pop());
		await saveUpdate(page, draftText);
		await expect(page.getByText('Version 1: draft (staff only)')).toBeVisible();
		// Staff cannot publish: no button, and the action is refused.
		await expect(page.getByRole('button', { name: /Publish/ })).toHaveCount(0);
		const staff = await apiAs('staff');
		const refused = await staff.post(
			`/manage/meetings/${meetingId}/updates/${priority.id}?/publish`,
			{
				form: {},
				headers: { accept: 'text/html' }
			}
		);
		expect(refused.status()).toBe(403);
		await staff.dispose();

		page = await as(browser, 'board');
		await page.goto(`/board/meetings/${meetingId}`);
		await expect(page.getByRole('heading', { name: priority.title })).toBeVisible();
		await expect(page.getByText(draftText)).toHaveCount(0);
		const data = await (await page.request.get(`/board/meetings/${meetingId}/__data.json`)).text();
		expect(data).not.toContain(draftText);
		expect(await publicSees(draftText)).toBe(false);
	});

	test('board members cannot edit or publish', async () => {
		const board = await apiAs('board');
		expect((await board.get('/manage/meetings')).status()).toBe(403);
		for (const action of ['save', 'share', 'publish']) {
			const r = await board.post(
				`/manage/meetings/${meetingId}/updates/${priority.id}?/${action}`,
				{
					form: { status: 'on track', summary: 'board edit' },
					headers: { accept: 'text/html' }
				}
			);
			expect(r.status(), action).toBe(403);
		}
		await board.dispose();
		expect(count(`select 1 from progress_update_version where summary = 'board edit'`)).toBe(0);
	});

	test('shared with the board, the board reads it and asks; the public still does not', async ({
		browser
	}) => {
		let page: Page;
		page = await as(browser, 'staff');
		await page.goto(`/manage/meetings/${meetingId}/updates/${priority.id}`);
		await page.getByRole('button', { name: 'Share with the board' }).click();
		await expect(page.getByRole('status')).toContainText('shared with the board');

		page = await as(browser, 'board');
		await page.goto(`/board/meetings/${meetingId}`);
		await expect(page.getByText(draftText, { exact: true })).toBeVisible();
		await expect(page.getByText(/Brown Act/)).toBeVisible();
		// An empty question is refused with a message next to the field, and nothing is saved.
		const before = count('select 1 from board_question');
		await page.getByRole('button', { name: 'Send question to staff' }).click();
		await expect(page.getByText('Write your question.')).toBeVisible();
		expect(count('select 1 from board_question')).toBe(before);
		await page.getByLabel('Ask staff a question about this update').fill(`${tag} why?`);
		await page.getByRole('button', { name: 'Send question to staff' }).click();
		await expect(page.getByRole('status')).toContainText('sent to staff');
		await expect(page.getByText(`${tag} why?`)).toBeVisible();
		// Board members have no answer form: they do not reply to one another.
		await expect(page.getByRole('button', { name: 'Save answer' })).toHaveCount(0);
		expect(await publicSees(draftText)).toBe(false);

		page = await as(browser, 'staff');
		await page.goto(`/board/meetings/${meetingId}`);
		await page.getByRole('button', { name: 'Save answer' }).first().click();
		await expect(page.getByText('Write the answer.')).toBeVisible();
		await page.getByLabel('Answer', { exact: true }).fill(`${tag} because`);
		await page.getByRole('button', { name: 'Save answer' }).click();
		await expect(page.getByRole('status')).toContainText('The answer was saved.');
		await expect(page.getByText(`${tag} because`)).toBeVisible();
	});

	test('only the superintendent publishes; then the public reads it', async ({ browser }) => {
		const page = await as(browser, 'superintendent');
		await saveUpdate(page, v1Text);
		await expect(page.getByRole('status')).toContainText('Version 1 was saved');
		await page.getByRole('button', { name: 'Publish version 1' }).click();
		await expect(page.getByRole('status')).toContainText('published');
		expect(await publicSees(v1Text)).toBe(true);
		expect(await publicSees(draftText)).toBe(false);
	});

	test('an edit after publishing is a new version; the public keeps the published one', async ({
		browser
	}) => {
		let page: Page;
		page = await as(browser, 'staff');
		await saveUpdate(page, v2Text);
		await expect(page.getByText('Version 2: draft (staff only)')).toBeVisible();
		expect(await publicSees(v2Text)).toBe(false);
		expect(await publicSees(v1Text)).toBe(true);

		page = await as(browser, 'board');
		await page.goto(`/board/meetings/${meetingId}`);
		await expect(page.getByText(v1Text, { exact: true })).toBeVisible();
		await expect(page.getByText(v2Text)).toHaveCount(0);

		page = await as(browser, 'superintendent');
		await page.goto(`/manage/meetings/${meetingId}/updates/${priority.id}`);
		await page.getByRole('button', { name: 'Publish version 2' }).click();
		await expect(page.getByRole('status')).toContainText('published');
		expect(await publicSees(v2Text)).toBe(true);
		expect(await publicSees(v1Text)).toBe(false);

		// The board still reads version 1 in the history.
		page = await as(browser, 'board');
		await page.goto(`/board/meetings/${meetingId}`);
		await page.getByText('Earlier versions (1)').click();
		await expect(page.getByText(v1Text, { exact: true })).toBeVisible();
		await expectNoAxeViolations(page);
		expect(
			count(
				`select 1 from audit_log where entity = 'progress_update_version' and action = 'publish'`
			)
		).toBeGreaterThanOrEqual(2);
	});
});

test.describe('presentation mode', () => {
	test.use({ storageState: storageStateFor('board') });
	test('works by keyboard alone, and every slide passes axe', async ({ page }) => {
		test.setTimeout(300_000);
		const meetingId = demoMeeting();
		const slides = 3 + activePriorities().length;
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(`/present/${meetingId}`);
		// The site's chrome is gone.
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
		await expect(page.getByText(`Slide 1 of ${slides}`)).toBeVisible();
		for (let n = 1; n <= slides; n++) {
			if (n > 1) await expect(page).toHaveURL(`/present/${meetingId}/${n}`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.screenshot({ path: `${shots}/slide-${n}.png` });
			if (n < slides) await page.keyboard.press(n % 2 ? 'ArrowRight' : 'PageDown');
		}
		await page.keyboard.press('Home');
		await expect(page).toHaveURL(`/present/${meetingId}/1`);
		await page.keyboard.press('ArrowLeft');
		await expect(page).toHaveURL(`/present/${meetingId}/1`);
		await page.keyboard.press('End');
		await expect(page).toHaveURL(`/present/${meetingId}/${slides}`);
		await page.keyboard.press('PageUp');
		await expect(page).toHaveURL(`/present/${meetingId}/${slides - 1}`);
		// The links work from the keyboard too.
		await page.getByRole('link', { name: 'Next →' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(`/present/${meetingId}/${slides}`);
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(`/board/meetings/${meetingId}`);
	});

	test('each slide has its own URL and works without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			storageState: storageStateFor('board')
		});
		const page = await context.newPage();
		const meetingId = demoMeeting();
		await page.goto(`/present/${meetingId}/3`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(activePriorities()[0].title);
		await page.getByRole('link', { name: 'Next →' }).click();
		await expect(page).toHaveURL(`/present/${meetingId}/4`);
		await context.close();
	});

	test('the public is sent to sign in', async () => {
		const api = await apiAs('anonymous');
		const r = await api.get(`/present/${demoMeeting()}/1`);
		expect(r.status()).toBe(303);
		expect(r.headers()['location']).toContain('/login');
		await api.dispose();
	});
});

test('the board packet prints one page per active priority', async ({ browser }) => {
	const meetingId = demoMeeting();
	const page = await as(browser, 'board');
	await page.goto(`/board/meetings/${meetingId}/packet`);
	await expectNoAxeViolations(page);
	const pdf = await page.pdf({ format: 'Letter', printBackground: true });
	writeFileSync(`${shots}/packet.pdf`, pdf);
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
	expect(pages).toBe(activePriorities().length);
});

test.describe('forms refuse invalid input and save nothing', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('meeting, agenda item and monitoring calendar', async ({ page }) => {
		const meetings = count('select 1 from board_meeting');
		await page.goto('/manage/meetings');
		await page.getByLabel('Date').fill('');
		await page.getByRole('button', { name: 'Add meeting' }).click();
		await expect(page.locator('#field-heldOn-error')).toHaveText('Enter a date as YYYY-MM-DD.');
		await expect(page.getByRole('alert')).toContainText('The meeting was not saved');
		expect(count('select 1 from board_meeting')).toBe(meetings);

		const meetingId = demoMeeting();
		const items = count('select 1 from agenda_item');
		await page.goto(`/manage/meetings/${meetingId}`);
		await page.locator('#item-new-title').fill('');
		await page.locator('#item-new-minutes').fill('-5');
		await page.getByRole('button', { name: 'Add item' }).click();
		await expect(page.locator('#item-new-title-error')).toHaveText('Give the agenda item a title.');
		await expect(page.locator('#item-new-minutes-error')).toHaveText('Minutes cannot be negative.');
		expect(count('select 1 from agenda_item')).toBe(items);
		await expectNoAxeViolations(page);

		const staff = await apiAs('staff');
		const due = count('select 1 from monitoring_due');
		const r = await staff.post(`/manage/meetings/${meetingId}?/setDue`, {
			form: { priorityIds: '999999' },
			headers: { accept: 'text/html' }
		});
		expect(r.status()).toBe(400);
		expect(count('select 1 from monitoring_due')).toBe(due);
		await staff.dispose();
	});

	test('progress update', async ({ page }) => {
		const p = activePriorities()[0];
		const meetingId = demoMeeting();
		const versions = count('select 1 from progress_update_version');
		await page.goto(`/manage/meetings/${meetingId}/updates/${p.id}`);
		await page.getByLabel('Summary (one line)').fill('');
		await page.getByRole('button', { name: /^Save/ }).click();
		await expect(page.locator('#field-summary-error')).toHaveText('Write a one-line summary.');
		await expect(page.getByRole('alert')).toContainText('The update was not saved');
		expect(count('select 1 from progress_update_version')).toBe(versions);
		await expectNoAxeViolations(page);
	});

	test('feedback and closing a loop', async ({ page }) => {
		const rows = count('select 1 from feedback');
		await page.goto('/manage/feedback');
		await page.getByRole('button', { name: 'Record feedback' }).click();
		await expect(page.locator('#field-schoolId-error')).toHaveText('Choose the school.');
		await expect(page.locator('#field-summary-error')).toHaveText('Say what the school reported.');
		expect(count('select 1 from feedback')).toBe(rows);
		await expectNoAxeViolations(page);

		const open = query<{ id: number; reported_on: string }>(
			`select id, reported_on from feedback where responded_on is null order by id limit 1`
		)[0];
		await page.goto(`/manage/feedback/${open.id}`);
		await page
			.getByLabel("The district's response (the support adjustment made)")
			.fill('We adjusted.');
		await page.getByLabel('Responded on').fill('2001-01-01');
		await page.getByRole('button', { name: 'Close the loop' }).click();
		await expect(page.locator('#field-respondedOn-error')).toHaveText(
			'The response cannot come before the report.'
		);
		expect(
			query<{ r: string | null }>('select responded_on as r from feedback where id = ?', open.id)[0]
				.r
		).toBeNull();
		await expectNoAxeViolations(page);
	});
});

test.describe('board pages', () => {
	test.use({ storageState: storageStateFor('board') });

	test('meetings: time on the priorities against the goal, and the monitoring calendar', async ({
		page
	}) => {
		await page.goto('/board/meetings');
		await expect(page.getByRole('heading', { name: 'Board time on the priorities' })).toBeVisible();
		await expect(
			page.getByRole('img', { name: /per school year, against the goal of 50%/ })
		).toBeVisible();
		await expect(
			page.getByRole('table', { name: 'Time on the priorities per school year' })
		).toBeVisible();
		await expect(page.getByRole('heading', { name: /Monitoring calendar, 2024-25/ })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Present/ }).first()).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({ path: `${shots}/board-meetings.png`, fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await expectNoAxeViolations(page);
	});

	test('feedback: filter by structure and school', async ({ page }) => {
		const s = query<{ id: number; name: string; n: number }>(
			`select s.id, s.name, count(*) as n from feedback f join structure s on s.id = f.structure_id
			 group by s.id order by n desc limit 1`
		)[0];
		await page.goto('/board/feedback');
		await expect(
			page.getByRole('img', { name: 'Feedback loops opened and closed per month' })
		).toBeVisible();
		await page.getByLabel('Structure').selectOption(String(s.id));
		await page.getByRole('button', { name: 'Filter' }).click();
		await expect(page).toHaveURL(new RegExp(`structure=${s.id}`));
		const rows = page.getByRole('table', { name: 'Feedback, newest first' }).locator('tbody tr');
		await expect(rows).toHaveCount(Math.min(50, s.n));
		for (const cell of await rows.locator('td:nth-child(3)').allTextContents())
			expect(cell).toBe(s.name);
		await expectNoAxeViolations(page);
		await page.screenshot({ path: `${shots}/board-feedback.png`, fullPage: true });
	});
});
