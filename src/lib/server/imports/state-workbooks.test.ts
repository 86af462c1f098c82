// The state's accountability workbooks, imported for Monterey Peninsula Unified. The expected values
// are read by hand from the workbooks in ../shared/data/ca-accountability/ (the state's files):
// assistancestatus22.xlsx, sheet "District and COE 2022", row "Monterey Peninsula Unified": ELpriorities
// B, SWDpriorities B, every other group *, AssistanceStatus2022 "Differentiated Assistance";
// assistancestatus23.xlsx: SEDpriorities A, SWDpriorities C, AssistanceStatus2023 "Differentiated
// Assistance, Year 1"; essaassistance23.xlsx: Los Arboles Middle "CSI Low Perform", Dual Language
// Academy of the Monterey Peninsula "ATSI" for SWD.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { districtTestDb, scratchFolder } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { ImportFileError, importFile } from './index.ts';

// The statewide workbooks take seconds to unzip on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const folder = resolve('../shared/data/ca-accountability');
const file = (name: string) => resolve(folder, name);
const actor = { id: 'u1', email: 'staff@example.org' };
const scratch = scratchFolder('throughline-workbooks-');

function rows(db: DbFile, sql: string) {
	return db.$client.prepare(sql).all() as Record<string, unknown>[];
}

function dump(db: DbFile): string {
	const hash = createHash('sha256');
	for (const t of [
		'state_assistance_status',
		'state_assistance_group',
		'state_essa_status',
		'audit_log'
	])
		hash.update(JSON.stringify(db.$client.prepare(`SELECT * FROM "${t}"`).all()));
	return hash.digest('hex');
}

describe("the state's DA workbook", () => {
	it('keeps the district’s status by year and its groups’ letters; a re-import changes nothing', async () => {
		const db = districtTestDb();
		const r22 = await importFile(
			db,
			file('assistancestatus22.xlsx'),
			'assistancestatus22.xlsx',
			actor
		);
		expect(r22.kind).toBe('da-status');
		expect(r22.errorCount).toBe(0);
		expect(r22.committed).toBe(true);
		expect(r22.format).toBe('Excel workbook, sheet “District and COE 2022”');
		const r23 = await importFile(
			db,
			file('assistancestatus23.xlsx'),
			'assistancestatus23.xlsx',
			actor
		);
		expect(r23.committed).toBe(true);
		expect(
			rows(
				db,
				'SELECT year, student_group AS g, letter FROM state_assistance_group ORDER BY year, g'
			)
		).toEqual([
			{ year: 2022, g: 'EL', letter: 'B' },
			{ year: 2022, g: 'SWD', letter: 'B' },
			{ year: 2023, g: 'SED', letter: 'A' },
			{ year: 2023, g: 'SWD', letter: 'C' }
		]);
		const status = rows(db, 'SELECT year, status FROM state_assistance_status ORDER BY year');
		expect(status).toContainEqual({ year: 2022, status: 'Differentiated Assistance' });
		expect(status).toContainEqual({ year: 2023, status: 'Differentiated Assistance, Year 1' });

		const before = dump(db);
		const again = await importFile(
			db,
			file('assistancestatus23.xlsx'),
			'assistancestatus23.xlsx',
			actor
		);
		expect(again.committed).toBe(false);
		expect(again.inserted + again.updated).toBe(0);
		expect(dump(db)).toBe(before);
	});

	it('finds the data sheet by its header, whatever the sheets’ order', async () => {
		const zip = unzipSync(readFileSync(file('assistancestatus22.xlsx')));
		const workbook = strFromU8(zip['xl/workbook.xml']);
		const sheets = workbook.match(/<sheet [^>]*\/>/g)!;
		expect(sheets.length).toBeGreaterThan(1);
		zip['xl/workbook.xml'] = strToU8(
			workbook.replace(sheets.join(''), [...sheets].reverse().join(''))
		);
		const path = scratch.write('reordered.xlsx', Buffer.from(zipSync(zip)));
		const db = districtTestDb();
		const r = await importFile(db, path, 'reordered.xlsx', actor);
		expect(r.committed).toBe(true);
		expect(
			rows(db, 'SELECT student_group AS g, letter FROM state_assistance_group ORDER BY g')
		).toEqual([
			{ g: 'EL', letter: 'B' },
			{ g: 'SWD', letter: 'B' }
		]);
	});

	it('reads a CSV saved from it, and keeps an unknown group column under its code with a note', async () => {
		const sheets = await readXlsxFile(file('assistancestatus23.xlsx'));
		const data = sheets.find((s) => s.sheet.startsWith('District and COE'))!.data;
		const csv = Papa.unparse(data.map((r) => r.map((c) => (c === null ? '' : String(c)))));
		const db = districtTestDb();
		const r = await importFile(db, scratch.write('da23.csv', csv), 'da23.csv', actor);
		expect(r.format).toBe('CSV saved from the state’s workbook');
		expect(r.committed).toBe(true);
		expect(
			rows(db, 'SELECT student_group AS g, letter FROM state_assistance_group ORDER BY g')
		).toEqual([
			{ g: 'SED', letter: 'A' },
			{ g: 'SWD', letter: 'C' }
		]);

		const header = data.findIndex((r) => r.includes('CDcode'));
		const wider = data.map((r, i) =>
			i < header
				? r
				: [...r, i === header ? 'NEWpriorities' : String(r[0]) === '2766092' ? 'D' : '*']
		);
		const db2 = districtTestDb();
		const r2 = await importFile(
			db2,
			scratch.write(
				'wider.csv',
				Papa.unparse(wider.map((r) => r.map((c) => (c === null ? '' : String(c)))))
			),
			'wider.csv',
			actor
		);
		expect(r2.committed).toBe(true);
		expect(r2.newStudentGroups.map((g) => g.code)).toEqual(['NEW']);
		expect(
			rows(db2, "SELECT letter FROM state_assistance_group WHERE student_group = 'NEW'")
		).toEqual([{ letter: 'D' }]);
	});
});

describe("the state's ESSA workbook", () => {
	it("keeps the district's schools' status with the groups that caused it", async () => {
		const db = districtTestDb();
		for (const f of ['essaassistance22.xlsx', 'essaassistance23.xlsx']) {
			const r = await importFile(db, file(f), f, actor);
			expect(r.kind).toBe('essa-status');
			expect(r.committed).toBe(true);
		}
		const get = (year: number, name: string) =>
			rows(
				db,
				`SELECT status, student_groups AS groups FROM state_essa_status WHERE year = ${year} AND school_name = '${name}'`
			)[0];
		expect(get(2023, 'Los Arboles Middle')).toEqual({ status: 'CSI Low Perform', groups: '' });
		expect(get(2023, 'Dual Language Academy of the Monterey Peninsula')).toEqual({
			status: 'ATSI',
			groups: 'SWD'
		});
		// 2022, Ione Olson Elementary: ATSI for AA, AS, EL, HOM, SED and SWD.
		expect(get(2022, 'Ione Olson Elementary')).toEqual({
			status: 'ATSI',
			groups: 'AA,AS,EL,HOM,SED,SWD'
		});
		// J. C. Crumpton Elementary, 2022: TOM in the workbook, MR (two or more races) here.
		expect(get(2022, 'J. C. Crumpton Elementary')).toEqual({
			status: 'ATSI',
			groups: 'AA,AS,SWD,MR'
		});
		expect(rows(db, 'SELECT count(*) AS n FROM state_essa_status WHERE year = 2023')).toEqual([
			{ n: 20 }
		]);
	});
});

describe('refusals: a clear message, nothing saved', () => {
	async function refused(path: string, name: string, db = districtTestDb()) {
		const before = dump(db);
		const e = await importFile(db, path, name, actor).catch((e: unknown) => e);
		expect(e).toBeInstanceOf(ImportFileError);
		expect(dump(db)).toBe(before);
		return (e as Error).message;
	}

	it('a damaged .xlsx', async () => {
		const bytes = readFileSync(file('assistancestatus22.xlsx'));
		const path = scratch.write('broken.xlsx', bytes.subarray(0, 4000));
		expect(await refused(path, 'broken.xlsx')).toMatch(/cannot be read as an Excel workbook/);
	});

	it('a text file renamed .xlsx', async () => {
		const path = scratch.write('renamed.xlsx', 'cds\tname\n1\tx\n');
		expect(await refused(path, 'renamed.xlsx')).toMatch(
			/named like an Excel workbook but is not one/
		);
	});

	it('a workbook of another layout', async () => {
		const zip = unzipSync(readFileSync(file('assistancestatus22.xlsx')));
		for (const k of Object.keys(zip))
			if (k.startsWith('xl/') && k.endsWith('.xml'))
				zip[k] = strToU8(
					strFromU8(zip[k]).replaceAll('CDcode', 'Code').replaceAll('>cds<', '>code<')
				);
		const path = scratch.write('other.xlsx', Buffer.from(zipSync(zip)));
		expect(await refused(path, 'other.xlsx')).toMatch(
			/not one of the state's accountability workbooks/
		);
	});

	it('a missing column', async () => {
		const sheets = await readXlsxFile(file('assistancestatus22.xlsx'));
		const data = sheets.find((s) => s.sheet.startsWith('District and COE'))!.data;
		const csv = Papa.unparse(
			data.map((r) => r.map((c) => (c === 'ReportYear' ? 'Year' : c === null ? '' : String(c))))
		);
		expect(await refused(scratch.write('noyear.csv', csv), 'noyear.csv')).toMatch(
			/no “ReportYear” column/
		);
	});

	it('a district not in the file', async () => {
		const db = districtTestDb();
		db.$client.prepare("UPDATE district SET cds_code = '99999999999999'").run();
		expect(await refused(file('assistancestatus22.xlsx'), 'assistancestatus22.xlsx', db)).toMatch(
			/no row for this district/
		);
		expect(await refused(file('essaassistance22.xlsx'), 'essaassistance22.xlsx', db)).toMatch(
			/no school of this district/
		);
	});
});
