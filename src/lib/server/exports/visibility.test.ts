import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedDemo } from '../demo/index.ts';
import { exportCounts, exportTable, exportZip, tableCsv, type ExportAudience } from './index.ts';
import { fromSpreadsheetSafe, spreadsheetSafe } from './cells.ts';

type Row = Record<string, string>;
const read = (csv: string): Row[] =>
	Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;

describe('exports follow the pages’ visibility', () => {
	let db: DbFile;
	let draftTexts: string[];
	beforeAll(async () => {
		db = testDb();
		await seedDemo(db);
		draftTexts = (
			db.$client
				// Texts only a draft holds (a new draft often starts as a copy of a published text).
				.prepare(
					`select narrative from progress_update_version where state = 'draft' and narrative not in
					 (select narrative from progress_update_version where state <> 'draft')`
				)
				.all() as { narrative: string }[]
		).map((r) => r.narrative);
	}, 60_000);

	it('the demo has drafts to hide (else the checks below prove nothing)', () => {
		expect(draftTexts.length).toBeGreaterThan(0);
	});

	const updates = (audience: ExportAudience) =>
		read(tableCsv(db, exportTable('updates')!, audience));

	it('a board member’s updates.csv has shared and published versions only', () => {
		const rows = updates('board');
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['shared', 'published']));
		const csv = tableCsv(db, exportTable('updates')!, 'board');
		for (const text of draftTexts) expect(csv).not.toContain(text);
	});

	it('an editor’s updates.csv has every version, drafts included', () => {
		const rows = updates('editor');
		const drafts = rows.filter((r) => r.state === 'draft');
		expect(drafts.length).toBeGreaterThanOrEqual(draftTexts.length);
		for (const text of draftTexts) expect(drafts.some((r) => r.narrative === text)).toBe(true);
		expect(exportCounts(db, 'editor').updates).toBe(rows.length);
		expect(exportCounts(db, 'board').updates).toBe(updates('board').length);
	});

	it('the board’s all.zip holds no draft either', () => {
		const files = unzipSync(exportZip(db, 'board'));
		const all = Object.values(files)
			.map((f) => strFromU8(f))
			.join('\n');
		for (const text of draftTexts) expect(all).not.toContain(text);
		const editor = Object.values(unzipSync(exportZip(db, 'editor')))
			.map((f) => strFromU8(f))
			.join('\n');
		expect(draftTexts.some((t) => editor.includes(t.split('\n')[0]))).toBe(true);
	});
});

describe('CSV formula injection', () => {
	it('writes text that a spreadsheet would run as a formula as text', () => {
		expect(spreadsheetSafe('=HYPERLINK("http://evil.example","x")')).toBe(
			`'=HYPERLINK("http://evil.example","x")`
		);
		for (const t of ['+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx'])
			expect(spreadsheetSafe(t)).toBe(`'${t}`);
		for (const t of ['-34.1', '+5', '-1e3', 'Plain text', '', "O'Neil", '2023-24'])
			expect(spreadsheetSafe(t)).toBe(t);
	});

	it('reads back what it wrote', () => {
		for (const t of ['=1+1', '-x', '@me', "'quoted", 'plain', '-34.1'])
			expect(fromSpreadsheetSafe(spreadsheetSafe(t))).toBe(t);
	});

	it('neutralises every text cell of every export, and leaves numbers as numbers', async () => {
		const db = testDb();
		await seedDemo(db);
		db.$client
			.prepare(
				"insert into not_doing_item (title, decision, decided_on, reason) values (?, 'stopped', '2024-01-01', ?)"
			)
			.run('=HYPERLINK("http://evil.example")', '@SUM(1+1)');
		db.$client
			.prepare('update result set value = -34.1 where id = (select min(id) from result)')
			.run();
		const notDoing = tableCsv(db, exportTable('not-doing')!, 'editor');
		expect(notDoing).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
		expect(notDoing).toContain(`'@SUM(1+1)`);
		expect(notDoing).not.toMatch(/(^|,)[=@]/m);
		const results = tableCsv(db, exportTable('results')!, 'editor');
		expect(results).toMatch(/,-34\.1,/);
		expect(results).not.toContain(`'-34.1`);
	}, 60_000);
});
