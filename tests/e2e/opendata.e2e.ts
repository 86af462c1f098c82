// Open data and the plan's public record (issue 19), against the production build of the demo:
// the API and the downloads answer only what the public pages show, cache like them, refuse bad
// parameters with a clear JSON problem; the pages carry JSON-LD the CSP lets through; a target
// changed without a reason is refused, and with one shows on the change log in both languages.
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { baseURL, signInAs } from './helpers/auth.ts';
import { query } from './helpers/db.ts';

const suppressionSize = () => query<{ s: number }>('select suppression_size s from district')[0].s;
const activePriority = () =>
	query<{ id: number; slug: string; title: string }>(
		"select id, slug, title from priority where status = 'active' and adopted_on is not null order by sort_order limit 1"
	)[0];

test('the API answers with caching headers, 304, and JSON problems for bad or unknown addresses', async ({
	request
}) => {
	const first = await request.get('/api/v1/results?measure=ela&per_page=5');
	expect(first.status()).toBe(200);
	expect(first.headers()['content-type']).toContain('application/json');
	expect(first.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^"/);
	const body = (await first.json()) as { data: unknown[]; meta: { total: number } };
	expect(body.data).toHaveLength(5);
	const again = await request.get('/api/v1/results?measure=ela&per_page=5', {
		headers: { 'if-none-match': etag }
	});
	expect(again.status()).toBe(304);

	const bad = await request.get('/api/v1/results?year=last&school=x');
	expect(bad.status()).toBe(400);
	expect(bad.headers()['content-type']).toContain('application/problem+json');
	const problem = (await bad.json()) as { errors: { param: string; message: string }[] };
	expect(problem.errors.map((e) => e.param).sort()).toEqual(['school', 'year']);
	expect(bad.headers()['cache-control'] ?? '').not.toContain('public');

	const unknown = await request.get('/api/v1/pupils');
	expect(unknown.status()).toBe(404);
	expect(((await unknown.json()) as { detail: string }).detail).toContain('openapi.json');
	const openapi = await request.get('/api/v1/openapi.json');
	expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');
	const dcat = await request.get('/data.json');
	expect(((await dcat.json()) as { dataset: unknown[] }).dataset.length).toBeGreaterThan(5);
});

test('every download and API table holds no small group, no draft, no e-mail address', async ({
	request
}) => {
	// Every dataset three ways (CSV, JSON, API): a minute is short on a loaded two-core machine.
	test.setTimeout(180_000);
	const size = suppressionSize();
	const catalog = (await (await request.get('/api/v1')).json()) as { datasets: string[] };
	const drafts = query<{ text: string }>(
		"select summary as text from progress_update_version where state <> 'published' and length(summary) > 12"
	)
		.map((r) => r.text)
		.filter(
			(t) =>
				query("select 1 from progress_update_version where state = 'published' and summary = ?", t)
					.length === 0
		);
	let csv = '';
	for (const path of catalog.datasets) {
		const name = path.split('/').at(-1)!;
		for (const url of [`/data/${name}.csv`, `/data/${name}.json`, `${path}?per_page=1000`]) {
			const response = await request.get(url);
			expect(response.status(), url).toBe(200);
			const text = await response.text();
			if (url === '/data/results.csv') csv = text;
			expect(text, url).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
			for (const draft of drafts) expect(text.includes(draft), `${url}: ${draft}`).toBe(false);
		}
	}
	// Results: every row of a group under the suppression size (in the database) has no value.
	expect(csv, 'results.csv is among the datasets').not.toBe('');
	const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: true
	}).data;
	const small = new Set(
		query<{ key: string }>(
			`select m.code || ' ' || y.label || ' ' || coalesce(s.cds_code, 'district') || ' ' || r.student_group as key
			 from result r join measure m on m.id = r.measure_id join school_year y on y.id = r.school_year_id
			 left join school s on s.id = r.school_id
			 where (r.n is null and r.student_group <> 'ALL') or r.n < ?`,
			size
		).map((r) => r.key)
	);
	let suppressed = 0;
	for (const r of rows) {
		const key = `${r.measure} ${r.school_year} ${r.level === 'district' ? 'district' : r.school_cds_code} ${r.student_group}`;
		if (small.has(key)) {
			suppressed++;
			expect(r, key).toMatchObject({ value: '', n: '', suppressed: 'TRUE' });
		}
		expect(Number(r.n || size), key).toBeGreaterThanOrEqual(size);
	}
	expect(suppressed).toBeGreaterThan(0);
});

/** The page's JSON-LD blocks, parsed; and no CSP violation reported while it loaded. */
async function jsonLdOf(page: Page, path: string) {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	await page.goto(path);
	const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
	expect(violations, path).toEqual([]);
	return blocks.map((b) => JSON.parse(b) as { '@type': string; distribution?: unknown[] });
}

test('the open data page lists every dataset in both languages, with JSON-LD', async ({ page }) => {
	const [catalog] = await jsonLdOf(page, '/data');
	expect(catalog['@type']).toBe('DataCatalog');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
	// The header and twenty-two datasets (four of them accountability's, three the LCAP's, three the
	// board's record, two the charts' context).
	await expect(page.getByRole('row')).toHaveCount(23);
	await expect(page.getByText(/CC BY 4.0/)).toBeVisible();
	await page.goto('/es/data');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datos abiertos');
	await expect(page.getByRole('cell', { name: /Resultados por escuela/ })).toBeVisible();
	const p = activePriority();
	const [dataset] = await jsonLdOf(page, `/priorities/${p.slug}`);
	expect(dataset['@type']).toBe('Dataset');
	expect(dataset.distribution).toHaveLength(2);
});

test('a measure heading links to its definition, in English and Spanish', async ({ page }) => {
	const p = activePriority();
	await page.goto(`/priorities/${p.slug}`);
	await page
		.getByRole('link', { name: /^What it measures/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/measures\/[a-z0-9-]+$/);
	await expect(page.getByText('What it counts', { exact: true })).toBeVisible();
	await expect(page.getByText(/fewer than \d+ students/)).toBeVisible();
	await expect(page.getByRole('link', { name: p.title, exact: true })).toBeVisible();
	await page.goto(page.url().replace(baseURL(), `${baseURL()}/es`));
	await expect(page.getByText('Qué cuenta', { exact: true })).toBeVisible();
	const csv = page.getByRole('link', { name: /^CSV/ }).first();
	expect(await csv.getAttribute('href')).toMatch(/^\/data\/results\.csv\?measure=/);
});

test('the summary says how the measures with a target this year stand', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('.portfolio')).toHaveText(
		/Of the \d+ measures with a target for \d{4}-\d{2}: \d+ on or ahead of target, \d+ behind, \d+ without data yet\./
	);
	await page.goto('/es');
	await expect(page.locator('.portfolio')).toContainText('medidas con una meta para');
});

test('a target changed without a reason is refused; with one, it is on the public change log', async ({
	page
}) => {
	const p = activePriority();
	// The priority's measure whose newest target is furthest ahead: changing it moves no standing.
	const target = query<{ measure_id: number; name: string; label: string; value: number }>(
		`select t.measure_id, m.name, y.label, t.value from measure_target t join measure m on m.id = t.measure_id
		 join school_year y on y.id = t.school_year_id
		 where m.priority_id = ? and t.student_group = 'ALL' order by y.start_year desc, m.id limit 1`,
		p.id
	)[0];
	await signInAs(page, 'staff');
	await page.goto(`/manage/measures/${target.measure_id}`);
	// The form hydrates: values typed before then would be reset (a busy machine is slow to).
	await page.waitForLoadState('networkidle');
	const years = await page.getByLabel(/^School year, row \d+$/).all();
	let rowNumber = 0;
	for (const [i, input] of years.entries())
		if ((await input.inputValue()) === target.label && !rowNumber) rowNumber = i + 1;
	expect(rowNumber).toBeGreaterThan(0);
	const changed = String(target.value + 1);
	await page.getByLabel(`Target, row ${rowNumber}`, { exact: true }).fill(changed);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('#field-changeReason-error')).toContainText('Give the reason');
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	expect(
		query<{ value: number }>(
			"select t.value from measure_target t join school_year y on y.id = t.school_year_id where t.measure_id = ? and y.label = ? and t.student_group = 'ALL'",
			target.measure_id,
			target.label
		)[0].value
	).toBe(target.value);

	const reason = `The board raised the ${target.label} target after the mid-year review (${Date.now()}).`;
	await page.getByLabel('Reason (shown to the public)').fill(reason);
	await page
		.getByLabel('Reason in Spanish (optional)')
		.fill(`La junta subió la meta (${reason.slice(-15)}`);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');

	await page.context().clearCookies();
	await page.goto(`/priorities/${p.slug}`);
	await page.getByRole('link', { name: /^Changes to the plan since its adoption/ }).click();
	const entry = page.locator('li', { hasText: reason });
	await expect(entry).toBeVisible();
	await expect(entry.getByRole('heading')).toContainText(`Targets changed: ${target.name}`);
	await expect(entry).toContainText('Before');
	await expect(entry).toContainText(target.label);
	await page.goto(`/es/priorities/${p.slug}/changes`);
	const es = page.locator('li', { hasText: `La junta subió la meta (${reason.slice(-15)}` });
	await expect(es).toBeVisible();
	await expect(es).toContainText('Metas cambiadas');
	await expect(es).toContainText('Antes');
	await expect(es).toContainText('Después');
	// And in the open data.
	const api = (await (
		await page.request.get(`/api/v1/plan-changes?priority=${p.slug}`)
	).json()) as { data: { reason: string }[] };
	expect(api.data.some((c) => c.reason === reason)).toBe(true);
});
