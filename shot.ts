import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://localhost:4400';
const shots = JSON.parse(process.env.SHOTS ?? '[]') as [string, string, number, number][];
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox']
});
for (const [path, file, w, h] of shots) {
	const page = await browser.newPage({ viewport: { width: w, height: h } });
	await page.goto(base + path);
	await page.waitForTimeout(500);
	await page.screenshot({ path: file, fullPage: true });
	console.log(file, await page.evaluate(() => document.documentElement.scrollWidth));
	await page.close();
}
await browser.close();
