import type { Page } from '@playwright/test';

/**
 * Screenshots for looking at (SCREENSHOTS=1), at desktop and phone sizes:
 * reports/screens/<name>-desktop.png and -phone.png. The page is left at desktop size.
 */
export async function shoot(page: Page, name: string) {
	if (!process.env.SCREENSHOTS) return;
	for (const [size, viewport] of [
		['desktop', { width: 1280, height: 800 }],
		['phone', { width: 390, height: 844 }]
	] as const) {
		await page.setViewportSize(viewport);
		await page.screenshot({ path: `reports/screens/${name}-${size}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 800 });
}
