import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { storageStateFor } from './helpers/auth.ts';
import { query } from './helpers/db.ts';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test.describe('the throughline map (board)', () => {
	test.use({ storageState: storageStateFor('board') });

	test('choosing an item with the keyboard highlights every path through it', async ({ page }) => {
		await page.goto('/board/throughline');
		const item = page.locator('a[data-key^="priority-"]').first();
		const key = await item.getAttribute('data-key');
		await item.focus();
		await page.keyboard.press('Enter');
		await expect(item).toHaveAttribute('aria-current', 'true');
		await expect(page).toHaveURL(new RegExp(`focus=${key}`));
		await expect(page.locator('.status')).toContainText('Showing every path through priority');
		// the items on its paths are lit, the rest dimmed
		await expect(page.locator('a.item.on').first()).toBeVisible();
		expect(await page.locator('a.item.dim').count()).toBeGreaterThan(0);
		expect(await page.locator('path.on').count()).toBeGreaterThan(0);
		// a measure of another priority is dimmed
		const other = page.locator('a[data-key^="priority-"]').nth(1);
		await expect(other).toHaveClass(/dim/);
		// Enter on the same item again clears the highlight
		await item.focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('a.item.dim')).toHaveCount(0);
		await expect(item).not.toHaveAttribute('aria-current', 'true');
	});

	test('works without JavaScript: ?focus= and ?priority= are rendered on the server', async ({
		browser
	}) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			storageState: storageStateFor('board')
		});
		const page = await context.newPage();
		await page.goto('/board/throughline?focus=structure-1');
		await expect(page.locator('a[data-key="structure-1"]')).toHaveAttribute('aria-current', 'true');
		expect(await page.locator('a.item.dim').count()).toBeGreaterThan(0);
		await page.goto('/board/throughline?priority=early-literacy');
		await expect(page.locator('a[data-key^="priority-"]')).toHaveCount(1);
		await expect(page.locator('#throughline-list')).toContainText(
			'Priority: Every student reading by third grade'
		);
		await context.close();
	});

	test('the board overview gathers priorities and signals, each with its fix or who can fix it', async ({
		page
	}) => {
		await page.goto('/board');
		await expect(page.getByRole('heading', { name: 'Active priorities' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'What needs attention' })).toBeVisible();
		// Signals are grouped by area, each group a disclosure with its count: open them all.
		const groups = page.locator('details.area');
		expect(await groups.count()).toBeGreaterThan(0);
		for (const group of await groups.all()) {
			const count = Number(
				await group
					.locator('.area-count')
					.innerText()
					.then((t) => t.match(/\d+/)?.[0])
			);
			await group.locator('summary').click();
			await expect(group.locator('[data-signal]')).toHaveCount(count);
		}
		const signals = page.locator('[data-signal]');
		expect(await signals.count()).toBeGreaterThan(0);
		for (const signal of await signals.all())
			await expect(signal.locator('a, .who-can').first()).toBeVisible();
	});

	test('at 1280 × 800 the overview shows every active priority, its status and the attention groups above the fold', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/board');
		const active = query<{ title: string }>(
			"select title from priority where status = 'active' order by sort_order"
		);
		expect(active.length).toBeGreaterThan(0);
		const aboveFold = async (locator: import('@playwright/test').Locator) => {
			const box = await locator.boundingBox();
			expect(box, 'is laid out').not.toBeNull();
			expect(box!.y + box!.height, 'ends above the fold').toBeLessThanOrEqual(800);
		};
		for (const { title } of active) {
			const tile = page.getByRole('article', { name: title });
			await expect(tile.getByRole('link', { name: title, exact: true })).toBeVisible();
			await aboveFold(tile.getByRole('heading', { name: title }));
			// Its standing in words, and its latest update's date and status.
			const standing = tile.locator('.measure .badge');
			await expect(standing).toHaveText(/target|no results/i);
			await aboveFold(standing);
			await aboveFold(tile.locator('.update'));
		}
		await aboveFold(page.getByRole('heading', { name: 'What needs attention' }));
		await aboveFold(page.locator('details.area').last());
	});

	test('board pages pass axe', async ({ page }) => {
		test.setTimeout(240_000);
		for (const path of [
			'/board',
			'/board/throughline',
			'/board/throughline?focus=structure-1',
			'/board/throughline?priority=early-literacy'
		]) {
			await page.goto(path);
			const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
			expect(result.violations, path).toEqual([]);
		}
	});
});

test.describe('manage pages (staff)', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('pass axe, including a form showing errors', async ({ page }) => {
		test.setTimeout(600_000);
		for (const path of [
			'/manage',
			'/manage/priorities',
			'/manage/priorities/new',
			'/manage/priorities/1',
			'/manage/measures',
			'/manage/measures/new',
			'/manage/measures/1',
			'/manage/structures',
			'/manage/structures/new',
			'/manage/structures/1',
			'/manage/policies',
			'/manage/policies/new',
			'/manage/policies/1',
			'/manage/not-doing',
			'/manage/not-doing/new',
			'/manage/not-doing/1',
			'/manage/initiatives',
			'/manage/initiatives/new',
			'/manage/initiatives/1'
		]) {
			await page.goto(path);
			const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
			expect(result.violations, path).toEqual([]);
		}
		await page.goto('/manage/measures/new');
		await page.getByLabel('School year, row 1').fill('2031-32');
		await page.getByRole('button', { name: 'Add the measure' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
		expect(result.violations, 'measure form with errors').toEqual([]);
	});

	test('a board member cannot edit', async ({ browser }) => {
		const context = await browser.newContext({ storageState: storageStateFor('board') });
		const page = await context.newPage();
		const response = await page.goto('/manage/priorities/new');
		expect(response?.status()).toBe(403);
		await context.close();
	});
});
