// Context on the charts (issue 33): staff add dated event notes at /manage/notes (a date outside
// the district's school years refused), the public reads the public ones beside the charts in
// English and Spanish and never an internal one (not on the page, in its __data.json, the open
// data or the API); the board reads both; the state's 2019-20/2020-21 break is marked on the
// chart and no change is computed across it; a district's break stops the line.
import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './helpers/auth.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { query } from './helpers/db.ts';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The demo's priority whose headline is the state's ELA measure (code `ela`). */
function elaPriority(): { slug: string; title: string } {
	return query<{ slug: string; title: string }>(
		`select p.slug, p.title from priority p join measure m on m.priority_id = p.id where m.code = 'ela'`
	)[0];
}

/** The demo's internal note: board and staff only. */
const demoInternal = 'Fourteen classroom vacancies';

async function addNote(
	page: Page,
	note: { date: string; text: string; textEs?: string; priority?: string; internal?: boolean }
) {
	await page.goto('/manage/notes/new');
	await page.getByLabel('Date').fill(note.date);
	await page.getByLabel('Note', { exact: true }).fill(note.text);
	if (note.textEs) await page.getByLabel('Spanish note').fill(note.textEs);
	if (note.priority) await page.getByLabel('Priority').selectOption({ label: note.priority });
	if (note.internal) await page.getByRole('checkbox', { name: /Internal/ }).check();
	await page.getByRole('button', { name: 'Add the note' }).click();
}

test('event notes: staff add them, the public reads the public ones in both languages, never an internal one', async ({
	browser
}) => {
	const u = unique();
	const publicText = `Winter storm closed every school for 3 days ${u}`;
	const internalText = `Budget shortfall briefing ${u}`;
	const p = elaPriority();

	const staff = await browser.newContext({ storageState: storageStateFor('staff') });
	const page = await staff.newPage();
	// A date in no school year of the district (the demo's run 2019-20 onward): refused, nothing saved.
	await addNote(page, { date: '2010-03-01', text: publicText });
	await expect(page.locator('#field-happenedOn-error')).toContainText(
		"falls in 2009-10, which is not one of the district's school years"
	);
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	await addNote(page, {
		date: '2024-01-16',
		text: publicText,
		textEs: `Una tormenta cerró todas las escuelas 3 días ${u}`
	});
	await expect(page.getByRole('status')).toContainText('Added.');
	await addNote(page, {
		date: '2024-02-20',
		text: internalText,
		priority: p.title,
		internal: true
	});
	await expect(page.getByRole('status')).toContainText('Added.');
	await page.goto('/manage/notes');
	await expect(page.getByRole('row', { name: new RegExp(internalText) })).toContainText(
		'Board and staff (internal)'
	);
	await expectNoAxeViolations(page);
	await staff.close();

	// The public: the note beside the chart and in its table, never the internal ones.
	const reader = await browser.newContext();
	const pub = await reader.newPage();
	await pub.goto(`/priorities/${p.slug}`);
	const chart = pub.locator('figure.trend').first();
	await expect(chart.locator('[data-note]', { hasText: publicText })).toBeVisible();
	await expect(chart.locator('tr[data-series="notes"]')).toBeVisible();
	await expect(pub.locator('main')).not.toContainText(internalText);
	await expect(pub.locator('main')).not.toContainText(demoInternal);
	await expectNoAxeViolations(pub);
	for (const address of [
		`/priorities/${p.slug}/__data.json`,
		'/__data.json',
		'/data/event-notes.json',
		'/data/event-notes.csv',
		'/api/v1/event-notes'
	]) {
		const body = await (await reader.request.get(address)).text();
		expect(body, address).not.toContain(internalText);
		expect(body, address).not.toContain(demoInternal);
	}
	expect(await (await reader.request.get('/api/v1/event-notes')).text()).toContain(publicText);

	await pub.goto(`/es/priorities/${p.slug}`);
	await expect(
		pub.locator('figure.trend').first().locator('[data-note]', { hasText: 'Una tormenta' })
	).toBeVisible();
	await expect(pub.locator('main')).not.toContainText(internalText);
	await expectNoAxeViolations(pub);
	await reader.close();

	// The board reads the internal note on its own page, marked as such.
	const board = await browser.newContext({ storageState: storageStateFor('board') });
	const boardPage = await board.newPage();
	await boardPage.goto(`/board/priorities/${p.slug}`);
	await expect(
		boardPage.locator('figure.trend').first().locator('[data-note]', { hasText: internalText })
	).toContainText('(Internal note)');
	await board.close();
});

test("a break in the series: the state's 2019-20 and 2020-21 marked, no change across it, in both languages", async ({
	page
}) => {
	const p = elaPriority();
	await page.goto(`/priorities/${p.slug}`);
	const ela = page.locator('figure.trend').first();
	// The state gave no Dashboard for 2019-20 and 2020-21 (../shared/data/STATE-FILES.md): the
	// series from 2021-22 on is a new one.
	await expect(ela.locator('[data-break="gap"]')).toContainText(
		'Break in the series from 2021-22: the state published no Dashboard for 2019-20 and 2020-21'
	);
	await expect(ela.locator('svg line.break')).toHaveCount(1);
	const caption = ela.locator('figcaption');
	await expect(caption).toContainText('not comparable with 2020-21');
	await expect(caption).not.toContainText('than in 2019-20');
	await expect(caption).not.toContainText('since 2019-20');
	// The state's and the county's figure beside the district's, and the figure's two dates.
	await expect(page.locator('[data-area-figures]').first()).toContainText(
		/Beside the district in 2024-25: state .* · county /
	);
	await expect(page.locator('[data-figure-dates]').first()).toContainText(
		'2024-25: from the State Dashboard · loaded'
	);
	// The district's own break (its reading assessment changed in 2023-24): the line stops before it.
	const reading = page.locator('figure.trend', { hasText: 'new reading assessment' }).first();
	await expect(reading.locator('svg polyline.result')).toHaveCount(2);

	await page.goto(`/es/priorities/${p.slug}`);
	const es = page.locator('figure.trend').first();
	await expect(es.locator('[data-break="gap"]')).toContainText(
		'Ruptura de la serie desde 2021-22: el estado no publicó el Dashboard de 2019-20 ni de 2020-21'
	);
	await expect(es.locator('figcaption')).toContainText('no comparable con 2020-21');
	await expect(page.locator('[data-area-figures]').first()).toContainText(
		/Junto al distrito en 2024-25: estado .* · condado /
	);
});

test('a break recorded without a reason is refused with a clear message, nothing saved', async ({
	browser
}) => {
	const staff = await browser.newContext({ storageState: storageStateFor('staff') });
	const page = await staff.newPage();
	await page.goto('/manage/notes');
	const before = query<{ n: number }>('select count(*) n from series_break')[0].n;
	await page.getByLabel('Measure', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('First school year of the new series').selectOption({ index: 2 });
	await page.getByRole('button', { name: 'Record the break' }).click();
	await expect(page.locator('#break-reason-error')).toContainText('Enter the reason');
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	expect(query<{ n: number }>('select count(*) n from series_break')[0].n).toBe(before);
	await staff.close();
});
