import { expect, test } from '@playwright/test';
import { storageStateFor } from './helpers/auth.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { query, tryExec } from './helpers/db.ts';
import {
	closeSync,
	existsSync,
	ftruncateSync,
	openSync,
	readdirSync,
	writeFileSync
} from 'node:fs';

/** Upload folders waiting for confirmation (the server's IMPORT_UPLOAD_DIR). */
function leftovers(): string[] {
	const dir = 'reports/e2e-uploads';
	return existsSync(dir) ? readdirSync(dir) : [];
}

// The import flow as staff: upload → preview → confirm, and a bad file's row-level errors.
// The files are for the demo district (Sample Valley Unified, CDS 99999990000000) and hold the
// English learner progress indicator, which the demo does not have, so other tests' data stays as is.

test.describe('as staff', () => {
	// One at a time: the leftover checks look at the one upload folder.
	test.describe.configure({ mode: 'serial' });
	test.use({ storageState: storageStateFor('staff') });

	const good = 'tests/fixtures/e2e/elpidownload2024.txt';
	const bad = 'tests/fixtures/e2e/elpidownload2024-bad.txt';

	test('upload, preview and confirm a Dashboard file', async ({ page }, testInfo) => {
		// A retry of this serial group starts over: the first attempt may have imported the file.
		if (testInfo.retry) tryExec("delete from measure where code = 'elpi'");
		await page.goto('/manage/imports');
		await expect(page.getByRole('heading', { level: 1, name: 'Import data' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByLabel('File (up to 50 MB)').setInputFiles(good);
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(
			page.getByRole('heading', { name: 'Preview: elpidownload2024.txt' })
		).toBeVisible();
		const counts = page.getByRole('table', { name: 'What the import will do' });
		await expect(counts.getByRole('row', { name: /Rows read/ })).toContainText('3');
		await expect(counts.getByRole('row', { name: /New values to insert/ })).toContainText('2');
		await expect(counts.getByRole('row', { name: /other districts/ })).toContainText('1');
		await expect(page.getByText('Measures: English learner progress')).toBeVisible();
		const bySchool = page.getByRole('table', { name: 'By school' });
		await expect(bySchool.getByRole('row', { name: /Sample Valley Unified/ })).toBeVisible();
		await expect(page.getByRole('table', { name: 'By student group' })).toContainText('English');
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Import 2 values' }).click();
		await expect(page.getByRole('status')).toContainText('Imported elpidownload2024.txt');
		await expect(page.getByRole('status')).toContainText('2 new values');

		const rows = query<{ value: number; n: number }>(
			`SELECT r.value, r.n FROM result r JOIN measure m ON m.id = r.measure_id
		 WHERE m.code = 'elpi' AND r.school_id IS NULL AND r.student_group = 'EL'`
		);
		expect(rows).toEqual([{ value: 45.8, n: 2210 }]);
		const audit = query<{ note: string }>(
			"SELECT note FROM audit_log WHERE action = 'import' AND note LIKE 'elpidownload2024.txt%'"
		);
		if (testInfo.retry) expect(audit.length).toBeGreaterThanOrEqual(1);
		else expect(audit).toHaveLength(1);
		expect(audit[0].note).toMatch(/SHA-256 [0-9a-f]{64}/);

		// The same file again: nothing to change.
		await page.getByLabel('File (up to 50 MB)').setInputFiles(good);
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(
			page
				.getByRole('table', { name: 'What the import will do' })
				.getByRole('row', { name: /Unchanged/ })
		).toContainText('2');
		await page.getByRole('button', { name: 'Import (nothing will change)' }).click();
		await expect(page.getByRole('status')).toContainText('Nothing changed');
	});

	test('an upload over the limit is refused at once, and nothing is left behind', async ({
		page
	}, testInfo) => {
		// 55 MB is within the server's body limit (60 MB), 70 MB past it: the same answer for both.
		// No clock is raced: on a loaded machine the browser may take long to send 55 MB, so the
		// bound is generous; what matters is the refusal and that nothing is kept.
		test.setTimeout(300_000);
		for (const mb of [55, 70]) {
			const path = testInfo.outputPath(`big-${mb}.txt`);
			const fd = openSync(path, 'w');
			ftruncateSync(fd, mb * 1024 * 1024);
			closeSync(fd);
			await page.goto('/manage/imports');
			await page.getByLabel('File (up to 50 MB)').setInputFiles(path);
			await page.getByRole('button', { name: 'Upload and preview' }).click();
			await expect(page.getByText('The file is larger than the limit of 50 MB.')).toBeVisible({
				timeout: 120_000
			});
			expect(leftovers(), `${mb} MB`).toEqual([]);
		}
	});

	test('a file with row errors is not kept', async ({ page }) => {
		await page.goto('/manage/imports');
		await page.getByLabel('File (up to 50 MB)').setInputFiles(bad);
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(page.getByText(/rows? ha(s|ve) errors/)).toBeVisible();
		expect(leftovers()).toEqual([]);
	});

	test('a bad file shows its row errors and cannot be imported', async ({ page }) => {
		await page.goto('/manage/imports');
		await page.getByLabel('File (up to 50 MB)').setInputFiles(bad);
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(page.getByRole('alert')).toContainText('2 rows have errors');
		const errors = page.getByRole('table', { name: /Row errors/ });
		await expect(errors.getByRole('row')).toHaveCount(3);
		await expect(errors.getByRole('row').nth(1)).toHaveText(
			/2\s*currstatus\s*n\/a\s*is not a number/
		);
		await expect(errors.getByRole('row').nth(2)).toHaveText(
			/3\s*studentgroup\s*12\s*is not a student-group code/
		);
		await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Discard' }).click();
		await expect(page).toHaveURL(/\/manage\/imports$/);
	});

	test('a file that is not a text file is refused with a message', async ({ page }) => {
		await page.goto('/manage/imports');
		await page.getByLabel('File (up to 50 MB)').setInputFiles({
			name: 'photo.png',
			mimeType: 'image/png',
			buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])
		});
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(page.getByRole('alert')).toContainText('This is not a text file');
	});

	test('several files at once, without JavaScript: each previewed, a refused one does not stop the others', async ({
		browser
	}, testInfo) => {
		// Three files in one upload: a science file for the demo district (written here: the demo has
		// no science measure), the file with two row errors above, and a picture.
		const science = testInfo.outputPath('sciencedownload2024.txt');
		writeFileSync(
			science,
			'cds\trtype\tschoolname\tdistrictname\tstudentgroup\tcurrdenom\tcurrstatus\treportingyear\tindicator\n' +
				'99999990000000\tD\t\tSample Valley Unified\tALL\t2000\t-12.5\t2024\tSCIENCE\n'
		);
		const photo = testInfo.outputPath('photo.png');
		writeFileSync(
			photo,
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])
		);
		const context = await browser.newContext({
			storageState: storageStateFor('staff'),
			javaScriptEnabled: false
		});
		const page = await context.newPage();
		await page.goto('/manage/imports');
		await page.getByLabel('File (up to 50 MB)').setInputFiles([science, bad, photo]);
		await page.getByRole('button', { name: 'Upload and preview' }).click();
		await expect(page.getByRole('heading', { name: '3 files uploaded' })).toBeVisible();
		const summary = page.getByRole('table', { name: 'The files and what each would do' });
		await expect(summary.getByRole('row', { name: /sciencedownload2024\.txt/ })).toContainText(
			'Yes'
		);
		await expect(summary.getByRole('row', { name: /elpidownload2024-bad\.txt/ })).toContainText(
			'No: 2 rows have errors'
		);
		await expect(summary.getByRole('row', { name: /photo\.png/ })).toContainText(
			'No: cannot be read'
		);
		// Each its own preview and its own message.
		await expect(
			page.getByRole('heading', { name: 'Preview: sciencedownload2024.txt' })
		).toBeVisible();
		await expect(page.getByRole('table', { name: /Row errors/ }).getByRole('row')).toHaveCount(3);
		await expect(
			page.getByRole('alert').filter({ hasText: 'photo.png cannot be imported' })
		).toContainText('This is not a text file');
		await expect(
			page.getByRole('button', { name: 'Import the 1 file that can be imported' })
		).toBeVisible();

		// Confirmed on its own: imported, and the other two still wait with their messages.
		await page
			.locator('section', {
				has: page.getByRole('heading', { name: 'Preview: sciencedownload2024.txt' })
			})
			.getByRole('button', { name: /^Import/ })
			.click();
		await expect(page.getByRole('status')).toContainText(
			testInfo.retry
				? /Imported sciencedownload2024\.txt|Nothing changed/
				: 'Imported sciencedownload2024.txt'
		);
		const rows = query<{ value: number; n: number }>(
			`SELECT r.value, r.n FROM result r JOIN measure m ON m.id = r.measure_id
			 WHERE m.code = 'science' AND r.school_id IS NULL AND r.student_group = 'ALL'`
		);
		expect(rows).toEqual([{ value: -12.5, n: 2000 }]);
		await expect(page.getByRole('heading', { name: '2 files uploaded' })).toBeVisible();
		await expect(page.getByRole('button', { name: /^Import the/ })).toHaveCount(0);
		await page.getByRole('button', { name: 'Cancel all' }).click();
		await expect(page).toHaveURL(/\/manage\/imports$/);
		expect(leftovers()).toEqual([]);
		await context.close();
	});

	test('exports download as CSV for signed-in staff', async ({ page }) => {
		await page.goto('/manage/exports');
		await expect(page.getByRole('heading', { level: 1, name: 'Export data' })).toBeVisible();
		await expectNoAxeViolations(page);
		const response = await page.request.get('/manage/exports/results.csv');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('text/csv');
		const text = await response.text();
		expect(text.split('\n')[0]).toBe(
			'school_cds_code,school_name,measure_code,measure,school_year,student_group,student_group_name,value,n,state_color,status_level,updated_at'
		);
		const zip = await page.request.get('/manage/exports/all.zip');
		expect(zip.status()).toBe(200);
		expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
	});
});

test.describe('signed out', () => {
	test('imports and exports ask the public to sign in', async ({ page, request }) => {
		await page.goto('/manage/imports');
		await expect(page).toHaveURL(/\/login/);
		const csv = await request.get('/manage/exports/results.csv', { maxRedirects: 0 });
		expect(csv.status()).toBe(303);
	});
});
