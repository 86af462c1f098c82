import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { storageStateFor } from './helpers/auth';
import { query } from './helpers/db.ts';
import { unflatten } from 'devalue';

interface PriorityRow {
	slug: string;
	title: string;
}
const activePriorities = () =>
	query<PriorityRow>(
		"select slug, title from priority where status = 'active' order by sort_order"
	);
const aSchool = () =>
	query<{ cds_code: string; name: string }>(
		"select cds_code, name from school where status = 'open' order by name limit 1"
	)[0];
const suppressionSize = () => query<{ s: number }>('select suppression_size s from district')[0].s;

function publicPages(): string[] {
	return [
		'/',
		'/schools',
		...activePriorities().map((p) => `/priorities/${p.slug}`),
		`/schools/${aSchool().cds_code}`
	];
}

/** Every `n` of a result object in a `__data.json` response (devalue's flattened format). */
function groupSizesInData(body: string): number[] {
	const sizes: number[] = [];
	const walk = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') {
			const o = v as Record<string, unknown>;
			if ('suppressed' in o && typeof o.n === 'number') sizes.push(o.n);
			Object.values(o).forEach(walk);
		}
	};
	for (const line of body.split('\n').filter(Boolean)) {
		const message = JSON.parse(line) as { nodes?: { type: string; data?: unknown[] }[] };
		for (const node of message.nodes ?? []) if (node?.data) walk(unflatten(node.data));
	}
	return sizes;
}

async function cellTexts(page: Page, selector: string) {
	return (await page.locator(selector).allInnerTexts()).map((t) => t.trim());
}

test('the public summary shows every active priority with its trend, standing and update', async ({
	page
}) => {
	await page.goto('/');
	const district = query<{ name: string }>('select name from district')[0].name;
	await expect(page.getByRole('heading', { level: 1 })).toContainText(district);
	await expect(page.getByText(/Results through \d{4}-\d{2} · updated /)).toBeVisible();
	for (const p of activePriorities()) {
		const card = page.locator('article', { has: page.getByRole('heading', { name: p.title }) });
		await expect(card).toBeVisible();
		await expect(card.locator('.badge').first()).toHaveText(/target|no results/i);
		await expect(card.locator('table.trend-table')).toBeVisible();
	}
});

for (const which of ['home', 'priority', 'school'] as const) {
	test(`the ${which} page ships no JavaScript and draws each trend as SVG from its table`, async ({
		page
	}) => {
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(r.url());
		});
		await page.goto(
			which === 'home'
				? '/'
				: which === 'priority'
					? `/priorities/${activePriorities()[0].slug}`
					: `/schools/${aSchool().cds_code}`
		);
		expect(scripts).toEqual([]);
		const figures = page.locator('figure.trend');
		const count = await figures.count();
		// The school page has tables only.
		if (which !== 'school') expect(count).toBeGreaterThan(0);
		for (let i = 0; i < count; i++) {
			const figure = figures.nth(i);
			const results = (await figure.locator('tr[data-series=result] td').allTextContents()).filter(
				(t) => /\d/.test(t)
			);
			// One dot per year with a shown result (and one in the legend).
			await expect(figure.locator('svg circle')).toHaveCount(results.length + 1);
		}
	});
}

test.describe("on a priority's board page", () => {
	test.use({ storageState: storageStateFor('board') });
	// The overview shows a small trend per priority; the chart.js charts are one click away.
	test('each chart.js chart draws the same numbers as its data table', async ({ page }) => {
		await page.goto(`/board/priorities/${activePriorities()[0].slug}`);
		const figures = page.locator('figure.trend');
		const count = await figures.count();
		expect(count).toBeGreaterThan(0);
		for (let i = 0; i < count; i++) {
			const figure = figures.nth(i);
			const canvas = figure.locator('canvas');
			// Charts are drawn as they come near the screen.
			await figure.scrollIntoViewIfNeeded();
			await expect(canvas).toHaveAttribute('data-drawn', /labels/);
			const drawn = JSON.parse((await canvas.getAttribute('data-drawn')) as string) as {
				labels: string[];
				series: (number | null)[][];
			};
			const years = (await figure.locator('thead th').allInnerTexts())
				.slice(1)
				.map((t) => t.trim());
			expect(drawn.labels).toEqual(years);
			const resultCells = await cellTexts(
				page,
				`figure.trend >> nth=${i} >> tr[data-series=result] td`
			);
			const shown = resultCells.map((t) =>
				/^[−\d]/.test(t) ? Number(t.replace('−', '-').replace('%', '')) : null
			);
			expect(drawn.series[0].map((v) => (v === null ? null : Math.round(v * 10) / 10))).toEqual(
				shown
			);
		}
	});
});

test('a priority page lists every measure by group and by school, and sorts schools', async ({
	page
}) => {
	const [first] = activePriorities();
	await page.goto(`/priorities/${first.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
	const measures = query<{ name: string }>(
		'select m.name from measure m join priority p on p.id = m.priority_id where p.slug = ?',
		first.slug
	);
	for (const m of measures) {
		await expect(page.getByRole('heading', { level: 2, name: m.name })).toBeVisible();
	}
	await expect(page.getByRole('columnheader', { name: 'Student group' }).first()).toBeVisible();
	// The district systems that carry the priority, and the board policies behind them
	const [carrier] = query<{ name: string }>(
		`select s.name from structure s join structure_priority sp on sp.structure_id = s.id
		 join priority p on p.id = sp.priority_id where p.slug = ? limit 1`,
		first.slug
	);
	await expect(page.getByRole('heading', { name: 'What district systems carry it' })).toBeVisible();
	if (carrier) await expect(page.getByText(carrier.name).first()).toBeVisible();
	// Sorting by the latest year through a plain link
	const schoolTable = page
		.locator('table', { has: page.getByRole('columnheader', { name: 'School', exact: true }) })
		.first();
	const latestHeader = schoolTable.locator('thead th').last();
	await latestHeader.getByRole('link').click();
	await expect(page).toHaveURL(/\?sort=result#/);
	await expect(
		page
			.locator('table', { has: page.getByRole('columnheader', { name: 'School', exact: true }) })
			.first()
			.locator('thead th')
			.last()
	).toHaveAttribute('aria-sort', 'ascending');
});

test('a priority page finds a school in its by-school table, in both languages', async ({
	page
}) => {
	const [first] = activePriorities();
	await page.goto(`/priorities/${first.slug}`);
	const table = page
		.locator('table', { has: page.getByRole('columnheader', { name: 'School', exact: true }) })
		.first();
	const all = await table.locator('tbody tr').count();
	expect(all).toBeGreaterThan(10);
	// The table shows a page of schools; "Schools 1–25 of 31" gives the measure's whole count.
	const range = page.locator('p', { hasText: /Schools 1–\d+ of [\d,]+/ }).first();
	const total = (await range.count())
		? (await range.innerText()).match(/ of ([\d,]+)/)![1].replace(/,/g, '')
		: String(all);
	const name = await table.locator('tbody tr').last().locator('th').innerText();
	const find = page.getByRole('searchbox', { name: 'Find a school' }).first();
	await find.fill(name.toLowerCase());
	await find.press('Enter');
	await expect(page).toHaveURL(/school=/);
	await expect(table.getByRole('link', { name })).toBeVisible();
	expect(await table.locator('tbody tr').count()).toBeLessThan(all);
	await expect(page.getByText(new RegExp(`of ${total} schools match`)).first()).toBeVisible();
	await page.getByRole('link', { name: 'Show all schools' }).first().click();
	await expect(table.locator('tbody tr')).toHaveCount(all);

	await page.goto(`/es/priorities/${first.slug}?school=zzzz`);
	await expect(page.getByText('Ninguna escuela coincide con «zzzz».').first()).toBeVisible();
	await expect(page.getByRole('searchbox', { name: 'Buscar una escuela' }).first()).toHaveValue(
		'zzzz'
	);
});

test('on a phone a trend table starts at the newest year and keeps its row labels in view', async ({
	page
}) => {
	const [p] = activePriorities();
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/priorities/${p.slug}`);
	const wrap = page.locator('.trend .newest-first').first();
	const box = (await wrap.boundingBox())!;
	for (const label of ['Result', 'Target']) {
		const cell = wrap.getByRole('rowheader', { name: label, exact: true });
		const at = (await cell.boundingBox())!;
		expect(at.x).toBeGreaterThanOrEqual(box.x - 1);
		expect(at.x + at.width).toBeLessThanOrEqual(box.x + box.width + 1);
	}
	// Scrolled all the way back to the oldest year, the labels are still there.
	await wrap.evaluate((e) => e.scrollBy({ left: -10_000 }));
	await wrap.evaluate((e) => e.scrollBy({ left: 10_000 }));
	const at = (await wrap.getByRole('rowheader', { name: 'Result', exact: true }).boundingBox())!;
	expect(at.x).toBeGreaterThanOrEqual(box.x - 1);
	await page.screenshot({ path: 'reports/words-screens/priority-phone.png' });
});

test('the schools list filters by name and type', async ({ page }) => {
	const school = aSchool();
	await page.goto('/schools');
	const total = Number((await page.getByRole('status').innerText()).split(' ')[0]);
	expect(total).toBeGreaterThan(1);
	await page.getByLabel('Name or CDS code').fill(school.name);
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page.getByRole('link', { name: school.name })).toBeVisible();
	await page.getByRole('link', { name: school.name }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(school.name);
	await page.goto('/schools?q=no-such-school-anywhere');
	await expect(page.getByText('No school matches')).toBeVisible();
});

test('an unknown priority or school is a helpful 404', async ({ page }) => {
	const res = await page.goto('/priorities/not-a-priority');
	expect(res?.status()).toBe(404);
	expect((await page.goto('/schools/00000000000000'))?.status()).toBe(404);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('every public page still shows its tables', async ({ page }) => {
		for (const path of publicPages()) {
			await page.goto(path);
			await expect(page.locator('table').first(), path).toBeVisible();
		}
	});
});

test('no public response carries a draft, a suppressed value or an e-mail', async ({ request }) => {
	const size = suppressionSize();
	const drafts = query<{ text: string }>(
		`select summary as text from progress_update_version v
		 where v.state != 'published' and length(summary) > 20
		   and summary not in (select summary from progress_update_version where state = 'published')
		 union select narrative from progress_update_version
		 where state != 'published' and length(narrative) > 20
		   and narrative not in (select narrative from progress_update_version where state = 'published')`
	)
		.map((r) => r.text)
		// Svelte escapes these in HTML, so the raw text would not be found even if it leaked.
		.filter((t) => !/[&<>"]/.test(t));
	expect(drafts.length, 'the demo has draft texts to look for').toBeGreaterThan(0);
	for (const path of publicPages()) {
		for (const url of [path, `${path === '/' ? '' : path}/__data.json`]) {
			const body = await (await request.get(url)).text();
			for (const d of drafts) expect(body, `${url} shows a draft`).not.toContain(d);
			expect(body, `${url} shows an e-mail`).not.toMatch(/@example\.org/);
			// Any result that carries a group size must be at or above the suppression size.
			const sizes = url.endsWith('__data.json')
				? groupSizesInData(body)
				: [...body.matchAll(/[{,]n:(\d+)/g)].map((m) => Number(m[1]));
			for (const n of sizes)
				expect(n, `${url} reveals a group of ${n}`).toBeGreaterThanOrEqual(size);
		}
	}
});

test('a small group shows as "fewer than" on the school page, with no value sent', async ({
	page
}) => {
	const size = suppressionSize();
	const [small] = query<{ cds: string; id: number; group_name: string; label: string }>(
		`select s.cds_code cds, m.id, g.name group_name, y.label from result r
		 join school s on s.id = r.school_id
		 join measure m on m.id = r.measure_id join priority p on p.id = m.priority_id
		 join student_group g on g.code = r.student_group join school_year y on y.id = r.school_year_id
		 where r.n < ? and r.value is not null and p.status = 'active' and s.status = 'open'
		 order by s.cds_code, m.id limit 1`,
		size
	);
	expect(small, 'the demo has a small group at some school').toBeTruthy();
	await page.goto(`/schools/${small.cds}`);
	const section = page.locator('section', { has: page.locator(`#m-${small.id}`) });
	await section.getByText(/By student group/).click();
	const table = section.locator('details table');
	const years = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
	const row = table.locator('tbody tr', {
		has: page.getByRole('rowheader', { name: small.group_name, exact: true })
	});
	await expect(row.locator('td').nth(years.indexOf(small.label) - 1)).toHaveText(
		`fewer than ${size} students`
	);
});

for (const [name, path] of [
	['the summary', () => '/'],
	['the schools list', () => '/schools'],
	['a priority page', () => `/priorities/${activePriorities()[0].slug}`],
	['a school page', () => `/schools/${aSchool().cds_code}`]
] as const) {
	test(`${name} passes axe (WCAG 2.2 AA)`, async ({ page }) => {
		test.setTimeout(90_000);
		await page.goto(path());
		await expectNoAxeViolations(page);
	});
}

test('public pages fit a phone screen without sideways scrolling of the page', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	for (const path of publicPages()) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(1);
	}
});
