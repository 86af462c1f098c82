import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './helpers/auth.ts';

// Every POST form enhances: with JavaScript a save updates the page in place and the reader stays
// where they were; without it the same form posts and the page reloads, as before.
test.use({ storageState: storageStateFor('staff') });

async function openEarlyLiteracy(page: Page) {
	await page.goto('/manage/priorities');
	await page
		.getByRole('link', { name: /reading by third grade/i })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: 'Edit' })).toBeVisible();
}

async function scrollToSave(page: Page): Promise<number> {
	await page.getByRole('button', { name: 'Save changes' }).scrollIntoViewIfNeeded();
	const y = await page.evaluate(() => window.scrollY);
	expect(y).toBeGreaterThan(200);
	return y;
}

test('a saved form keeps the scroll position, and an error focuses its field', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 700 });
	await openEarlyLiteracy(page);
	// Hydrated: the enhanced form posts in the background (no new document).
	await page.waitForFunction(() => document.querySelector('form[method="POST"]') !== null);
	await page.waitForLoadState('networkidle');
	const sponsor = page.getByLabel('Sponsor');
	const before = await sponsor.inputValue();
	const next = before.endsWith(' ') ? before.trim() : `${before} `;

	await sponsor.fill(next);
	const y = await scrollToSave(page);
	// A mark on this document: a whole-page post would start a new one without it.
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page).toHaveURL(/\?saved=updated/);
	expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(80);

	// A refused save: the page stays, the focus lands on the field to fix.
	const title = await page.getByLabel('Title', { exact: true }).inputValue();
	await page.getByLabel('Title', { exact: true }).fill('');
	await scrollToSave(page);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
	await page.getByLabel('Title', { exact: true }).fill(title);
	await sponsor.fill(before);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same form saves with a whole-page post', async ({ page }) => {
		await openEarlyLiteracy(page);
		const title = page.getByLabel('Title', { exact: true });
		const kept = await title.inputValue();
		await title.fill('');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('alert')).toContainText('Nothing was saved');
		await expect(page.locator('#field-title-error')).toContainText('Enter the title.');
		await page.getByLabel('Title', { exact: true }).fill(kept);
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('status')).toContainText('Saved.');
		await expect(page).toHaveURL(/\?saved=updated/);
	});
});
