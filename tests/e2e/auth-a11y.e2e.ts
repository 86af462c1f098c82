import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { signInAs, type Viewer } from './helpers/auth.ts';

// axe-core (WCAG 2.2 A and AA) on the sign-in, account and administration pages.
// SCREENSHOTS=dir also saves each page at desktop and phone size, for a person to look at.

const pages: { path: string; as: Viewer }[] = [
	{ path: '/login', as: 'anonymous' },
	{ path: '/login/code', as: 'anonymous' },
	{ path: '/account', as: 'board' },
	{ path: '/account', as: 'superintendent' },
	{ path: '/account/two-factor', as: 'staff' },
	{ path: '/admin', as: 'admin' },
	{ path: '/admin/users', as: 'admin' },
	{ path: '/admin/users/demo-staff', as: 'admin' },
	{ path: '/admin/settings', as: 'admin' },
	{ path: '/admin/audit', as: 'admin' }
];

const shots = process.env.SCREENSHOTS;

for (const { path, as } of pages) {
	test(`${path} as ${as} passes axe`, async ({ page }) => {
		test.setTimeout(90_000);
		if (as !== 'anonymous') await signInAs(page, as);
		await page.goto(path);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(
			results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
		).toEqual([]);
		if (shots) {
			mkdirSync(shots, { recursive: true });
			const name = `${as}${path.replaceAll('/', '_')}`;
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
			await page.setViewportSize({ width: 390, height: 844 });
			await page.screenshot({ path: `${shots}/${name}-phone.png`, fullPage: true });
		}
	});
}

test('the login form’s error state passes axe', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('/login');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
	if (shots) await page.screenshot({ path: `${shots}/login-error-phone.png`, fullPage: true });
});
