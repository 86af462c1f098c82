// The LCAP import on San Juan Unified's real 2025-26 LCAP (../shared/data/lcap, transcribed from
// its board packets). Expected figures typed by hand from the printed documents, as the issue
// quotes them: 11 goals, 183 actions adding up to $122,293,403 (LCFF $105,963,945), the 2024-25
// Annual Update's $90,382,011 planned and $80,571,233.37 estimated actual, the mid-year report's
// $69,102,440 spent as of 10 December 2024.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { count } from 'drizzle-orm';
import { scratchFolder, testDb } from '../testing.ts';
import { systemActor } from '../audit/index.ts';
import {
	auditLog,
	lcapActions,
	lcapGoals,
	lcapMetricRows,
	lcapMidYearRows
} from '../db/schema/index.ts';
import { ImportFileError } from '../imports/read.ts';
import { readLcapFiles } from './read.ts';
import { importLcap } from './import.ts';

const folder = resolve('../shared/data/lcap');
const names = [
	'san-juan-usd-2025-26-goals.csv',
	'san-juan-usd-2025-26-actions.csv',
	'san-juan-usd-2025-26-metrics.csv',
	'san-juan-usd-2025-26-metrics-by-group.csv',
	'san-juan-usd-2024-25-annual-update.csv',
	'san-juan-usd-2024-25-midyear.csv'
];
const realFiles = names.map((name) => ({ path: resolve(folder, name), name }));
// The printed Total Expenditures table's totals (LCAP 2025-26, p. 169 ff.).
const printed = { printedTotalCents: 12_229_340_300, printedLcffCents: 10_596_394_500 };
const options = { year: '2025-26', cycle: '2024-27', adoptedOn: '2025-06-24', ...printed };

describe('importing San Juan Unified’s LCAP', () => {
	it('reads the goals, actions and totals as printed', async () => {
		const db = testDb();
		const parsed = await readLcapFiles(realFiles);
		const report = importLcap(db, parsed, systemActor, options);
		expect(report.errors).toEqual([]);
		expect(report.committed).toBe(true);
		expect(report.goals).toBe(11);
		expect(report.totals.actions).toBe(183);
		expect(report.metrics).toBe(64);
		expect(report.totals.totalCents).toBe(12_229_340_300);
		expect(report.totals.lcffCents).toBe(10_596_394_500);
		expect(report.totals.annualPlannedCents).toBe(9_038_201_100);
		expect(report.totals.annualActualCents).toBe(8_057_123_337);
		expect(report.totals.midYearSpentCents).toBe(6_910_244_000);
		expect(report.midYearYear).toBe('2024-25');
		expect(db.select({ n: count() }).from(lcapGoals).get()!.n).toBe(11);
		expect(db.select({ n: count() }).from(lcapActions).get()!.n).toBe(183);
		expect(db.select({ n: count() }).from(lcapMidYearRows).get()!.n).toBe(199);
	});

	it('flags the source’s quirks without trusting them', async () => {
		const parsed = await readLcapFiles(realFiles);
		const differences = parsed.quirks.filter((q) => q.kind === 'difference');
		// Twelve printed differences are not Year 1 − baseline; counted by hand from the LCAP's
		// Measuring and Reporting Results tables (metrics 1.7, 1.11, 1.12, 3.4, 4.1 AA and TOM,
		// 4.3 TOM, 6.1 AS, 7.2 HIS and SED, 8.2 AA, 9.1 HIS).
		expect(differences).toHaveLength(12);
		expect(differences.map((q) => q.line)).toEqual([
			70, 134, 150, 316, 323, 326, 339, 359, 382, 383, 398, 411
		]);
		const targets = parsed.quirks.filter((q) => q.kind === 'target');
		// Metric 8.2's target for English learners is printed "-19523 points" (line 400).
		expect(targets.map((q) => [q.line, q.value])).toEqual([[400, '-19523 points']]);
		// Action 3.39's Contributing cell is blank in the printed tables.
		const blank = parsed.quirks.filter((q) => q.kind === 'contributing');
		expect(blank).toHaveLength(1);
		expect(blank[0].reason).toContain('3.39');
	});

	it('changes nothing when imported again', async () => {
		const db = testDb();
		importLcap(db, await readLcapFiles(realFiles), systemActor, options);
		const entries = db.select({ n: count() }).from(auditLog).get()!.n;
		const again = importLcap(db, await readLcapFiles(realFiles), systemActor, options);
		expect(again.errors).toEqual([]);
		expect(again.committed).toBe(false);
		for (const c of Object.values(again.counts)) {
			expect(c.inserted + c.updated + c.removed).toBe(0);
		}
		expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(entries);
	});
});

describe('refusing a bad LCAP file', () => {
	const scratch = scratchFolder('lcap-');
	const actions = readFileSync(resolve(folder, 'san-juan-usd-2025-26-actions.csv'), 'utf8');
	const lines = actions.split('\n');
	const goals = { path: resolve(folder, names[0]), name: names[0] };

	async function refused(content: string, o = options) {
		const db = testDb();
		const path = scratch.write('actions.csv', content);
		const parsed = await readLcapFiles([goals, { path, name: 'actions.csv' }]);
		const report = importLcap(db, parsed, systemActor, o);
		expect(report.committed).toBe(false);
		expect(db.select({ n: count() }).from(lcapActions).get()!.n).toBe(0);
		expect(db.select({ n: count() }).from(lcapGoals).get()!.n).toBe(0);
		return report.errors;
	}

	it('refuses a total other than the printed one', async () => {
		const errors = await refused(actions, { ...options, printedTotalCents: 12_229_340_400 });
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file: 'actions.csv', column: 'total_funds' });
		expect(errors[0].reason).toBe(
			'the actions add up to $122,293,403, not the printed total $122,293,404'
		);
	});

	it('refuses an action whose total is not the sum of its funds, naming line and column', async () => {
		// Line 2 is action 1.1, $752,600.00 of LCFF funds; its total made $752,601.00.
		const bad = [
			lines[0],
			lines[1].replace(',752600.00,Yes,', ',752601.00,Yes,'),
			...lines.slice(2)
		].join('\n');
		const errors = await refused(bad);
		expect(errors[0]).toMatchObject({ line: 2, column: 'total_funds', value: '752601.00' });
	});

	it('refuses a duplicate action number', async () => {
		const bad = [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join('\n');
		const errors = await refused(bad);
		expect(errors[0]).toMatchObject({ line: 4, column: 'action_number', value: '1.1' });
		expect(errors[0].reason).toBe('action 1.1 is already on line 2');
	});

	it('refuses an amount with text in it', async () => {
		const bad = [
			lines[0],
			lines[1].replace(',752600.00,0.00,752600.00,', ',752600.00,0.00,about 752600,'),
			...lines.slice(2)
		].join('\n');
		const errors = await refused(bad);
		expect(errors[0]).toMatchObject({ line: 2, column: 'lcff_funds', value: 'about 752600' });
	});

	it('refuses a file without a required column, naming it', async () => {
		const header = lines[0].split(',');
		const drop = header.indexOf('federal_funds');
		const bad = lines
			.map((l, i) => (i === 0 ? header.filter((_, j) => j !== drop).join(',') : l))
			.join('\n');
		const path = scratch.write('missing.csv', bad);
		await expect(readLcapFiles([goals, { path, name: 'missing.csv' }])).rejects.toThrow(
			new ImportFileError(
				'missing.csv: the required column “federal_funds” is missing (Actions (Total Expenditures table)).'
			)
		);
	});

	it('writes nothing of the other files when one is refused', async () => {
		const db = testDb();
		const bad = [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join('\n');
		const path = scratch.write('dup.csv', bad);
		const parsed = await readLcapFiles([
			...realFiles.filter((f) => !f.name.includes('actions')),
			{ path, name: 'dup.csv' }
		]);
		const report = importLcap(db, parsed, systemActor, options);
		expect(report.errors.length).toBeGreaterThan(0);
		expect(db.select({ n: count() }).from(lcapMetricRows).get()!.n).toBe(0);
		expect(db.select({ n: count() }).from(lcapMidYearRows).get()!.n).toBe(0);
	});
});
