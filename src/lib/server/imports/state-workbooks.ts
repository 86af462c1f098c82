// The state's accountability workbooks, read as published: the Differentiated Assistance workbook
// ("LCFF District/COE Eligibility File", assistancestatusYY.xlsx) and the ESSA assistance workbook
// (essaassistanceYY.xlsx), or a CSV saved from either. The sheet and the header row are found by
// their names (the `CDcode` cell; `cds` beside an `AssistanceStatusYYYY`), never by position, and
// `*` means blank (shared/data/ACCOUNTABILITY.md). Only the district's own rows and its schools' are
// kept.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { ImportFileError, maxImportBytes, tooLargeMessage } from './read.ts';
import type { RowError } from './cells.ts';
import type { ParsedCommon } from './report.ts';

/** The state's group columns, in the Dashboard files' codes (the workbooks' TOM is MR). */
const groupCodes: Record<string, string> = {
	AA: 'AA',
	AI: 'AI',
	AS: 'AS',
	EL: 'EL',
	FI: 'FI',
	FOS: 'FOS',
	HI: 'HI',
	HOM: 'HOM',
	PI: 'PI',
	SED: 'SED',
	SWD: 'SWD',
	TOM: 'MR',
	WH: 'WH',
	LTEL: 'LTEL'
};

/** The state's letters for two or more LCFF priority areas (the workbook's "Value" sheet). */
const letterPattern = /^[A-K]$/;

export interface DaWorkbookRead {
	kind: 'da-status';
	/** The Dashboard year of the letters (the workbook's ReportYear). */
	year: number;
	/** The status of every year the workbook gives (AssistanceStatus2017…), in the state's words. */
	statuses: { year: number; status: string }[];
	/** Groups with a letter that year; a blank (`*`) group has none. */
	groups: { group: string; letter: string }[];
	/** Group columns the state added that Throughline does not know: kept under their code. */
	newGroups: string[];
}

export interface EssaSchoolRead {
	cds: string;
	name: string;
	status: string;
	exit: string | null;
	groups: string[];
}

export interface EssaWorkbookRead {
	kind: 'essa-status';
	year: number;
	schools: EssaSchoolRead[];
	newGroups: string[];
}

export type StateWorkbookRead = DaWorkbookRead | EssaWorkbookRead;

export interface StateWorkbookParsed extends ParsedCommon {
	kind: StateWorkbookRead['kind'];
	workbook: StateWorkbookRead;
}

type Cell = string | number | boolean | Date | null;
interface Sheet {
	name: string;
	rows: Cell[][];
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

function text(c: Cell | undefined): string {
	if (c === null || c === undefined) return '';
	return String(c).trim();
}

/** Blank in the state's files: empty or `*`. */
function blank(c: Cell | undefined): boolean {
	const t = text(c);
	return t === '' || t === '*';
}

async function sheetsOf(bytes: Buffer, fileName: string): Promise<Sheet[] | null> {
	const isZip = zipMagic.every((b, i) => bytes[i] === b);
	const excelName = /\.xls[xm]?$/i.test(fileName);
	if (isZip) {
		try {
			const sheets = await readXlsxFile(bytes);
			return sheets.map((s) => ({ name: s.sheet, rows: s.data as Cell[][] }));
		} catch {
			throw new ImportFileError(
				`${fileName} cannot be read as an Excel workbook: it is damaged or not an .xlsx file. Download it from the state again.`
			);
		}
	}
	if (excelName) {
		throw new ImportFileError(
			`${fileName} is named like an Excel workbook but is not one (an .xlsx file is a zip archive). If it is a text file, give it its own name (.txt or .csv).`
		);
	}
	// A CSV saved from a workbook: only when its start names the state's columns.
	const start = bytes.subarray(0, 64 * 1024).toString('utf8');
	if (!/(^|[,;\t"])CDcode([,;\t"]|$)/m.test(start) && !/AssistanceStatus\d{4}/.test(start)) {
		return null;
	}
	const parsed = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), {
		skipEmptyLines: false
	});
	return [{ name: 'CSV', rows: parsed.data }];
}

interface Found {
	sheet: Sheet;
	headerIndex: number;
	header: string[];
	kind: StateWorkbookRead['kind'];
}

function findHeader(sheets: Sheet[]): Found | null {
	for (const sheet of sheets) {
		for (let i = 0; i < Math.min(sheet.rows.length, 30); i++) {
			const header = sheet.rows[i].map((c) => text(c));
			const names = new Set(header.map((h) => h.toLowerCase()));
			if (names.has('cdcode') && header.some((h) => /^AssistanceStatus\d{4}$/i.test(h))) {
				return { sheet, headerIndex: i, header, kind: 'da-status' };
			}
			if (
				names.has('cds') &&
				names.has('schoolname') &&
				header.some((h) => /^AssistanceStatus\d{4}$/i.test(h))
			) {
				return { sheet, headerIndex: i, header, kind: 'essa-status' };
			}
		}
	}
	return null;
}

function column(header: string[], name: string, fileName: string): number {
	const i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
	if (i < 0) {
		throw new ImportFileError(
			`${fileName} has no “${name}” column where the state's workbook has one: it is not the layout Throughline reads. Nothing was imported.`
		);
	}
	return i;
}

function yearOf(c: Cell | undefined): number | null {
	const m = /^(\d{4})/.exec(text(c));
	return m ? Number(m[1]) : null;
}

/**
 * Reads one of the state's accountability workbooks for the district, or returns null when the
 * file is not one (a Dashboard download, a CSV template: the other readers take it). A workbook
 * that cannot be read, lacks a column the layout needs or has no row of the district is refused
 * with ImportFileError; a bad letter is a row error, so nothing is written.
 */
export async function readStateWorkbook(
	path: string,
	fileName: string,
	districtCds: string
): Promise<StateWorkbookParsed | null> {
	const info = await stat(path).catch(() => null);
	if (!info?.isFile()) return null;
	if (info.size > maxImportBytes) throw new ImportFileError(tooLargeMessage);
	const bytes = await readFile(path);
	const sheets = await sheetsOf(bytes, fileName);
	if (!sheets) return null;
	const found = findHeader(sheets);
	if (!found) {
		throw new ImportFileError(
			`${fileName} is not one of the state's accountability workbooks Throughline reads: no sheet has the Differentiated Assistance header (CDcode … AssistanceStatusYYYY) or the ESSA one (cds … AssistanceStatusYYYY). Nothing was imported.`
		);
	}
	const common = {
		fileName,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		bytes: bytes.length,
		format:
			found.sheet.name === 'CSV'
				? 'CSV saved from the state’s workbook'
				: `Excel workbook, sheet “${found.sheet.name}”`,
		districtCds,
		errors: [] as RowError[],
		errorCount: 0,
		nothingForDistrict: null as string | null
	};
	const data = found.sheet.rows
		.slice(found.headerIndex + 1)
		.filter((r) => r.some((c) => !blank(c)));
	const line = (r: Cell[]) => found.sheet.rows.indexOf(r) + 1;
	if (found.kind === 'da-status') {
		const { header } = found;
		const cdCode = column(header, 'CDcode', fileName);
		const name = column(header, 'LEAname', fileName);
		const reportYear = column(header, 'ReportYear', fileName);
		const mine = data.filter((r) => text(r[cdCode]).padStart(7, '0') === districtCds.slice(0, 7));
		if (mine.length === 0) {
			throw new ImportFileError(
				`${fileName} has no row for this district (CD code ${districtCds.slice(0, 7)}): it holds ${data.length} other local educational agencies. Nothing was imported.`
			);
		}
		const row = mine[0];
		const year = yearOf(row[reportYear]);
		if (year === null) {
			throw new ImportFileError(`${fileName}: the district's ReportYear is not a year.`);
		}
		column(header, `AssistanceStatus${year}`, fileName);
		const statuses: DaWorkbookRead['statuses'] = [];
		const groups: DaWorkbookRead['groups'] = [];
		const newGroups: string[] = [];
		const used = new Set([cdCode, name, reportYear]);
		header.forEach((h, i) => {
			const status = /^AssistanceStatus(\d{4})$/i.exec(h);
			if (status) {
				used.add(i);
				if (!blank(row[i])) statuses.push({ year: Number(status[1]), status: text(row[i]) });
				return;
			}
			const group = /^(\w+?)priorities$/i.exec(h);
			if (!group) return;
			used.add(i);
			const stateCode = group[1].toUpperCase();
			const code = groupCodes[stateCode] ?? stateCode;
			if (!groupCodes[stateCode]) newGroups.push(code);
			if (blank(row[i])) return;
			const letter = text(row[i]).toUpperCase();
			if (!letterPattern.test(letter)) {
				common.errorCount++;
				common.errors.push({
					line: line(row),
					column: h,
					value: text(row[i]),
					reason: 'Not one of the state’s letters A–K or “*” (blank).'
				});
				return;
			}
			groups.push({ group: code, letter });
		});
		return {
			...common,
			kind: 'da-status',
			workbook: { kind: 'da-status', year, statuses, groups, newGroups },
			rowsRead: data.length,
			districtNameInFile: text(row[name]) || null,
			otherDistrictRows: data.length - mine.length,
			unusedColumns: header.filter((h, i) => h && !used.has(i))
		};
	}

	const { header } = found;
	const cds = column(header, 'cds', fileName);
	const schoolName = column(header, 'schoolname', fileName);
	const reportingYear = column(header, 'ReportingYear', fileName);
	const districtName = header.findIndex((h) => h.toLowerCase() === 'districtname');
	const exit = header.findIndex((h) => h.toLowerCase() === 'exit');
	const mine = data.filter((r) =>
		text(r[cds]).padStart(14, '0').startsWith(districtCds.slice(0, 7))
	);
	if (mine.length === 0) {
		throw new ImportFileError(
			`${fileName} has no school of this district (CDS codes beginning ${districtCds.slice(0, 7)}): it holds ${data.length} schools of other districts. Nothing was imported.`
		);
	}
	const year = yearOf(mine[0][reportingYear]);
	if (year === null) throw new ImportFileError(`${fileName}: ReportingYear is not a year.`);
	const status = column(header, `AssistanceStatus${year}`, fileName);
	// The groups that made a school ATSI or TSI: the 0/1 columns between Exit and TotStudGrps.
	const total = header.findIndex((h) => /^TotStudGrps$/i.test(h));
	const groupColumns = header
		.map((h, i) => ({ h, i }))
		.filter(({ h, i }) => i > exit && (total < 0 || i < total) && /^[A-Z]{2,5}$/.test(h));
	const newGroups = groupColumns.filter(({ h }) => !groupCodes[h]).map(({ h }) => h);
	const schools: EssaSchoolRead[] = [];
	for (const r of mine) {
		const code = text(r[cds]).padStart(14, '0');
		if (!/^\d{14}$/.test(code)) {
			common.errorCount++;
			common.errors.push({
				line: line(r),
				column: 'cds',
				value: text(r[cds]),
				reason: 'Not a 14-digit CDS code.'
			});
			continue;
		}
		if (blank(r[status])) continue;
		schools.push({
			cds: code,
			name: text(r[schoolName]),
			status: text(r[status]),
			exit: exit >= 0 && !blank(r[exit]) ? text(r[exit]) : null,
			groups: groupColumns.filter(({ i }) => text(r[i]) === '1').map(({ h }) => groupCodes[h] ?? h)
		});
	}
	const used = new Set([cds, schoolName, reportingYear, status, exit, total, districtName]);
	for (const { i } of groupColumns) used.add(i);
	return {
		...common,
		kind: 'essa-status',
		workbook: { kind: 'essa-status', year, schools, newGroups },
		rowsRead: data.length,
		districtNameInFile: districtName >= 0 ? text(mine[0][districtName]) || null : null,
		otherDistrictRows: data.length - mine.length,
		unusedColumns: header.filter((h, i) => h && !used.has(i))
	};
}
