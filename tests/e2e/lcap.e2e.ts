// The LCAP beside the board's priorities (issue 32). The board's page and the public pages read
// the demo district's small LCAP (src/lib/server/demo/lcap.ts), whose figures were worked out by
// hand: nine actions, $6,400,000; four carried by a structure that carries a priority,
// $2,120,000 (33%); contributing $3,120,000, of it $1,620,000 carried (52%); "Strong math
// understanding in grades 6–9" is named in goal 1 but carried by no action's structure.
// The browser import reads San Juan Unified's real 2025-26 LCAP (../shared/data/lcap): 183
// actions adding up to the printed $122,293,403.
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { signInAs } from './helpers/auth.ts';

const lcap = resolve('../shared/data/lcap');
const sanJuan = [
	'san-juan-usd-2025-26-goals.csv',
	'san-juan-usd-2025-26-actions.csv',
	'san-juan-usd-2025-26-metrics.csv',
	'san-juan-usd-2025-26-metrics-by-group.csv',
	'san-juan-usd-2024-25-annual-update.csv'
].map((f) => join(lcap, f));

test.describe('the LCAP', () => {
	test.describe.configure({ mode: 'serial' });

	test('the board sees how much of the LCAP carries its priorities, on one screen', async ({
		page
	}) => {
		await signInAs(page, 'board');
		await page.goto('/board/lcap?year=2024-25');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('The LCAP and our priorities');
		const share = page.getByRole('region', { name: 'How much of our LCAP carries our priorities' });
		await expect(share).toContainText('33%');
		await expect(share).toContainText('$2,120,000 of $6,400,000');
		await expect(share).toContainText('4 of 9 actions');
		await expect(share).toContainText('$1,620,000 of $3,120,000');
		await expect(share.getByRole('note')).toContainText(
			'A priority with no LCAP money: Strong math understanding in grades 6–9'
		);
		const byPriority = page.getByRole('table', {
			name: 'LCAP money carrying each active priority'
		});
		await expect(
			byPriority.getByRole('row', { name: /Every student reading by third grade/ })
		).toContainText('$1,550,000');
		await expectNoAxeViolations(page);
	});

	test('a bad file is refused with its line and column, and nothing is imported', async ({
		page
	}) => {
		await signInAs(page, 'staff');
		const dir = mkdtempSync(join(tmpdir(), 'lcap-e2e-'));
		// Action 1.1's LCFF funds written with text in them (line 2 of the actions table).
		const actions = readFileSync(sanJuan[1], 'utf8').split('\n');
		actions[1] = actions[1].replace(',752600.00,0.00,752600.00,', ',752600.00,0.00,about 752600,');
		const bad = join(dir, 'actions.csv');
		writeFileSync(bad, actions.join('\n'));
		await page.goto('/manage/lcap/import');
		await page.getByLabel('CSV files').setInputFiles([sanJuan[0], bad]);
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		const problems = page.getByRole('table', {
			name: 'Problems, with their file, line and column'
		});
		await expect(
			problems.getByRole('row', { name: /actions\.csv 2 lcff_funds about 752600/ })
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Import' })).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	test('San Juan Unified’s LCAP: previewed with its quirks, checked against the printed total', async ({
		page
	}) => {
		await signInAs(page, 'staff');
		await page.goto('/manage/lcap/import');
		await page.getByLabel('CSV files').setInputFiles(sanJuan);
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(page.getByText('183 actions adding up to $122,293,403')).toBeVisible();
		// 12 printed differences that are not Year 1 − baseline, one impossible target, one blank
		// Contributing cell.
		await expect(
			page.getByRole('heading', { name: 'To check: 14 cells not to be trusted' })
		).toBeVisible();
		await expect(page.getByLabel('LCAP year')).toHaveValue('2025-26');
		await page.getByLabel('Three-year cycle').fill('2024-27');
		// A total typed wrong: refused, nothing imported.
		await page.getByLabel('Total of the printed Total Expenditures table').fill('122,293,404');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(
			page.getByText('the actions add up to $122,293,403, not the printed total $122,293,404')
		).toBeVisible();
		await page.getByLabel('Total of the printed Total Expenditures table').fill('122,293,403');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByRole('status')).toContainText('Imported.');
		await expect(page.getByRole('link', { name: /1\. Student Achievement/ })).toBeVisible();
	});

	for (const [path, words] of [
		[
			'/lcap?year=2024-25',
			{
				title: 'The LCAP: goals, actions and funds',
				serves: 'Board priorities it serves:',
				found: '1 of 9 actions match “coach”.'
			}
		],
		[
			'/es/lcap?year=2024-25',
			{
				title: 'El LCAP: metas, acciones y fondos',
				serves: 'Prioridades de la junta a las que sirve:',
				found: '1 de 9 acciones coinciden con «coach».'
			}
		]
	] as const) {
		test(`the public reads the LCAP at ${path}, searchable`, async ({ page }) => {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.title);
			const goal1 = page.getByRole('region', { name: /1: Every student reads and reasons/ });
			await expect(goal1).toContainText(words.serves);
			await expect(goal1.getByRole('row', { name: /1\.1 Literacy coaches/ })).toContainText(
				'$1,200,000'
			);
			await expectNoAxeViolations(page);
			await page.getByRole('searchbox').fill('coach');
			await page.getByRole('searchbox').press('Enter');
			await expect(page.getByRole('status')).toContainText(words.found);
		});
	}
});
