// Screenshots of a running demo (`npm run demo`, or PORT=… DATABASE_PATH=… node scripts/demo.ts):
//
//   npx node scripts/screenshots.ts                        # README images into docs/screenshots/
//   npx node scripts/screenshots.ts --all --out DIR        # every page type, desktop and phone
//
// BASE_URL (default http://localhost:3000) names the demo; CHROME_PATH overrides /usr/bin/chromium.
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const all = args.includes('--all');
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? args[outAt + 1] : 'docs/screenshots');
const base = process.env.BASE_URL ?? 'http://localhost:3000';

type Shot = { name: string; path: string; as?: 'board' | 'admin' | 'staff'; readme?: boolean };

async function firstLink(page: Page, path: string, prefix: string): Promise<string> {
	await page.goto(base + path);
	const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href');
	if (!href) throw new Error(`No link starting ${prefix} on ${path}`);
	return href;
}

async function signIn(browser: Browser, role: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(base + '/login');
	await page.getByLabel('E-mail').fill(`${role}@example.org`);
	await page.getByLabel('Password').fill('throughline-demo');
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Sign in' }).click()
	]);
	await page.waitForLoadState();
	await page.close();
	return context;
}

const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu']
});
const anon = await browser.newContext();
const probe = await anon.newPage();
const priority = await firstLink(probe, '/', '/priorities/');
const school = await firstLink(probe, '/schools', '/schools/');
const meeting = await firstLink(probe, '/meetings', '/meetings/').catch(() => '/meetings');
const contexts = {
	board: await signIn(browser, 'board'),
	admin: await signIn(browser, 'admin'),
	staff: await signIn(browser, 'staff')
};
const boardProbe = await contexts.board.newPage();
const boardPriority = await firstLink(boardProbe, '/board', '/board/priorities/');
const slide = await firstLink(boardProbe, '/board/meetings', '/board/meetings/')
	.then((m) => `/present/${m.split('/')[3]}/3`)
	.catch(() => '/board/meetings');
await boardProbe.close();

const shots: Shot[] = [
	{ name: 'public-home', path: '/', readme: true },
	{ name: 'public-priority', path: priority, readme: true },
	{ name: 'board-overview', path: '/board', as: 'board', readme: true },
	{ name: 'slide', path: slide, as: 'board', readme: true },
	{ name: 'public-home-es', path: '/es' },
	{ name: 'public-schools', path: '/schools' },
	{ name: 'public-school', path: school },
	{ name: 'public-meeting', path: meeting },
	{ name: 'board-priority', path: boardPriority, as: 'board' },
	{ name: 'board-feedback', path: '/board/feedback', as: 'board' },
	{ name: 'board-leadership', path: '/board/leadership', as: 'board' },
	{ name: 'board-throughline', path: '/board/throughline', as: 'board' },
	{ name: 'board-coherence', path: '/board/coherence', as: 'board' },
	{ name: 'board-scale', path: '/board/scale', as: 'board' },
	{ name: 'board-meetings', path: '/board/meetings', as: 'board' },
	{ name: 'manage', path: '/manage', as: 'staff' },
	{ name: 'manage-priorities', path: '/manage/priorities', as: 'staff' },
	{ name: 'manage-structure', path: '/manage/structures', as: 'staff' },
	{ name: 'manage-not-doing-new', path: '/manage/not-doing/new', as: 'staff' },
	{ name: 'admin-audit', path: '/admin/audit', as: 'admin' }
];

const viewports = all
	? [
			{ label: 'desktop', width: 1280, height: 800 },
			{ label: 'phone', width: 390, height: 844 }
		]
	: [{ label: 'desktop', width: 1280, height: 800 }];

mkdirSync(out, { recursive: true });
for (const shot of shots.filter((s) => all || s.readme)) {
	const context = shot.as ? contexts[shot.as] : anon;
	for (const vp of viewports) {
		const page = await context.newPage();
		await page.setViewportSize({ width: vp.width, height: vp.height });
		await page.goto(base + shot.path);
		await page.waitForLoadState('networkidle');
		// Charts are drawn as they come near the screen: pass over the whole page first.
		if (all)
			await page.evaluate(async () => {
				for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
					scrollTo(0, y);
					await new Promise((r) => setTimeout(r, 60));
				}
				scrollTo(0, 0);
			});
		// chart.js animates its first draw
		await page.waitForTimeout(700);
		const file = all ? `${out}/${shot.name}-${vp.label}.png` : `${out}/${shot.name}.png`;
		// The README shows the first screen; the review set shows whole pages.
		await page.screenshot({ path: file, fullPage: all });
		console.log(file);
		await page.close();
	}
}
await browser.close();
