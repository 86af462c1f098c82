// Links only to what the reader may do (issue 14, item 11): a signal's fix link shows to the roles
// that can act on it; others read who can. A refused page says which role it needs.
import { expect, test } from '@playwright/test';
import { storageStateFor, type DemoRole } from './helpers/auth.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';

const readingPages = ['/board', '/board/priorities/early-literacy'];

for (const role of ['board', 'staff', 'admin'] as DemoRole[]) {
	test.describe(`signals as ${role}`, () => {
		test.use({ storageState: storageStateFor(role) });

		test('every fix link shown opens for this role', async ({ page }) => {
			let links = 0;
			let whoCan = 0;
			for (const path of readingPages) {
				const response = await page.goto(path);
				// The demo's priority slugs may change; the overview always answers.
				if (response?.status() === 404) continue;
				const hrefs = await page
					.locator('.signal a')
					.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
				for (const href of new Set(hrefs)) {
					const answer = await page.request.get(href, { maxRedirects: 0 });
					expect(answer.status(), `${path}: ${href}`).toBe(200);
				}
				links += hrefs.length;
				whoCan += await page.locator('.signal .who-can').count();
			}
			if (role === 'board') {
				// The demo has signals that only staff can fix: the board reads who can, not a link.
				expect(whoCan).toBeGreaterThan(0);
				await expect(page.locator('.signal .who-can').first()).toContainText(/ can /);
			} else {
				expect(whoCan).toBe(0);
				expect(links).toBeGreaterThan(0);
			}
		});
	});
}

test.describe('a refused page', () => {
	test.use({ storageState: storageStateFor('board') });

	test('explains the role it needs and links back', async ({ page }) => {
		const response = await page.goto('/manage/structures');
		expect(response?.status()).toBe(403);
		await expect(
			page.getByRole('heading', { name: 'Your role cannot open this page', level: 1 })
		).toBeVisible();
		await expect(
			page.getByText('This page is for staff, the superintendent or an administrator.')
		).toBeVisible();
		await expect(page.getByText(/You are signed in as .* \(board member\)/)).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Go to the board overview' }).click();
		await expect(page).toHaveURL(/\/board$/);
	});
});
