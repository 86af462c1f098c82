// Schools at /manage/schools as staff: list, search, add (with bad input), edit, exclude from the
// district's figures and merge. The demo database is shared by every spec: this one creates its
// own schools (codes 9999999 88xxxxx) and changes no demo school.
import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './helpers/auth.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { shoot } from './helpers/screens.ts';
import { query } from './helpers/db.ts';

test.describe.configure({ mode: 'serial' });
test.use({ storageState: storageStateFor('staff') });

// A run of its own: codes that no other run of this spec (a retry) has used.
const run = String(Date.now() % 100000).padStart(5, '0');
const code = (n: number) => `9999999${8 + n}${run.slice(1)}${n}`.slice(0, 14).padEnd(14, '0');
const cypress = { name: `Cypress Test Elementary ${run}`, cds: code(0) };
const charter = { name: `Harbor Test Charter ${run}`, cds: code(1) };

async function fillSchool(page: Page, s: { name: string; cds: string }, span = 'K-5') {
	await page.getByLabel('Name', { exact: true }).fill(s.name);
	await page.getByLabel('CDS code').fill(s.cds);
	await page.getByLabel('Type').selectOption('elementary');
	await page.getByLabel('Grade span').fill(span);
}

test('the list searches by name and CDS code and filters by type and status', async ({ page }) => {
	const [demo] = query<{ name: string; cds: string; type: string }>(
		"select name, cds_code as cds, type from school where status = 'open' order by id limit 1"
	);
	await page.goto('/manage');
	await page
		.getByRole('navigation', { name: 'Manage' })
		.getByRole('link', { name: 'Schools' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText(/\d+ open schools/);
	await expectNoAxeViolations(page);
	await shoot(page, 'schools-list');

	await page.getByLabel('Name or CDS code').fill(demo.name);
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('row', { name: new RegExp(demo.name) })).toBeVisible();
	await page.getByLabel('Name or CDS code').fill(demo.cds);
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('table', { name: 'Schools' }).getByRole('row')).toHaveCount(2);
	await expect(page.getByRole('row', { name: new RegExp(demo.cds) })).toBeVisible();

	await page.goto('/manage/schools?type=high&status=all');
	const types = await page
		.getByRole('table', { name: 'Schools' })
		.locator('tbody td:nth-child(3)')
		.allTextContents();
	expect(new Set(types)).toEqual(new Set(['High']));
});

test('adding a school refuses a wrong-length and a duplicate CDS code, then saves', async ({
	page
}) => {
	const [demo] = query<{ name: string; cds: string }>(
		'select name, cds_code as cds from school order by id limit 1'
	);
	await page.goto('/manage/schools/new');
	await fillSchool(page, { ...cypress, cds: cypress.cds.slice(0, 13) });
	await page.getByRole('button', { name: 'Add the school' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Nothing was saved');
	await expect(alert).toContainText(
		'A CDS code is 14 digits (county, district, school); this one has 13.'
	);
	await expect(page.getByLabel('CDS code')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);
	await shoot(page, 'schools-add-error');

	await page.getByLabel('CDS code').fill(demo.cds);
	await page.getByRole('button', { name: 'Add the school' }).click();
	await expect(page.getByRole('alert')).toContainText(
		`A school with CDS code ${demo.cds} already exists: ${demo.name}.`
	);
	// What was typed stays.
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue(cypress.name);
	expect(query('select 1 from school where name = ?', cypress.name)).toHaveLength(0);

	await page.getByLabel('CDS code').fill(cypress.cds);
	await page.getByRole('button', { name: 'Add the school' }).click();
	await expect(page.getByRole('status')).toContainText('Added.');
	await expect(page.getByRole('heading', { level: 1, name: cypress.name })).toBeVisible();
	expect(
		query('select type, grade_span as span, status from school where cds_code = ?', cypress.cds)
	).toEqual([{ type: 'elementary', span: 'K-5', status: 'open' }]);
	await expectNoAxeViolations(page);
	await shoot(page, 'schools-edit');
});

test('editing a school closes it with its date', async ({ page }) => {
	await page.goto(`/manage/schools?q=${cypress.cds}`);
	await page.getByRole('link', { name: cypress.name }).click();
	await page.getByLabel('Grade span').fill('TK-5');
	await page.getByLabel('Closed on').fill('2025-06-13');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert')).toContainText('An open school has no closing date');
	await page.getByRole('radio', { name: 'Closed' }).check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page.getByText('Closed on June 13, 2025')).toBeVisible();
	await page.goto(`/manage/schools?q=${cypress.cds}&status=closed`);
	await expect(page.getByRole('row', { name: new RegExp(cypress.name) })).toContainText(
		'Closed June 13, 2025'
	);
	await expect(page.getByRole('row', { name: new RegExp(cypress.name) })).toContainText('TK-5');
});

test('excluding a school asks first, records the reason and takes it off the public pages', async ({
	page
}) => {
	await page.goto('/manage/schools/new');
	await fillSchool(page, charter, '6-12');
	await page.getByLabel('Charter school').check();
	await page.getByRole('button', { name: 'Add the school' }).click();
	await expect(page.getByRole('status')).toContainText('Added.');
	const id = page.url().match(/\/manage\/schools\/(\d+)/)![1];

	// On the public list until excluded.
	await page.goto(`/schools?q=${charter.cds}`);
	await expect(page.getByRole('link', { name: charter.name })).toBeVisible();

	await page.goto(`/manage/schools/${id}`);
	const confirm = page.getByRole('button', { name: /Yes, exclude/ });
	await expect(confirm).toBeHidden();
	await page.getByText(`Exclude ${charter.name}…`).click();
	await confirm.click();
	await expect(page.getByRole('alert')).toContainText('Enter the reason.');
	expect(query('select excluded from school where id = ?', Number(id))).toEqual([{ excluded: 0 }]);
	await page
		.getByLabel('Reason')
		.fill('Independent charter the board authorizes; not run by the district');
	await page.getByRole('button', { name: /Yes, exclude/ }).click();
	await expect(page.getByRole('status')).toContainText("Excluded from the district's figures.");
	await expect(page.getByRole('note')).toContainText('Independent charter the board authorizes');
	await expectNoAxeViolations(page);
	await shoot(page, 'schools-excluded');
	expect(
		query<{ note: string }>(
			"select note from audit_log where action = 'exclude' and entity = 'school' and entity_id = ?",
			id
		)
	).toEqual([{ note: 'Independent charter the board authorizes; not run by the district' }]);

	await page.goto(`/schools?q=${charter.cds}&status=all`);
	await expect(page.getByRole('link', { name: charter.name })).toHaveCount(0);
	expect((await page.goto(`/schools/${charter.cds}`))!.status()).toBe(404);

	await page.goto('/manage/schools?status=excluded');
	await expect(page.getByRole('row', { name: new RegExp(charter.name) })).toContainText('Excluded');
});

test('merging two records asks which to keep, then moves one into the other', async ({ page }) => {
	const bare = { name: `CYPRESS ELEM ${run}`, cds: code(2) };
	await page.goto('/manage/schools/new');
	await page.getByLabel('Name', { exact: true }).fill(bare.name);
	await page.getByLabel('CDS code').fill(bare.cds);
	await page.getByLabel('Type').selectOption('other');
	await page.getByRole('button', { name: 'Add the school' }).click();
	await expect(page.getByRole('status')).toContainText('Added.');
	const bareId = Number(page.url().match(/\/manage\/schools\/(\d+)/)![1]);

	await page.getByLabel("The other school's name or CDS code").fill(cypress.cds);
	await page.getByRole('button', { name: 'Find' }).click();
	await page.getByRole('link', { name: cypress.name }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Merge ${bare.name}` })).toBeVisible();
	// The record with the directory's details is kept by default.
	await expect(page.getByRole('radio', { name: new RegExp(cypress.name) })).toBeChecked();
	await expectNoAxeViolations(page);
	await shoot(page, 'schools-merge');
	await page.getByRole('button', { name: 'Yes, merge the two records' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Merged ${bare.name} (${bare.cds}) into this school`
	);
	await expect(page.getByRole('heading', { level: 1, name: cypress.name })).toBeVisible();
	expect(query('select 1 from school where id = ?', bareId)).toHaveLength(0);
	expect(
		query<{ id: number }>(
			'select school_id as id from school_cds_alias where cds_code = ?',
			bare.cds
		)
	).toHaveLength(1);
});
