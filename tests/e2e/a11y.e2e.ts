// Accessibility across the whole app (issue 9).
//
// 1. axe-core (WCAG 2.2 A and AA) and HTML_CodeSniffer (WCAG2AA) on every page of the route × role matrix: each page route in
//    src/routes (read by routeTree(), so a new route is covered as soon as route-access.ts has its
//    line), opened as a role allowed to see it, plus the Spanish version of every public page;
//    and each of those pages reflows at 640 px (200% zoom) without sideways scrolling.
// 2. Keyboard-only journeys: a board member opens the coherence matrix; a staff member submits a
//    form with mistakes, lands on the first one, corrects it and saves.
// 3. Reduced motion: no animation or transition when the reader asks for less motion.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoCodeSnifferErrors } from './helpers/axe.ts';
import { signInAs, storageStateFor, type DemoRole } from './helpers/auth.ts';
import { concretePath, routeTree } from './helpers/route-tree.ts';
import { exampleParams } from './helpers/route-params.ts';
import { routeAccess, type Need } from './route-access.ts';
import { query } from './helpers/db.ts';

// axe over a 33-school grid takes a while on a shared machine.
test.describe.configure({ timeout: 120_000 });

/** Who opens a page that needs `need`: a role allowed to see it (the public: no one signed in). */
const viewerFor: Record<Need, DemoRole | null> = {
	public: null,
	board: 'board',
	ask: 'board',
	verdict: 'board',
	evaluate: 'board',
	selfRate: 'board',
	account: 'board',
	edit: 'staff',
	publish: 'superintendent',
	hold: 'superintendent',
	admin: 'admin'
};

const desktop = { width: 1280, height: 800 };
const spanish = (path: string) => (path === '/' ? '/es' : `/es${path}`);

/** Opens every disclosure, so axe also checks what sits inside a closed <details>. */
async function openDisclosures(page: Page) {
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

test.describe('axe on every page', () => {
	for (const route of routeTree()) {
		const entry = routeAccess[route.id];
		// Routes without an entry fail the matrix in auth-routes.e2e.ts; endpoints have no page.
		if (!route.page || !entry?.page) continue;
		const role = viewerFor[entry.page];
		// A page that answers 404 on the demo (the first-run /setup) is scanned where it opens.
		if (entry.expect?.[`GET ${role ?? 'anonymous'}`] === 404) continue;
		// Public pages and the sign-in page have a Spanish version under /es; the others are English only.
		const both = entry.page === 'public';
		test(`${route.id} as ${role ?? 'the public'}${both ? ', in English and Spanish' : ''}`, async ({
			page
		}) => {
			const path = concretePath(route.id, exampleParams(entry));
			if (role) await signInAs(page, role);
			await page.setViewportSize(desktop);
			for (const url of both ? [path, spanish(path)] : [path]) {
				const response = await page.goto(url);
				expect(response?.status(), `GET ${url}`).toBe(200);
				await openDisclosures(page);
				await expectNoAxeViolations(page);
				await expectNoCodeSnifferErrors(page);
				// At 200% zoom (a 1280 px window lays out 640 px wide) the page reflows: wide tables
				// scroll inside their own box, the page never sideways (WCAG 1.4.4, 1.4.10).
				await page.setViewportSize({ width: 640, height: 400 });
				const sideways = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(sideways, `sideways scroll on ${url} at 640 px`).toBeLessThanOrEqual(0);
				await page.setViewportSize(desktop);
			}
		});
	}
});

/** Presses Tab until the focused element satisfies `is` (run in the page); fails after `max` presses. */
async function tabTo(page: Page, what: string, is: (el: Element) => boolean, max = 60) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
		const found = await focused.evaluate(is);
		await focused.dispose();
		if (found) return;
	}
	throw new Error(`Did not reach ${what} after ${max} presses of Tab`);
}

/** The focused element shows a focus ring. */
async function expectVisibleFocus(page: Page) {
	const ring = await page.evaluate(() => {
		const style = getComputedStyle(document.activeElement as Element);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});
	expect(ring.style).not.toBe('none');
	expect(ring.width).toBeGreaterThanOrEqual(2);
}

test('keyboard only: a board member opens the coherence matrix and scrolls it', async ({
	page
}) => {
	// At 200% zoom of a 1280 px window the matrix is wider than the screen and scrolls in its box.
	await page.setViewportSize({ width: 640, height: 800 });
	await signInAs(page, 'board');
	await page.goto('/board');

	await tabTo(
		page,
		'the Coherence & autonomy link',
		(el) => el.tagName === 'A' && el.textContent?.trim() === 'Coherence & autonomy'
	);
	await expectVisibleFocus(page);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/board\/coherence$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coherence & autonomy');

	// The filters come before the matrix; choosing a school type and pressing Show keeps the focus flow.
	await tabTo(page, 'the School type filter', (el) => el.id === 'type');
	await expectVisibleFocus(page);
	await tabTo(
		page,
		'the matrix',
		(el) => el.getAttribute('aria-label') === 'Coherence matrix, scrolls sideways'
	);
	await expectVisibleFocus(page);
	const matrix = page.getByRole('region', { name: 'Coherence matrix, scrolls sideways' });
	await expect(matrix.getByRole('table')).toBeVisible();
	const scrollLeft = () => matrix.evaluate((el) => el.scrollLeft);
	expect(await scrollLeft()).toBe(0);
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect.poll(scrollLeft).toBeGreaterThan(0);
	// A school's depth reads as a number and a word, not a color.
	await expect(matrix.locator('td.cell').first()).toHaveText(
		/\d.*, (not started|beginning|developing|implementing|sustaining)/
	);
});

test('keyboard only: a staff member fixes a form’s mistakes and saves it', async ({ page }) => {
	await signInAs(page, 'staff');
	await page.goto('/manage/policies/new');
	const number = `9${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}.${Math.floor(Math.random() * 900) + 100}`;
	const title = `Keyboard journey ${Date.now()}`;

	// A number CSBA would not write, and no title.
	await tabTo(page, 'the Number field', (el) => el.id === 'field-number');
	await expectVisibleFocus(page);
	await page.keyboard.type('12');
	await page.keyboard.press('Enter');

	// The page comes back with a summary of both mistakes, the values kept, and the focus on the first.
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Nothing was saved');
	await expect(summary.getByRole('link')).toHaveCount(2);
	const numberField = page.getByLabel('Number');
	await expect(numberField).toBeFocused();
	await expect(numberField).toHaveValue('12');
	await expect(numberField).toHaveAttribute('aria-invalid', 'true');
	await expect(numberField).toHaveAccessibleDescription(/four digits/);
	await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);

	// Correct both, from the keyboard.
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type(number);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Title')).toBeFocused();
	await page.keyboard.type(title);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/manage\/policies\/\d+/);
	await expect(page.getByRole('status')).toContainText('Added.');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);

	// And delete it again, still by keyboard: the disclosure asks first.
	await tabTo(
		page,
		'Delete this policy…',
		(el) => el.textContent?.trim() === 'Delete this policy…'
	);
	await page.keyboard.press('Enter');
	await tabTo(
		page,
		'the confirm button',
		(el) => el.textContent?.trim() === 'Yes, delete this policy'
	);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Deleted.');
});

const aPriorityPage = () =>
	`/priorities/${query<{ slug: string }>("select slug from priority where status = 'active' order by sort_order limit 1")[0].slug}`;

test.describe('when the reader asks for reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('nothing animates: no CSS animation or transition, charts drawn without animation', async ({
		page
	}) => {
		await signInAs(page, 'board');
		for (const url of ['/', '/es', aPriorityPage(), '/board/scale', '/login']) {
			await page.goto(url);
			const moving = await page.evaluate(() =>
				[...document.querySelectorAll('*')]
					.map((el) => ({ el, style: getComputedStyle(el) }))
					.filter(
						({ style }) =>
							style.animationName !== 'none' ||
							style.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
					)
					.map(({ el }) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : ''))
			);
			expect(moving, `moving elements on ${url}`).toEqual([]);
		}
		// Public pages draw SVG; the board's charts are chart.js (on each priority's board page).
		await page.goto(`/board${aPriorityPage()}`);
		await page.locator('figure.trend').first().scrollIntoViewIfNeeded();
		await expect(page.locator('canvas').first()).toHaveAttribute('data-animated', 'false');
	});

	test('without the preference, charts do animate (so the check above can fail)', async ({
		browser
	}) => {
		const context = await browser.newContext({
			reducedMotion: 'no-preference',
			storageState: storageStateFor('board')
		});
		const page = await context.newPage();
		await page.goto(`/board${aPriorityPage()}`);
		await page.locator('figure.trend').first().scrollIntoViewIfNeeded();
		await expect(page.locator('canvas').first()).toHaveAttribute('data-animated', 'true');
		await context.close();
	});
});

/**
 * WCAG 2.4.11 (focus not obscured): Tab through a page and check that each focused element is
 * inside the viewport and that what is drawn at its centre is the element itself (or inside it),
 * not a header, banner or anything else laid over it.
 */
async function expectFocusNeverObscured(page: Page, presses: number) {
	for (let i = 0; i < presses; i++) {
		await page.keyboard.press('Tab');
		const problem = await page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el === document.body) return null;
			const box = el.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) return null;
			const label = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
			const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
			const y = Math.min(Math.max(box.top + Math.min(box.height, 40) / 2, 0), innerHeight - 1);
			if (box.bottom <= 0 || box.top >= innerHeight) return `${label} is off screen`;
			const top = document.elementFromPoint(x, y);
			if (top && top !== el && !el.contains(top) && !top.contains(el))
				return `${label} is covered by ${top.tagName.toLowerCase()}.${top.className}`;
			return null;
		});
		expect(problem, `focus step ${i + 1} on ${page.url()}`).toBeNull();
	}
}

test('keyboard only: the focused element is never hidden (board overview, coherence matrix)', async ({
	page
}) => {
	await signInAs(page, 'board');
	for (const size of [desktop, { width: 390, height: 844 }]) {
		await page.setViewportSize(size);
		for (const path of ['/board', '/board/coherence']) {
			await page.goto(path);
			await expectFocusNeverObscured(page, 40);
		}
	}
});
