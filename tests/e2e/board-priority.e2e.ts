// A priority's board page (/board/priorities/[slug]): what a board member reviews about one
// priority — measures, scale profile, carriers, leadership, signals, updates — on the demo district.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { storageStateFor } from './helpers/auth';
import { query } from './helpers/db.ts';

interface Priority {
	id: number;
	slug: string;
	title: string;
}

const firstActive = () =>
	query<Priority>(
		"select id, slug, title from priority where status = 'active' order by sort_order, id limit 1"
	)[0];

test.describe('a priority’s board page', () => {
	test.use({ storageState: storageStateFor('board') });
	// Axe over a page with several trend tables takes a while on a shared machine.
	test.slow();

	test('a board member opens a priority from the overview and reviews it', async ({ page }) => {
		const priority = firstActive();
		await page.goto('/board');
		await page.getByRole('link', { name: priority.title, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`/board/priorities/${priority.slug}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(priority.title);
		await expect(page.getByRole('link', { name: 'Its public page', exact: true })).toHaveAttribute(
			'href',
			`/priorities/${priority.slug}`
		);

		// Each measure with its standing and its trend table.
		const measures = query<{ name: string }>(
			'select name from measure where priority_id = ? order by sort_order, id',
			priority.id
		);
		expect(measures.length).toBeGreaterThan(0);
		for (const m of measures) {
			const card = page.getByRole('article', { name: m.name });
			await expect(card.getByRole('heading', { level: 3 })).toHaveText(m.name);
			await expect(card.locator('.badge')).toHaveText(/target|no results/i);
			await expect(card.getByRole('table', { name: new RegExp(m.name) })).toBeVisible();
		}

		// The scale profile: one row per school year up to the current one.
		const years = query<{ n: number }>(
			`select count(*) as n from school_year
			 where start_year <= (select y.start_year from school_year y join district d on d.current_school_year_id = y.id)`
		)[0].n;
		await expect(page.getByRole('heading', { level: 2, name: 'Scale profile' })).toBeVisible();
		const scale = page.getByRole('table', {
			name: `Scale profile of ${priority.title} by school year`
		});
		await expect(scale.getByRole('columnheader', { name: 'Spread' })).toBeVisible();
		await expect(scale.locator('tbody tr')).toHaveCount(years);

		// What carries it, its leadership, and the updates the board may read — never a draft.
		await expect(
			page.getByRole('heading', { name: 'What district systems carry it' })
		).toBeVisible();
		await expect(
			page.getByRole('table', { name: `Who sponsored ${priority.title}, and when` })
		).toBeVisible();
		const visible = query<{ n: number }>(
			`select count(distinct u.id) as n from progress_update u
			 join progress_update_version v on v.update_id = u.id
			 where u.priority_id = ? and v.state != 'draft'`,
			priority.id
		)[0].n;
		const updates = page.getByRole('list', { name: /^Progress updates on/ }).getByRole('listitem');
		await expect(updates).toHaveCount(Math.min(6, visible));
		for (const stage of await updates.locator('.stage').allTextContents())
			expect(stage).toMatch(/^(Published|Shared with the board)/);

		await expectNoAxeViolations(page);
	});

	test('the scale page and the throughline list link to the priority’s board page', async ({
		page
	}) => {
		const priority = firstActive();
		await page.goto(`/board/scale?priority=${priority.id}`);
		await page.getByRole('link', { name: priority.title, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`/board/priorities/${priority.slug}$`));
		await page.goto(`/board/throughline?priority=${priority.slug}`);
		await expect(
			page.locator('#throughline-list').getByRole('link', { name: priority.title })
		).toHaveAttribute('href', `/board/priorities/${priority.slug}`);
	});

	test('a completed priority is open to the board too', async ({ page }) => {
		const completed = query<Priority>(
			"select id, slug, title from priority where status = 'completed' order by id limit 1"
		)[0];
		test.skip(!completed, 'The demo district has no completed priority.');
		await page.goto(`/board/priorities/${completed.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(completed.title);
		await expect(page.getByText('Completed', { exact: true })).toBeVisible();
	});

	test('an update shared with the board but not published says so', async ({ page }) => {
		const shared = query<{ slug: string }>(
			`select p.slug from priority p join progress_update u on u.priority_id = p.id
			 join progress_update_version v on v.update_id = u.id
			 where v.state = 'shared' order by p.id limit 1`
		)[0];
		test.skip(!shared, 'The demo district has no update shared with the board.');
		await page.goto(`/board/priorities/${shared.slug}`);
		await expect(page.getByRole('list', { name: /^Progress updates on/ })).toContainText(
			'Shared with the board, not yet published'
		);
	});

	test('an unknown priority is a 404 that says so', async ({ page }) => {
		const response = await page.goto('/board/priorities/no-such-priority');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such priority');
		await expect(page.getByText('There is no priority at “no-such-priority”')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Go to the board overview' })).toHaveAttribute(
			'href',
			'/board'
		);
		await expectNoAxeViolations(page);
	});
});

test('the public is sent to sign in', async ({ page }) => {
	await page.goto(`/board/priorities/${firstActive().slug}`);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
