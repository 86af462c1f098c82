// The public record of a held meeting, and the calendar out (issue 17): the superintendent marks
// a meeting held; the public then reads its page (in English and Spanish) and its PDF, with no
// draft, no update shared with the board alone, no board question, no speaker notes and no
// group under the suppression size; a board member's calendar feed needs its signed link.
import { expect, test, type Browser } from '@playwright/test';
import ICAL from 'ical.js';
import { PDFDocument } from 'pdf-lib';
import { apiAs, createAccount, signInWithForm, storageStateFor } from './helpers/auth';
import { query } from './helpers/db.ts';
import { expectNoAxeViolations } from './helpers/axe';

test.describe.configure({ mode: 'serial', timeout: 120_000 });
const shots = 'reports/meetings-screens';

/** The demo's newest past meeting, not held: an update shared with the board only, a question. */
const meetingId = query<{ id: number }>(
	`select m.id from board_meeting m where m.held_on <= '2025-06-15' and m.held_at is null
	 and exists (select 1 from progress_update u join board_question q on q.update_id = u.id
	   join progress_update_version v on v.update_id = u.id and v.state = 'shared'
	   where u.meeting_id = m.id)
	 order by m.held_on desc limit 1`
)[0]?.id;

async function as(browser: Browser, role: 'superintendent' | 'board' | 'staff') {
	const context = await browser.newContext({ storageState: storageStateFor(role) });
	return context.newPage();
}

test('the superintendent marks a meeting held; only then has it a public page', async ({
	browser
}) => {
	expect(meetingId).toBeTruthy();
	const anonymous = await apiAs('anonymous');
	expect((await anonymous.get(`/meetings/${meetingId}`)).status()).toBe(404);
	expect((await anonymous.get(`/meetings/${meetingId}/record.pdf`)).status()).toBe(404);

	const staff = await as(browser, 'staff');
	await staff.goto(`/board/meetings/${meetingId}`);
	await expect(staff.getByTestId('held')).toContainText('The superintendent or an administrator');
	await expect(staff.getByRole('button', { name: 'Mark this meeting held' })).toHaveCount(0);

	const page = await as(browser, 'superintendent');
	await page.goto(`/board/meetings/${meetingId}`);
	await page.getByRole('button', { name: 'Mark this meeting held' }).click();
	await expect(page.getByRole('status')).toContainText('marked held');
	await expect(page.getByTestId('held')).toContainText(`/meetings/${meetingId}`);
	expect(
		query(`select 1 from audit_log where action = 'hold' and entity_id = ?`, String(meetingId))
	).toHaveLength(1);
	expect(query(`select 1 from meeting_snapshot where meeting_id = ?`, meetingId)).toHaveLength(1);

	expect((await anonymous.get(`/meetings/${meetingId}`)).status()).toBe(200);
	const list = await (await anonymous.get('/meetings')).text();
	expect(list).toContain(`href="/meetings/${meetingId}"`);
	await anonymous.dispose();
});

test('the public page shows no draft, shared-only update, board question, speaker notes or small group; axe passes in both languages', async ({
	page
}) => {
	const versions = query<{ state: string; summary: string; learned: string; notes: string }>(
		`select v.state, v.summary, v.learned, v.speaker_notes as notes from progress_update_version v
		 join progress_update u on u.id = v.update_id where u.meeting_id = ?`,
		meetingId
	);
	const hidden = versions.filter((v) => v.state !== 'published');
	expect(hidden.length).toBeGreaterThan(0);
	const questions = query<{ question: string; answer: string | null }>(
		`select q.question, q.answer from board_question q join progress_update u on u.id = q.update_id
		 where u.meeting_id = ?`,
		meetingId
	);
	expect(questions.length).toBeGreaterThan(0);
	// The groups under the suppression size: none of their sizes or group names may show.
	const size = query<{ n: number }>('select suppression_size as n from district')[0].n;

	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Board meetings' })
		.click();
	await expect(page).toHaveURL(/\/meetings$/);
	await page.locator(`a[href="/meetings/${meetingId}"]`).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	for (const path of [`/meetings/${meetingId}`, `/es/meetings/${meetingId}`]) {
		await page.setViewportSize({ width: 1280, height: 800 });
		expect((await page.goto(path))?.status()).toBe(200);
		const body = await page.locator('main').innerText();
		for (const v of hidden) {
			expect(body).not.toContain(v.summary);
			if (v.learned) expect(body).not.toContain(v.learned);
		}
		for (const v of versions) if (v.notes) expect(body).not.toContain(v.notes);
		for (const q of questions) {
			expect(body).not.toContain(q.question);
			if (q.answer) expect(body).not.toContain(q.answer);
		}
		// District-wide, all-students figures only: no table by student group or by school.
		const captions = await page.locator('main caption').allInnerTexts();
		expect(captions.length).toBeGreaterThan(1);
		for (const c of captions.slice(1)) expect(c).toMatch(/all students|todos los estudiantes/);
		await expect(page.locator('main')).toContainText(String(size));
		await expectNoAxeViolations(page);
		const tag = path.startsWith('/es') ? 'es' : 'en';
		await page.screenshot({ path: `${shots}/record-${tag}-1280.png`, fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${shots}/record-${tag}-phone.png`, fullPage: true });
		const sideways = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(sideways).toBeLessThanOrEqual(0);
	}
});

test('the PDF downloads, starts with %PDF and has a first page and a page per priority', async ({
	page
}) => {
	await page.goto(`/meetings/${meetingId}`);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: /Download the record/ }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^board-meeting-\d{4}-\d{2}-\d{2}-record\.pdf$/);

	const api = await apiAs('anonymous');
	const response = await api.get(`/meetings/${meetingId}/record.pdf`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	const bytes = await response.body();
	expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	const deck = JSON.parse(
		query<{ deck: string }>(
			'select deck from meeting_snapshot where meeting_id = ? order by frozen_at desc limit 1',
			meetingId
		)[0].deck
	) as { slides: { kind: string }[] };
	const priorities = deck.slides.filter((s) => s.kind === 'priority').length;
	const pdf = await PDFDocument.load(bytes);
	expect(pdf.getPageCount()).toBe(1 + priorities);
	await api.dispose();
});

test('the record is Spanish on /es/: its words, chart legends and PDF; what exists only in English is marked', async ({
	page
}) => {
	await page.goto(`/meetings/${meetingId}`);
	const english = page.locator('main');
	expect(await english.locator('svg .legend').first().locator('text').allTextContents()).toEqual([
		'result',
		'target'
	]);
	await expect(english).not.toContainText('solo en inglés');

	await page.goto(`/es/meetings/${meetingId}`);
	const main = page.locator('main');
	expect(await main.locator('svg .legend').first().locator('text').allTextContents()).toEqual([
		'resultado',
		'meta'
	]);
	// The standing as presented is kept as data and worded in Spanish (issue 29, item 9).
	const standing = main.locator('.standing').first();
	await expect(standing).toContainText('Tal como se presentó:');
	await expect(standing).toContainText(
		/Cumple la meta|Supera la meta|de alcanzar la meta|Próxima meta|Año de referencia|No hay meta/
	);
	await expect(standing).not.toContainText('(solo en inglés)');
	await expect(standing.locator('span[lang="en"]')).toHaveCount(0);
	// Every text of an update shown in English on the Spanish page carries the mark.
	const englishTexts = main.locator('.prose span[lang="en"]');
	// (The demo's updates carry Spanish texts.)
	expect(await main.locator('.prose .only-english').count()).toBe(await englishTexts.count());
	await expect(main).not.toContainText('As presented');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: /Descargar el registro/ }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^board-meeting-\d{4}-\d{2}-\d{2}-record-es\.pdf$/);
	const api = await apiAs('anonymous');
	for (const [path, title] of [
		[`/es/meetings/${meetingId}/record.pdf`, 'registro público'],
		[`/meetings/${meetingId}/record.pdf`, 'public record']
	]) {
		const response = await api.get(path);
		expect(response.headers()['content-type']).toBe('application/pdf');
		const pdf = await PDFDocument.load(await response.body());
		expect(pdf.getTitle()).toContain(title);
	}
	await api.dispose();
});

test('the board’s calendar feed needs its signed link, and a deactivated account’s stops', async ({
	browser
}) => {
	const page = await as(browser, 'board');
	await page.goto('/board/meetings');
	const link = await page.getByLabel('Your calendar link').inputValue();
	expect(link).toMatch(/\/board\/calendar\.ics\?user=.+&sig=/);
	const url = new URL(link);

	const api = await apiAs('anonymous');
	const feed = await api.get(url.pathname + url.search);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const text = await feed.text();
	expect(text).toContain('\r\n');
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent');
	const meetings = query<{ n: number }>('select count(*) as n from board_meeting')[0].n;
	expect(events.length).toBe(meetings);

	expect((await api.get('/board/calendar.ics')).status()).toBe(404);
	const forged = new URLSearchParams(url.search);
	forged.set('user', 'demo-superintendent');
	expect((await api.get(`/board/calendar.ics?${forged}`)).status()).toBe(403);
	forged.set('user', url.searchParams.get('user')!);
	forged.set(
		'sig',
		url.searchParams.get('sig')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))
	);
	expect((await api.get(`/board/calendar.ics?${forged}`)).status()).toBe(403);

	// A board member whose account is deactivated: their link stops working.
	const account = await createAccount('board');
	const context = await browser.newContext();
	const theirs = await context.newPage();
	await signInWithForm(theirs, account.email, account.password);
	await theirs.goto('/board/meetings');
	const their = new URL(await theirs.getByLabel('Your calendar link').inputValue());
	expect((await api.get(their.pathname + their.search)).status()).toBe(200);
	const admin = await apiAs('admin');
	const off = await admin.post(`/admin/users/${account.id}?/deactivate`, {
		form: {},
		headers: { accept: 'text/html' }
	});
	expect(off.status()).toBeLessThan(400);
	expect((await api.get(their.pathname + their.search)).status()).toBe(403);
	await admin.dispose();
	await api.dispose();
});

test('a meeting’s agenda items download as CSV for the board portal', async () => {
	const board = await apiAs('board');
	const response = await board.get(`/board/meetings/${meetingId}/agenda.csv`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const lines = (await response.text()).trim().split('\n');
	expect(lines[0]).toBe(
		'meeting_date,meeting,order,agenda_item,priority,minutes,progress_update_due'
	);
	const items = query<{ n: number }>(
		'select count(*) as n from agenda_item where meeting_id = ?',
		meetingId
	)[0].n;
	expect(lines.length).toBe(1 + items);
	await board.dispose();
	const anonymous = await apiAs('anonymous');
	expect((await anonymous.get(`/board/meetings/${meetingId}/agenda.csv`)).status()).toBe(303);
	await anonymous.dispose();
});
