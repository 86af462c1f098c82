import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { query } from './helpers/db.ts';

// Several tests visit every public page in both languages: give them time on a busy machine.
test.describe.configure({ timeout: 120_000 });

// Spanish and English public pages, the language switch, and accessibility in both languages.

const priorities = () =>
	query<{ slug: string; title: string; title_es: string | null }>(
		"select slug, title, title_es from priority where status = 'active' order by sort_order"
	);
const aSchool = () =>
	query<{ cds_code: string; name: string }>(
		"select cds_code, name from school where status = 'open' order by name limit 1"
	)[0];

function englishPages(): string[] {
	return [
		'/',
		'/schools',
		...priorities().map((p) => `/priorities/${p.slug}`),
		`/schools/${aSchool().cds_code}`,
		'/accessibility'
	];
}
const spanish = (path: string) => (path === '/' ? '/es' : `/es${path}`);

/** English interface words that must not show on a Spanish page (outside text marked lang="en"). */
const englishWords = [
	/\bPriorities\b/,
	/\bSchools\b/,
	/\bSign in\b/,
	/\bSkip to\b/,
	/\bData as of\b/,
	/\bResults through\b/,
	/\bSchool year\b/,
	/\bResult\b/,
	/\bTarget\b/,
	/\btarget\b/,
	/\bStudent group\b/,
	/\bBy school\b/,
	/\bProgress updates\b/,
	/\bboard meeting\b/,
	/\bLatest update\b/,
	/\bis better\b/,
	/\bfewer than\b/,
	/\bAll schools\b/,
	/\bAll priorities\b/,
	/\bFilter\b/,
	/\bWhat we learned\b/,
	/\bNext steps\b/,
	/\bOn track\b/,
	/\bOff track\b/,
	/\bpoints\b/,
	/\bnot shown\b/,
	/\bAccessibility\b/,
	/\bMeasures\b/,
	/\bCompleted\b/,
	/\bGrades\b/,
	/\bType\b/
];

/** The page's visible text, leaving out elements marked as English. */
async function textOutsideEnglish(page: Page): Promise<string> {
	return page.evaluate(() => {
		const copy = document.body.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('[lang="en"], script, style').forEach((e) => e.remove());
		return copy.textContent ?? '';
	});
}

test('Spanish pages say lang="es", English pages lang="en"', async ({ page }) => {
	for (const path of englishPages()) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto(spanish(path));
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(page).toHaveURL(new RegExp(`${spanish(path).replace(/\//g, '\\/')}$`));
	}
});

test('Spanish pages show no English interface words outside text marked lang="en"', async ({
	page
}) => {
	for (const path of englishPages()) {
		await page.goto(spanish(path));
		const text = await textOutsideEnglish(page);
		const found = englishWords.filter((w) => w.test(text)).map(String);
		expect(found, `English words on ${spanish(path)}`).toEqual([]);
	}
});

test('Spanish pages show the Spanish versions of staff-entered text and Spanish dates', async ({
	page
}) => {
	const first = priorities()[0];
	await page.goto(spanish(`/priorities/${first.slug}`));
	if (first.title_es) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title_es);
	}
	await expect(
		page.getByText(/^Resultados hasta \d{4}-\d{2} · actualizado el \d{1,2} de [a-z]+ de \d{4}\.$/)
	).toBeVisible();
	await expect(
		page.getByRole('columnheader', { name: 'Grupo de estudiantes' }).first()
	).toBeVisible();
	await expect(
		page.getByRole('rowheader', { name: 'Todos los estudiantes' }).first()
	).toBeVisible();
});

test('the language switch keeps the page and remembers the choice', async ({ page }) => {
	const first = priorities()[0];
	await page.goto(`/priorities/${first.slug}`);
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(new RegExp(`/es/priorities/${first.slug}$`));
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');

	// Coming back later to an English address, the reader gets Spanish.
	await page.goto('/schools');
	await expect(page).toHaveURL(/\/es\/schools$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Escuelas');

	// Switching back to English is remembered too.
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/schools$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schools');
	await page.goto('/');
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the switch keeps filters, and English-only pages have no Spanish version', async ({
	page,
	request
}) => {
	await page.goto('/schools?type=elementary');
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(/\/es\/schools\?type=elementary$/);
	await expect(page.getByLabel('Tipo')).toHaveValue('elementary');
	const board = await request.get('/es/board', { maxRedirects: 0 });
	expect(board.status()).toBe(307);
	expect(board.headers()['location']).toBe('/board');
});

test('keyboard only: a member of the public switches to Spanish and reads a priority', async ({
	page
}) => {
	const first = priorities()[0];
	await page.goto('/');
	const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

	// The skip link comes first, and the focus is visible.
	await page.keyboard.press('Tab');
	expect(await focusedText()).toBe('Skip to main content');
	const outline = await page.evaluate(
		() => getComputedStyle(document.activeElement as Element).outlineStyle
	);
	expect(outline).not.toBe('none');

	for (let i = 0; i < 15 && (await focusedText()) !== 'Español'; i++) {
		await page.keyboard.press('Tab');
	}
	expect(await focusedText()).toBe('Español');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/es\/?$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');

	const title = first.title_es ?? first.title;
	for (let i = 0; i < 25 && (await focusedText()) !== title; i++) {
		await page.keyboard.press('Tab');
	}
	expect(await focusedText()).toBe(title);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/es/priorities/${first.slug}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.locator('.badge').first()).toHaveText(/meta|resultados/);
	await expect(page.locator('table.trend-table').first()).toBeVisible();
});

// Every public page passes axe in both languages in a11y.e2e.ts (one example of each route); here
// every active priority's page, one test per language so a slow machine does not run out of time.
for (const lang of ['en', 'es'] as const) {
	test(`every priority page passes axe in ${lang === 'en' ? 'English' : 'Spanish'}`, async ({
		page
	}) => {
		for (const { slug } of priorities()) {
			const path = `/priorities/${slug}`;
			await page.goto(lang === 'es' ? spanish(path) : path);
			await expectNoAxeViolations(page);
		}
	});
}

test('the accessibility statement names the standard and how to report a problem', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Accessibility' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
	await expect(page.getByText(/WCAG\) 2\.2, level AA/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Report a problem' })).toBeVisible();
	await page.goto('/es/accessibility');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Declaración de accesibilidad');
	await expect(page.getByRole('heading', { name: 'Informar un problema' })).toBeVisible();
});

/** Every public page and the sign-in page, in English and in Spanish. */
const reflowPages = () => [...englishPages(), '/login'].flatMap((path) => [path, spanish(path)]);

/** How far the whole page scrolls sideways, once every chart on it is drawn. */
async function sidewaysScroll(page: Page): Promise<number> {
	for (const canvas of await page.locator('canvas').all()) {
		// Charts are drawn as they come near the screen.
		await canvas.scrollIntoViewIfNeeded();
		await expect(canvas).toHaveAttribute('data-drawn', /labels/);
	}
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
}

test.describe('at 200% zoom (640 px wide)', () => {
	// 200% zoom of a 1280 × 800 window lays out like a 640 × 400 one with two device pixels per px.
	test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
	test('pages reflow without sideways scrolling', async ({ page }) => {
		for (const url of reflowPages()) {
			await page.goto(url);
			// Wide tables scroll inside their own .table-wrap; the page itself never does.
			expect(await sidewaysScroll(page), `sideways scroll on ${url}`).toBeLessThanOrEqual(0);
		}
		await page.goto(spanish(`/priorities/${priorities()[0].slug}`));
		await page.screenshot({ path: 'reports/screens/es-priority-zoom200.png', fullPage: true });
		await page.goto('/');
		await page.screenshot({ path: 'reports/screens/en-home-zoom200.png', fullPage: true });
	});
});

// Phones, the common one and the narrowest (WCAG 1.4.10 reflow: 320 CSS pixels).
for (const [width, height] of [
	[390, 844],
	[320, 640]
]) {
	test.describe(`on a ${width} px phone`, () => {
		test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });
		test('every public page fits the screen in both languages', async ({ page }) => {
			for (const url of reflowPages()) {
				await page.goto(url);
				expect(await sidewaysScroll(page), `sideways scroll on ${url}`).toBeLessThanOrEqual(0);
			}
			for (const url of ['/es', spanish(`/priorities/${priorities()[0].slug}`), '/es/schools']) {
				await page.goto(url);
				const name = url.replace(/\W+/g, '-').replace(/^-|-$/g, '');
				await page.screenshot({
					path: `reports/screens/phone-${width}-${name}.png`,
					fullPage: true
				});
			}
		});
	});
}

test('a page that does not exist says so in the reader’s language', async ({ page }) => {
	expect((await page.goto('/es/schools/00000000000000'))?.status()).toBe(404);
	await expect(page.getByText('No hay ninguna escuela con ese código CDS.')).toBeVisible();
	expect((await page.goto('/es/priorities/no-such-priority'))?.status()).toBe(404);
	await expect(page.getByText('No hay ninguna prioridad con ese nombre.')).toBeVisible();
	expect((await page.goto('/priorities/no-such-priority'))?.status()).toBe(404);
	await expect(page.getByText('No priority with that name.')).toBeVisible();
});
