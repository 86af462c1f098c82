import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './helpers/auth.ts';

// Staff edit the throughline through the forms: create, edit, delete each kind of item, and see
// invalid input refused with the error next to its field and nothing saved.
test.use({ storageState: storageStateFor('staff') });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function submit(page: Page, name: string | RegExp) {
	await page.getByRole('button', { name }).click();
}

async function expectFieldError(page: Page, field: string, text: string | RegExp) {
	await expect(page.locator(`#field-${field}-error`)).toContainText(text);
	await expect(page.locator(`#field-${field}`)).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
}

async function deleteItem(page: Page, what: string) {
	await page.getByText(`Delete ${what}…`).click();
	await page.getByRole('button', { name: `Yes, delete ${what}` }).click();
	await expect(page.getByRole('status')).toContainText('Deleted.');
}

test('priorities: create, edit, refuse bad input, delete', async ({ page }) => {
	const slug = `p-${unique()}`;
	await page.goto('/manage/priorities/new');
	// empty title: refused, the other values kept
	await page.getByLabel('Slug').fill(slug);
	await submit(page, 'Add the priority');
	await expectFieldError(page, 'title', 'Enter the title.');
	await expect(page.getByLabel('Slug')).toHaveValue(slug);
	// too long
	await page.getByLabel('Title', { exact: true }).fill('x'.repeat(201));
	await submit(page, 'Add the priority');
	await expectFieldError(page, 'title', 'at most 200 characters');
	// duplicate slug (the demo's early-literacy)
	await page.getByLabel('Title', { exact: true }).fill(`Writing ${slug}`);
	await page.getByLabel('Slug').fill('early-literacy');
	await submit(page, 'Add the priority');
	await expectFieldError(page, 'slug', 'already uses this slug');
	await page.goto('/manage/priorities');
	await expect(page.getByText(`Writing ${slug}`)).toHaveCount(0);

	// created
	await page.goto('/manage/priorities/new');
	await page.getByLabel('Title', { exact: true }).fill(`Writing ${slug}`);
	await page.getByLabel('Slug').fill(slug);
	await page.getByLabel('Sponsor').fill('Ana Ruiz, Chief Academic Officer');
	await page.getByLabel('Status').selectOption('active');
	await page.getByLabel('Spanish title').fill('Escritura');
	await submit(page, 'Add the priority');
	await expect(page.getByRole('status')).toContainText('Added.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Writing ${slug}`);
	// a new priority has no measure and no structure: both signals show on its page
	await expect(page.locator('[data-signal^="priority-without-measure:"]')).toBeVisible();
	await expect(page.locator('[data-signal^="influence-only:"]')).toBeVisible();

	// edited
	await page.getByLabel('Title', { exact: true }).fill(`Writing well ${slug}`);
	await page.getByLabel('Status').selectOption('completed');
	await submit(page, 'Save changes');
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Writing well ${slug}`);
	await expect(page.getByLabel('Status')).toHaveValue('completed');

	await deleteItem(page, 'this priority');
	await expect(page.getByText(`Writing well ${slug}`)).toHaveCount(0);
});

test('a new priority’s slug follows its title until edited by hand, and without JavaScript a blank slug is made from the title', async ({
	page,
	browser
}) => {
	const u = unique();
	await page.goto('/manage/priorities/new');
	await page.getByLabel('Title', { exact: true }).fill(`Matemáticas ${u}: Grade 8`);
	await expect(page.getByLabel('Slug')).toHaveValue(`matematicas-${u}-grade-8`);
	await page.getByLabel('Slug').fill(`math-${u}`);
	await page.getByLabel('Title', { exact: true }).fill(`Mathematics ${u}`);
	await expect(page.getByLabel('Slug')).toHaveValue(`math-${u}`);
	await page.getByLabel('Status').selectOption('completed');
	await submit(page, 'Add the priority');
	await expect(page.getByRole('status')).toContainText('Added.');
	await expect(page.getByLabel('Slug')).toHaveValue(`math-${u}`);
	await deleteItem(page, 'this priority');

	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: storageStateFor('staff')
	});
	const plain = await context.newPage();
	await plain.goto('/manage/priorities/new');
	await plain.getByLabel('Title', { exact: true }).fill(`Science ${u}`);
	await plain.getByLabel('Status').selectOption('completed');
	await submit(plain, 'Add the priority');
	await expect(plain.getByRole('status')).toContainText('Added.');
	await expect(plain.getByLabel('Slug')).toHaveValue(`science-${u}`);
	await context.close();
	await page.reload();
	await page.goto(page.url().replace(/\/manage\/priorities.*$/, '/manage/priorities'));
	await page.getByRole('link', { name: `Science ${u}` }).click();
	await deleteItem(page, 'this priority');
});

test('policies: duplicate number refused; create, edit, delete', async ({ page }) => {
	const id = unique();
	await page.goto('/manage/policies/new');
	await page.getByLabel('Number').fill('0460'); // the demo's BP 0460
	await page.getByLabel('Title').fill(`LCAP again ${id}`);
	await submit(page, 'Add the policy');
	await expectFieldError(page, 'number', 'There is already a BP 0460');
	await expect(page.getByLabel('Title')).toHaveValue(`LCAP again ${id}`);
	await page.getByLabel('Number').fill('12');
	await submit(page, 'Add the policy');
	await expectFieldError(page, 'number', 'four digits');
	await page.getByLabel('Number').fill('');
	await page.getByLabel('Title').fill('');
	await submit(page, 'Add the policy');
	await expectFieldError(page, 'title', 'Enter the title.');
	await page.goto(`/manage/policies?q=${id}`);
	await expect(page.getByText('No policy matches.')).toBeVisible();

	const number = `9${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}.${Math.floor(Math.random() * 900) + 100}`;
	await page.goto('/manage/policies/new');
	await page.getByLabel('Kind').selectOption('AR');
	await page.getByLabel('Number').fill(number);
	await page.getByLabel('Title').fill(`Coaching cycles ${id}`);
	await page.getByLabel('Adopted').fill('2024-08-20');
	await page.getByLabel('Link').fill('https://example.org/ar');
	await submit(page, 'Add the policy');
	await expect(page.getByRole('status')).toContainText('Added.');
	// linked to nothing yet: a policy on paper
	await expect(page.locator('[data-signal^="policy-on-paper:"]')).toContainText('policy on paper');
	await page.getByLabel('Last revised').fill('2020-01-01');
	await submit(page, 'Save changes');
	await expectFieldError(page, 'revisedOn', 'cannot be before the adoption date');
	await page.getByLabel('Last revised').fill('2025-03-01');
	await submit(page, 'Save changes');
	await expect(page.getByRole('status')).toContainText('Saved.');
	await deleteItem(page, 'this policy');
	await page.goto(`/manage/policies?q=${id}`);
	await expect(page.getByText('No policy matches.')).toBeVisible();
});

test('measures: a target for a year outside the plan is refused', async ({ page }) => {
	const code = `m-${unique()}`;
	await page.goto('/manage/measures/new');
	await page.waitForLoadState('networkidle'); // hydrated: nothing typed is reset
	await page.getByLabel('Name', { exact: true }).fill(`Writing proficiency ${code}`);
	await page.getByLabel('Code').fill(code);
	await page.getByLabel('School year, row 1').fill('2031-32');
	await page.getByLabel('Target, row 1').fill('60');
	await submit(page, 'Add the measure');
	await expect(page.getByRole('alert')).toContainText('2031-32 is outside the plan');
	await expect(page.locator('#targets')).toContainText('2031-32 is outside the plan');
	await expect(page.getByLabel('School year, row 1')).toHaveValue('2031-32');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`Writing proficiency ${code}`);
	await page.goto('/manage/measures');
	await expect(page.getByText(`Writing proficiency ${code}`)).toHaveCount(0);

	// now a real year, then edited and deleted
	await page.goto('/manage/measures/new');
	await page.waitForLoadState('networkidle'); // hydrated: nothing typed is reset
	await page.getByLabel('Name', { exact: true }).fill(`Writing proficiency ${code}`);
	await page.getByLabel('Code').fill(code);
	await page
		.getByLabel('Priority', { exact: true })
		.selectOption({ label: 'Every student reading by third grade' });
	await page.getByLabel('Baseline year').selectOption({ label: '2022-23' });
	await page.getByLabel('Baseline value').fill('41.5');
	await page.getByLabel('School year, row 1').fill('2024-25');
	await page.getByLabel('Target, row 1').fill('48');
	// The priority is adopted: a measure added to it needs a reason, shown on its change log.
	await submit(page, 'Add the measure');
	await expectFieldError(page, 'changeReason', 'Give the reason for this change');
	await page.getByLabel('Reason (shown to the public)').fill('Writing joins the literacy plan.');
	await submit(page, 'Add the measure');
	await expect(page.getByRole('status')).toContainText('Added.');
	await expect(page.getByLabel('School year, row 1')).toHaveValue('2024-25');
	await expect(page.getByLabel('Target, row 1')).toHaveValue('48');
	// duplicate code on another measure
	await page.getByLabel('Code').fill('ela');
	await submit(page, 'Save changes');
	await expectFieldError(page, 'code', 'already uses this code');
	await page.getByLabel('Code').fill(code);
	await page.getByLabel('Target, row 2').fill('50');
	await page.getByLabel('School year, row 2').fill('2023-24');
	await page.getByLabel('Reason (shown to the public)').fill('An interim target for 2023-24.');
	await submit(page, 'Save changes');
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page.getByLabel('School year, row 1')).toHaveValue('2023-24');
	// Deleting it takes it out of an adopted plan: refused without a reason, then done with one.
	await page.getByText('Delete this measure…').click();
	await submit(page, 'Yes, delete this measure');
	await expect(page.locator('#delete-changeReason-error')).toContainText('Give the reason');
	await page.getByLabel(/^Reason for removing it from the plan/).fill('The writing pilot ended.');
	await submit(page, 'Yes, delete this measure');
	await expect(page.getByRole('status')).toContainText('Deleted.');
	await expect(page.getByText(`Writing proficiency ${code}`)).toHaveCount(0);
});

test('measures: "Add another target" adds as many rows as the plan needs, with JavaScript and without', async ({
	page,
	browser
}) => {
	const years = ['2024-25', '2025-26', '2026-27', '2027-28', '2028-29', '2029-30'];
	const fillTargets = async (p: Page, from: number, to: number) => {
		for (let i = from; i < to; i++) {
			await p.getByLabel(`School year, row ${i + 1}`).fill(years[i]);
			await p.getByLabel(`Target, row ${i + 1}`).fill(String(40 + i));
		}
	};
	const expectTargets = async (p: Page) => {
		for (const [i, year] of years.entries())
			await expect(p.getByLabel(`School year, row ${i + 1}`)).toHaveValue(year);
	};

	// With JavaScript: three rows, then three more in place, saved at once.
	const code = `rows-${unique()}`;
	await page.goto('/manage/measures/new');
	await page.waitForLoadState('networkidle'); // hydrated: nothing typed is reset
	await page.getByLabel('Name', { exact: true }).fill(`Rows ${code}`);
	await page.getByLabel('Code').fill(code);
	await expect(page.getByLabel(/^School year, row \d+$/)).toHaveCount(3);
	await fillTargets(page, 0, 3);
	for (let i = 0; i < 3; i++) await submit(page, 'Add another target');
	await expect(page.getByLabel(/^School year, row \d+$/)).toHaveCount(6);
	await expect(page.getByLabel('School year, row 6')).toBeFocused();
	await fillTargets(page, 3, 6);
	// Enter in a field saves the form; it does not add a row.
	await page.getByLabel('Target, row 6').press('Enter');
	await expect(page.getByRole('status')).toContainText('Added.');
	await expectTargets(page);
	await deleteItem(page, 'this measure');

	// Without: each press posts the form and it comes back as typed, one row more, nothing saved.
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: storageStateFor('staff')
	});
	const plain = await context.newPage();
	const other = `rows-${unique()}`;
	await plain.goto('/manage/measures/new');
	await plain.getByLabel('Name', { exact: true }).fill(`Rows ${other}`);
	await plain.getByLabel('Code').fill(other);
	await fillTargets(plain, 0, 3);
	for (const n of [4, 5, 6]) {
		await submit(plain, 'Add another target');
		await expect(plain.getByLabel(/^School year, row \d+$/)).toHaveCount(n);
		await expect(plain.getByLabel('Code')).toHaveValue(other);
		await fillTargets(plain, n - 1, n);
	}
	await submit(plain, 'Add the measure');
	await expect(plain.getByRole('status')).toContainText('Added.');
	await expectTargets(plain);
	await deleteItem(plain, 'this measure');
	await context.close();
});

test('structures: create, link a policy and a priority, unlink, delete', async ({ page }) => {
	const name = `Writing studio ${unique()}`;
	await page.goto('/manage/structures/new');
	await page.getByLabel('Name', { exact: true }).fill(name);
	await submit(page, 'Add the structure');
	await expectFieldError(page, 'category', 'Choose the category');
	await expect(page.locator('#field-authority-error')).toBeVisible();
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
	await page.getByLabel('Category').selectOption('time');
	await page.getByLabel('Required districtwide (tight)').check();
	await page.getByLabel('Repurposed (an existing structure').check();
	await page.getByLabel('Owner role').fill('Director of Curriculum');
	await submit(page, 'Add the structure');
	await expect(page.getByRole('status')).toContainText('Added.');
	await expect(page.locator('[data-signal^="structure-without-policy:"]')).toBeVisible();

	// link a policy that establishes it
	await page.getByLabel('Policy', { exact: true }).selectOption({ label: 'BP 3100 Budget' });
	await page.getByLabel('How the policy relates to this structure').selectOption('funds');
	await submit(page, 'Link the policy');
	await expect(page.locator('#policies')).toContainText('BP 3100 Budget funds this structure');
	await expect(page.locator('[data-signal^="structure-without-policy:"]')).toHaveCount(0);
	// the priority it carries
	await page.getByLabel('Every student reading by third grade').check();
	await page.getByLabel('Reason (shown to the public)').fill('The studio now carries reading.');
	await submit(page, 'Save the priorities it carries');
	await expect(page.getByLabel('Every student reading by third grade')).toBeChecked();
	// unlink
	await page.getByRole('button', { name: 'Remove link to BP 3100' }).click();
	await expect(page.locator('#policies')).toContainText('No policy is linked yet.');

	// a duplicate name is refused on edit
	await page.getByLabel('Name', { exact: true }).fill('');
	await submit(page, 'Save changes');
	await expectFieldError(page, 'name', 'Enter the name.');
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Site discretion (loose)').check();
	await submit(page, 'Save changes');
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page.getByText('site discretion').first()).toBeVisible();
	await deleteItem(page, 'this structure');
	await expect(page.getByText(name)).toHaveCount(0);
});

test('not-doing list: create, refuse empty reason and bad date, edit, delete', async ({ page }) => {
	const what = `Second reading curriculum pilot ${unique()}`;
	await page.goto('/manage/not-doing/new');
	await page.getByLabel('What').fill(what);
	// A date field cannot hold 30 February; the server's date check is covered by unit tests.
	await page
		.getByLabel('Decided on')
		.evaluate((input: HTMLInputElement) => (input.required = false));
	await submit(page, 'Add the decision');
	await expectFieldError(page, 'reason', 'Enter the reason.');
	await expect(page.locator('#field-decidedOn-error')).toContainText(
		'Enter the date of the decision.'
	);
	await page.goto('/manage/not-doing');
	await expect(page.getByText(what)).toHaveCount(0);

	await page.goto('/manage/not-doing/new');
	await page.getByLabel('What').fill(what);
	await page.getByLabel('Decision').selectOption('stopped');
	await page.getByLabel('Decided on').fill('2025-03-11');
	await page.getByLabel('Why').fill('It competes with the literacy priority for coaching time.');
	await submit(page, 'Add the decision');
	await expect(page.getByRole('status')).toContainText('Added.');
	await page.getByLabel('Why').fill('It competes for coaching time and teacher attention.');
	await submit(page, 'Save changes');
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page.getByLabel('Why')).toHaveValue(
		'It competes for coaching time and teacher attention.'
	);
	await deleteItem(page, 'this decision');
	await expect(page.getByText(what)).toHaveCount(0);
});

test('initiatives: create with schools, duplicate name refused, edit, delete', async ({ page }) => {
	const name = `Writers workshop ${unique()}`;
	await page.goto('/manage/initiatives/new');
	await page.getByLabel('Name', { exact: true }).fill('AVID college readiness'); // a demo initiative
	await submit(page, 'Add the initiative');
	await expectFieldError(page, 'name', 'already has this name');
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Year it started').fill('23');
	await submit(page, 'Add the initiative');
	await expectFieldError(page, 'startYear', 'four digits');
	await page.getByLabel('Year it started').fill('2024');
	const schools = page.locator('#field-schoolIds input[type="checkbox"]');
	await schools.nth(0).check();
	await schools.nth(1).check();
	await submit(page, 'Add the initiative');
	await expect(page.getByRole('status')).toContainText('Added.');
	await expect(schools.nth(0)).toBeChecked();
	await expect(schools.nth(1)).toBeChecked();
	await schools.nth(1).uncheck();
	await page.getByLabel('Active (counts toward initiative').uncheck();
	await submit(page, 'Save changes');
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(schools.nth(1)).not.toBeChecked();
	await expect(page.getByLabel('Active (counts toward initiative')).not.toBeChecked();
	await deleteItem(page, 'this initiative');
	await expect(page.getByText(name)).toHaveCount(0);
});

test('the manage overview lists the areas with counts', async ({ page }) => {
	await page.goto('/manage');
	for (const area of [
		'Priorities',
		'Measures',
		'Structures',
		'Policies',
		'Not doing',
		'Initiatives'
	])
		await expect(page.getByRole('heading', { name: area, level: 2 })).toBeVisible();
});
