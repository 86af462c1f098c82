// Reach, depth and lasting: the check-in grid, the coherence matrix, scale profiles and
// leadership continuity, on the demo district.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { query } from './helpers/db.ts';
import { storageStateFor } from './helpers/auth';

// Axe over a 33-school grid or the full tenure table takes a while on a shared machine.
test.slow();

const currentYear = () =>
	query<{ id: number; label: string }>(
		'select y.id, y.label from school_year y join district d on d.current_school_year_id = y.id'
	)[0];
const openSchools = () =>
	query<{ id: number; name: string }>(
		"select id, name from school where status = 'open' order by name"
	);
/** A discretionary structure: its check-ins feed no public page. */
const aStructure = () =>
	query<{ id: number; name: string }>(
		"select id, name from structure where authority = 'discretionary' order by sort_order, name limit 1"
	)[0];
const depthOf = (schoolId: number, structureId: number, yearId: number) =>
	query<{ depth: number }>(
		'select depth from check_in where school_id = ? and structure_id = ? and school_year_id = ?',
		schoolId,
		structureId,
		yearId
	)[0]?.depth ?? null;

test.describe('staff', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('the check-in grid refuses invalid values and saves nothing, then saves all at once', async ({
		page
	}) => {
		const year = currentYear();
		const structure = aStructure();
		const [first, second] = openSchools();
		const before = [
			depthOf(first.id, structure.id, year.id),
			depthOf(second.id, structure.id, year.id)
		];
		const changed = before[1] === 4 ? 3 : 4;

		await page.goto(`/manage/check-ins?structure=${structure.id}&year=${year.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Implementation check-ins');
		await expect(page.getByText('sustaining', { exact: false }).first()).toBeVisible();

		const firstDepth = page.getByLabel(`Depth at ${first.name}`, { exact: true });
		const secondDepth = page.getByLabel(`Depth at ${second.name}`, { exact: true });
		await firstDepth.fill('7');
		// Keyboard: ↓ moves to the next school's depth.
		await firstDepth.press('ArrowDown');
		await expect(secondDepth).toBeFocused();
		await secondDepth.fill(String(changed));
		await page.getByLabel(`Evidence link for ${second.name}`).fill('not a link');
		await page.getByRole('button', { name: /^Save all/ }).click();

		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Nothing was saved: 2 rows need fixing.');
		await expect(alert).toContainText(`${first.name}: Enter a whole number from 0 to 4.`);
		await expect(firstDepth).toHaveAttribute('aria-invalid', 'true');
		await expect(firstDepth).toHaveValue('7');
		await expect(secondDepth).toHaveValue(String(changed));
		await expect(page.locator('tr.row-error')).toHaveCount(2);
		// Nothing saved, not even the valid row.
		expect(depthOf(second.id, structure.id, year.id)).toBe(before[1]);
		await expectNoAxeViolations(page);

		await firstDepth.fill(String(before[0] ?? 2));
		await page
			.getByLabel(`Evidence link for ${second.name}`)
			.fill('https://example.org/visit-notes');
		await page.getByRole('button', { name: /^Save all/ }).click();
		await expect(page.getByRole('status')).toContainText(`Saved ${structure.name}`);
		expect(depthOf(second.id, structure.id, year.id)).toBe(changed);
		expect(
			query<{ n: number }>(
				"select count(*) n from audit_log where entity = 'check_in' and user_email = 'staff@example.org'"
			)[0].n
		).toBeGreaterThan(0);
	});

	test('leaders and engagement: a bad engagement is refused, a good one is logged', async ({
		page
	}) => {
		await page.goto('/manage/leadership');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leaders & engagement');
		await expectNoAxeViolations(page);
		const form = page.locator('#engagement-form');
		await form.getByLabel('Date').fill('');
		await form.getByRole('button', { name: 'Log engagement' }).click();
		await expect(page.getByRole('alert')).toContainText('The engagement was not saved');
		await expect(page.locator('#field-leaderName')).toHaveAttribute('aria-invalid', 'true');

		const priority = query<{ title: string }>(
			"select title from priority where status = 'active' order by sort_order limit 1"
		)[0];
		await form.getByLabel('Priority').selectOption({ label: priority.title });
		await form.getByLabel('Who').fill('E2E Superintendent Visit');
		await form.getByLabel('What').selectOption('walkthrough');
		await form.getByLabel('Date').fill('2025-06-10');
		await form.getByRole('button', { name: 'Log engagement' }).click();
		await expect(page.getByRole('status')).toContainText('Logged the engagement.');
		await expect(page.getByRole('cell', { name: /E2E Superintendent Visit/ })).toBeVisible();
	});
});

test.describe('board', () => {
	test.use({ storageState: storageStateFor('board') });

	test('the coherence matrix renders the demo district, filters without JavaScript, and passes axe', async ({
		page
	}) => {
		const year = currentYear();
		await page.goto('/board/coherence');
		const table = page.getByRole('table', {
			name: `Depth of implementation by school and structure, ${year.label}`
		});
		await expect(table).toBeVisible();
		await expect(table.locator('tbody tr')).toHaveCount(openSchools().length);
		// Depth is a number in each cell, never color alone.
		await expect(table.locator('tbody td.cell').first()).toHaveText(/^[0-4]/);
		await expect(table.locator('tfoot')).toContainText('Spread');
		await expect(table.locator('tfoot')).toContainText('Spread of depth');
		await expect(page.getByRole('heading', { name: 'How this is computed' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto(`/board/coherence?year=${year.id}&type=high&sort=coherence-asc`);
		const types = await page.locator('tbody th .type').allTextContents();
		expect(types.length).toBeGreaterThan(0);
		expect(new Set(types.map((t) => t.trim()))).toEqual(new Set(['High']));
	});

	test('scale profiles draw their charts after the page is readable, with tables and summaries', async ({
		page
	}) => {
		await page.goto('/board/scale');
		const profiles = page.locator('section.scale-profile');
		const active = query<{ n: number }>(
			"select count(*) n from priority where status = 'active'"
		)[0].n;
		await expect(profiles).toHaveCount(active);
		const first = profiles.first();
		await expect(first.locator('p.summary')).toContainText('were at implementing or above');
		await expect(first.getByRole('table')).toContainText('Sustainability');
		// The charts are drawn (chart.js, loaded after the page) from the table's years.
		const canvas = first.locator('canvas').first();
		await expect(canvas).toHaveAttribute('data-drawn', /2024-25/);
		await expectNoAxeViolations(page);
	});

	test('scale profiles and the matrix work without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			storageState: storageStateFor('board')
		});
		const page = await context.newPage();
		await page.goto('/board/scale');
		await expect(page.locator('section.scale-profile table').first()).toBeVisible();
		await expect(page.locator('.charts').first()).toBeHidden();
		await page.goto('/board/coherence');
		await page.getByLabel('School type').selectOption('elementary');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/type=elementary/);
		await context.close();
	});

	test('leadership continuity shows leaders by year, turnover and engagement timelines', async ({
		page
	}) => {
		await page.goto('/board/leadership');
		await expect(page.getByRole('heading', { name: 'Turnover by school year' })).toBeVisible();
		await expect(page.getByRole('rowheader', { name: currentYear().label })).toBeVisible();
		await expect(page.getByRole('rowheader', { name: 'Superintendent' })).toBeVisible();
		await expect(page.locator('.timeline-card').first()).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('a board member cannot open the check-in grid', async ({ page }) => {
		const response = await page.goto('/manage/check-ins');
		expect(response?.status()).toBe(403);
	});
});
