import { ImportFileError, openTable, type Table } from './read.ts';
import {
	indicatorByName,
	indicatorFromFileName,
	indicators,
	parseSchoolYear,
	type Indicator
} from './indicators.ts';
import { canonicalGroup, groupIndex, isKnownStudentGroup } from './groups.ts';
import type { SchoolType } from '../db/schema/district.ts';

export type ImportKind = 'dashboard' | 'directory' | 'results' | 'check-ins';

export const importKindNames: Record<ImportKind, string> = {
	dashboard: 'California School Dashboard file',
	directory: 'Public schools directory file',
	results: 'Results CSV',
	'check-ins': 'Implementation check-ins CSV'
};

/** One problem in one row: where it is and why it is refused. */
export interface RowError {
	line: number;
	column: string | null;
	value: string | null;
	reason: string;
}

export interface ResultRow {
	line: number;
	/** null: the district's own row. */
	schoolCds: string | null;
	/** A measure code (Dashboard files) or a measure's code or name (results CSV). */
	measure: string;
	startYear: number;
	group: string;
	value: number | null;
	n: number | null;
	/** undefined: the file has no such column; what the database holds is kept. */
	stateColor: number | null | undefined;
	statusLevel: number | null | undefined;
}

export interface CheckInRow {
	line: number;
	schoolCds: string;
	structure: string;
	startYear: number;
	depth: number;
	adaptation: string | null | undefined;
	siteLed: boolean | undefined;
	evidenceUrl: string | null | undefined;
}

export interface DirectoryRow {
	line: number;
	cds: string;
	name: string;
	type: SchoolType;
	gradeSpan: string | null;
	status: 'open' | 'closed';
	openedOn: string | null;
	closedOn: string | null;
	charter: boolean;
	principal: string | null;
}

export interface ParsedImport {
	kind: ImportKind;
	fileName: string;
	sha256: string;
	bytes: number;
	/** Data rows read (the header not counted). */
	rowsRead: number;
	indicator: Indicator | null;
	districtCds: string;
	/** The district's name as the file writes it, when the file has the district's rows. */
	districtNameInFile: string | null;
	otherDistrictRows: number;
	/** Columns the importer does not use (tolerated). */
	unusedColumns: string[];
	errors: RowError[];
	/** All errors, including those beyond the ones kept in `errors`. */
	errorCount: number;
	results: ResultRow[];
	/** Names of the schools in a Dashboard file, by CDS code, for creating the ones not yet known. */
	schoolInfo: Map<string, { name: string; charter: boolean }>;
	checkIns: CheckInRow[];
	schools: DirectoryRow[];
}

const maxErrorsKept = 500;

const signatures: Record<ImportKind, string[]> = {
	dashboard: ['cds', 'studentgroup', 'reportingyear', 'currstatus', 'rtype', 'currdenom'],
	directory: ['cdscode', 'statustype', 'soctype', 'gsserved', 'admfname'],
	results: ['measure', 'measure_code', 'value', 'student_group'],
	'check-ins': ['structure', 'depth', 'site_led', 'adaptation']
};

export const depthLabels = [
	'not started',
	'beginning',
	'developing',
	'implementing',
	'sustaining'
] as const;

/** Which layout the header is, by its column names. */
export function detectKind(header: string[]): ImportKind {
	const names = new Set(header);
	let best: ImportKind | null = null;
	let bestScore = 0;
	for (const [kind, cols] of Object.entries(signatures) as [ImportKind, string[]][]) {
		const score = cols.filter((c) => names.has(c)).length;
		if (score > bestScore) {
			best = kind;
			bestScore = score;
		}
	}
	if (!best) {
		throw new ImportFileError(
			`This file is not a layout Throughline knows. Expected a California School Dashboard download ` +
				`(columns cds, studentgroup, currstatus…), the state's public schools directory (CDSCode, ` +
				`StatusType, School…), or the results or check-ins CSV template. Its columns are: ` +
				header.slice(0, 12).join(', ') +
				(header.length > 12 ? '…' : '') +
				'.'
		);
	}
	return best;
}

interface Ctx {
	parsed: ParsedImport;
	table: Table;
	districtPrefix: string;
}

function addError(ctx: Ctx, e: RowError) {
	ctx.parsed.errorCount++;
	if (ctx.parsed.errors.length < maxErrorsKept) ctx.parsed.errors.push(e);
}

function requireColumns(table: Table, kind: ImportKind, cols: (string | string[])[]) {
	for (const c of cols) {
		const options = Array.isArray(c) ? c : [c];
		if (!options.some((o) => table.column.has(o))) {
			throw new ImportFileError(
				`The required column “${options.join('” or “')}” is missing (${importKindNames[kind]}).`
			);
		}
	}
}

function col(table: Table, ...names: string[]): number {
	for (const n of names) {
		const i = table.column.get(n);
		if (i !== undefined) return i;
	}
	return -1;
}

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function readNumber(
	ctx: Ctx,
	line: number,
	cells: string[],
	i: number,
	options: { integer?: boolean; min?: number; max?: number } = {}
): number | null | false {
	if (i < 0) return null;
	const raw = (cells[i] ?? '').trim();
	if (raw === '') return null;
	const column = ctx.table.rawHeader[i];
	const text =
		raw.includes(',') || raw.endsWith('%') ? raw.replace(/,/g, '').replace(/%$/, '') : raw;
	const value = numberPattern.test(text) ? Number(text) : NaN;
	if (!Number.isFinite(value)) {
		addError(ctx, { line, column, value: raw, reason: 'is not a number' });
		return false;
	}
	if (options.integer && !Number.isInteger(value)) {
		addError(ctx, { line, column, value: raw, reason: 'must be a whole number' });
		return false;
	}
	if (
		(options.min !== undefined && value < options.min) ||
		(options.max !== undefined && value > options.max)
	) {
		addError(ctx, {
			line,
			column,
			value: raw,
			reason: `must be between ${options.min ?? '−∞'} and ${options.max ?? '∞'}`
		});
		return false;
	}
	return value;
}

const cdsPattern = /^\d{14}$/;

/** Where a CDS code belongs: the district itself, one of its schools, or another district. */
function placeOf(ctx: Ctx, cds: string): 'district' | 'school' | 'other' {
	if (cds === ctx.parsed.districtCds) return 'district';
	if (cds.slice(0, 7) === ctx.districtPrefix) return 'school';
	return 'other';
}

function checkLength(ctx: Ctx, line: number, cells: string[]): boolean {
	if (cells.length === ctx.table.header.length) return true;
	// A row that only lacks trailing empty cells is read as if they were there.
	if (cells.length < ctx.table.header.length) {
		addError(ctx, {
			line,
			column: null,
			value: null,
			reason: `has ${cells.length} columns; the header has ${ctx.table.header.length}`
		});
		return false;
	}
	if (cells.slice(ctx.table.header.length).every((c) => c.trim() === '')) return true;
	addError(ctx, {
		line,
		column: null,
		value: null,
		reason: `has ${cells.length} columns; the header has ${ctx.table.header.length}`
	});
	return false;
}

function duplicate<K>(ctx: Ctx, seen: Map<K, number>, key: K, line: number): boolean {
	const earlier = seen.get(key);
	if (earlier !== undefined) {
		addError(ctx, {
			line,
			column: null,
			value: null,
			reason: `duplicate row: the same as line ${earlier}`
		});
		return true;
	}
	seen.set(key, line);
	return false;
}

async function readDashboard(ctx: Ctx, fileName: string) {
	const { table, parsed } = ctx;
	const iIndicator = col(table, 'indicator');
	let indicator: Indicator | undefined;

	// The indicator: from the rows, else the file name, else the census file's own columns.
	const fromName = indicatorFromFileName(fileName);
	const fromColumns = table.column.has('totalenrollment')
		? indicators.find((i) => i.code === 'census')
		: undefined;
	indicator = fromColumns ?? fromName;

	requireColumns(table, 'dashboard', ['cds', 'studentgroup', 'reportingyear']);
	const iCds = col(table, 'cds');
	const iGroup = col(table, 'studentgroup');
	const iYear = col(table, 'reportingyear');
	const iRtype = col(table, 'rtype');
	const iSchool = col(table, 'schoolname');
	const iDistrict = col(table, 'districtname');
	const iCharter = col(table, 'charter_flag');
	let iValue = -1;
	let iN = -1;
	const iColor = col(table, 'color');
	const iStatus = col(table, 'statuslevel');
	const used = new Set([
		'cds',
		'studentgroup',
		'reportingyear',
		'rtype',
		'schoolname',
		'districtname',
		'charter_flag',
		'color',
		'statuslevel',
		'indicator'
	]);

	const seen = new Map<number, number>();
	const cdsIntern = new Map<string, string>();
	let ready = false;
	const prepare = (ind: Indicator) => {
		indicator = ind;
		requireColumns(table, 'dashboard', [ind.valueColumns]);
		iValue = col(table, ...ind.valueColumns);
		iN = col(table, ...ind.nColumns);
		for (const c of [...ind.valueColumns, ...ind.nColumns]) used.add(c);
		parsed.indicator = ind;
		ready = true;
	};

	for await (const batch of table.rows) {
		for (const { line, cells } of batch) {
			parsed.rowsRead++;
			if (!ready) {
				const named = iIndicator >= 0 ? (cells[iIndicator] ?? '').trim() : '';
				const ind = (named && indicatorByName(named)) || indicator;
				if (!ind) {
					throw new ImportFileError(
						named
							? `Unknown Dashboard indicator “${named}” (line ${line}, column indicator).`
							: `Cannot tell which Dashboard indicator this file holds: it has no “indicator” column and its name (${fileName}) does not say. Keep the state's file name, e.g. eladownload2023.txt.`
					);
				}
				prepare(ind);
			}
			if (!checkLength(ctx, line, cells)) continue;
			const cds = (cells[iCds] ?? '').trim();
			if (!cdsPattern.test(cds)) {
				addError(ctx, {
					line,
					column: table.rawHeader[iCds],
					value: cells[iCds] ?? '',
					reason: 'is not a 14-digit CDS code'
				});
				continue;
			}
			const rtype = iRtype >= 0 ? (cells[iRtype] ?? '').trim().toUpperCase() : '';
			const place = rtype === 'X' ? 'other' : placeOf(ctx, cds);
			if (place === 'other') {
				parsed.otherDistrictRows++;
				continue;
			}
			if (iIndicator >= 0) {
				const named = (cells[iIndicator] ?? '').trim();
				if (named && indicatorByName(named) !== indicator) {
					addError(ctx, {
						line,
						column: table.rawHeader[iIndicator],
						value: named,
						reason: `is not the file's indicator (${indicator!.code}); import one indicator per file`
					});
					continue;
				}
			}
			if (iDistrict >= 0 && parsed.districtNameInFile === null) {
				const name = (cells[iDistrict] ?? '').trim();
				if (name) parsed.districtNameInFile = name;
			}
			const group = canonicalGroup((cells[iGroup] ?? '').trim().toUpperCase());
			let ok = true;
			if (group === undefined) {
				addError(ctx, {
					line,
					column: table.rawHeader[iGroup],
					value: cells[iGroup] ?? '',
					reason: 'is not a known student-group code'
				});
				ok = false;
			}
			const yearText = (cells[iYear] ?? '').trim();
			const reportingYear = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
			if (!Number.isFinite(reportingYear)) {
				addError(ctx, {
					line,
					column: table.rawHeader[iYear],
					value: yearText,
					reason: 'is not a year (e.g. 2023)'
				});
				ok = false;
			}
			const value = readNumber(ctx, line, cells, iValue);
			const n = readNumber(ctx, line, cells, iN, { integer: true, min: 0 });
			const color =
				iColor >= 0
					? readNumber(ctx, line, cells, iColor, { integer: true, min: 0, max: 5 })
					: null;
			const status =
				iStatus >= 0
					? readNumber(ctx, line, cells, iStatus, { integer: true, min: 0, max: 5 })
					: null;
			if (!ok || value === false || n === false || color === false || status === false) continue;
			// A numeric key (school part of the code, group, year): no string per row to keep.
			const key =
				(Number(cds.slice(7)) * 64 + groupIndex(group!)) * 512 + ((reportingYear - 1800) & 511);
			if (duplicate(ctx, seen, key, line)) continue;
			let schoolCds: string | null = null;
			if (place === 'school') {
				// One string per school, shared by its rows.
				const known = cdsIntern.get(cds);
				if (known) schoolCds = known;
				else {
					cdsIntern.set(cds, cds);
					schoolCds = cds;
					parsed.schoolInfo.set(cds, {
						name: (iSchool >= 0 ? (cells[iSchool] ?? '').trim() : '') || cds,
						charter: iCharter >= 0 && (cells[iCharter] ?? '').trim().toUpperCase() === 'Y'
					});
				}
			}
			parsed.results.push({
				line,
				schoolCds,
				measure: indicator!.code,
				// A 2023 Dashboard reports the 2022-23 school year.
				startYear: reportingYear - 1,
				group: group!,
				value,
				n,
				stateColor: color,
				statusLevel: status
			});
		}
	}
	if (!ready && indicator) prepare(indicator);
	parsed.unusedColumns = table.header.filter((h) => h && !used.has(h));
}

function noData(text: string | undefined): string | null {
	const t = (text ?? '').trim();
	return t === '' || t.toLowerCase() === 'no data' ? null : t;
}

/** "09/08/2003" → "2003-09-08". */
function usDate(ctx: Ctx, line: number, cells: string[], i: number): string | null | false {
	if (i < 0) return null;
	const raw = noData(cells[i]);
	if (raw === null) return null;
	let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
	if (m) return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
	m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	if (m) return raw;
	addError(ctx, { line, column: ctx.table.rawHeader[i], value: raw, reason: 'is not a date' });
	return false;
}

/** The state's school type (SOCType, EILName, grade span) → ours. */
export function schoolTypeOf(
	soc: string | null,
	eil: string | null,
	span: string | null
): SchoolType {
	const s = (soc ?? '').toLowerCase();
	if (s.includes('continuation')) return 'continuation';
	if (s.includes('alternative') || s.includes('opportunity') || s.includes('community day'))
		return 'alternative';
	if (s.includes('intermediate') || s.includes('middle') || s.includes('junior high'))
		return 'middle';
	if (s.includes('high school')) return 'high';
	if (s.includes('elementary') || s.includes('elemen')) {
		return span && /^(K|TK|P|\d)-8$/i.test(span) ? 'k-8' : 'elementary';
	}
	const e = (eil ?? '').toLowerCase();
	if (e === 'elementary') return span && /-8$/.test(span) ? 'k-8' : 'elementary';
	if (e.includes('intermediate') || e.includes('middle')) return 'middle';
	if (e === 'high school') return 'high';
	return 'other';
}

async function readDirectory(ctx: Ctx) {
	const { table, parsed } = ctx;
	requireColumns(table, 'directory', ['cdscode', 'school', 'statustype']);
	const iCds = col(table, 'cdscode');
	const iName = col(table, 'school');
	const iStatus = col(table, 'statustype');
	const iDistrict = col(table, 'district');
	const iSoc = col(table, 'soctype');
	const iEil = col(table, 'eilname');
	const iSpan = col(table, 'gsserved');
	const iOpen = col(table, 'opendate');
	const iClosed = col(table, 'closeddate');
	const iCharter = col(table, 'charter');
	const iFirst = col(table, 'admfname');
	const iLast = col(table, 'admlname');
	const seen = new Map<string, number>();
	const used = new Set([
		'cdscode',
		'school',
		'statustype',
		'district',
		'soctype',
		'eilname',
		'gsserved',
		'opendate',
		'closeddate',
		'charter',
		'admfname',
		'admlname'
	]);
	parsed.unusedColumns = table.header.filter((h) => h && !used.has(h));

	for await (const batch of table.rows) {
		for (const { line, cells } of batch) {
			parsed.rowsRead++;
			if (!checkLength(ctx, line, cells)) continue;
			const cds = (cells[iCds] ?? '').trim();
			if (!cdsPattern.test(cds)) {
				addError(ctx, {
					line,
					column: table.rawHeader[iCds],
					value: cells[iCds] ?? '',
					reason: 'is not a 14-digit CDS code'
				});
				continue;
			}
			const place = placeOf(ctx, cds);
			if (place === 'other') {
				parsed.otherDistrictRows++;
				continue;
			}
			if (place === 'district') {
				parsed.districtNameInFile = noData(cells[iDistrict]) ?? parsed.districtNameInFile;
				continue;
			}
			const name = noData(cells[iName]);
			const statusText = (cells[iStatus] ?? '').trim().toLowerCase();
			let ok = true;
			if (!name) {
				addError(ctx, {
					line,
					column: table.rawHeader[iName],
					value: cells[iName] ?? '',
					reason: 'is empty'
				});
				ok = false;
			}
			if (!['active', 'closed', 'merged', 'pending'].includes(statusText)) {
				addError(ctx, {
					line,
					column: table.rawHeader[iStatus],
					value: cells[iStatus] ?? '',
					reason: 'must be Active, Closed, Merged or Pending'
				});
				ok = false;
			}
			const openedOn = usDate(ctx, line, cells, iOpen);
			const closedOn = usDate(ctx, line, cells, iClosed);
			if (!ok || openedOn === false || closedOn === false) continue;
			if (duplicate(ctx, seen, cds, line)) continue;
			const span = iSpan >= 0 ? noData(cells[iSpan]) : null;
			const first = iFirst >= 0 ? noData(cells[iFirst]) : null;
			const last = iLast >= 0 ? noData(cells[iLast]) : null;
			parsed.schools.push({
				line,
				cds,
				name: name!,
				type: schoolTypeOf(
					iSoc >= 0 ? noData(cells[iSoc]) : null,
					iEil >= 0 ? noData(cells[iEil]) : null,
					span
				),
				gradeSpan: span,
				status: statusText === 'closed' || statusText === 'merged' ? 'closed' : 'open',
				openedOn,
				closedOn,
				charter: iCharter >= 0 && (cells[iCharter] ?? '').trim().toUpperCase() === 'Y',
				principal: first || last ? [first, last].filter(Boolean).join(' ') : null
			});
		}
	}
}

function optionalText(cells: string[], i: number): string | null | undefined {
	if (i < 0) return undefined;
	const t = (cells[i] ?? '').trim();
	return t === '' ? null : t;
}

function schoolYearCell(ctx: Ctx, line: number, cells: string[], i: number): number | false {
	const raw = (cells[i] ?? '').trim();
	const start = parseSchoolYear(raw);
	if (start === undefined) {
		addError(ctx, {
			line,
			column: ctx.table.rawHeader[i],
			value: raw,
			reason: 'is not a school year like 2023-24'
		});
		return false;
	}
	return start;
}

/** The school's CDS code of a CSV row: blank or the district's code for the district's own row. */
function schoolCell(
	ctx: Ctx,
	line: number,
	cells: string[],
	i: number,
	allowDistrict: boolean
): { cds: string | null; place: 'district' | 'school' | 'other' } | false {
	const raw = i >= 0 ? (cells[i] ?? '').trim() : '';
	if (raw === '') {
		if (allowDistrict) return { cds: null, place: 'district' };
		addError(ctx, {
			line,
			column: i >= 0 ? ctx.table.rawHeader[i] : 'school_cds_code',
			value: raw,
			reason: 'is empty; a school’s CDS code is needed'
		});
		return false;
	}
	if (!cdsPattern.test(raw)) {
		addError(ctx, {
			line,
			column: ctx.table.rawHeader[i],
			value: raw,
			reason: 'is not a 14-digit CDS code'
		});
		return false;
	}
	const place = placeOf(ctx, raw);
	if (place === 'district' && !allowDistrict) {
		addError(ctx, {
			line,
			column: ctx.table.rawHeader[i],
			value: raw,
			reason: 'is the district’s code; a school’s CDS code is needed'
		});
		return false;
	}
	return { cds: place === 'district' ? null : raw, place };
}

async function readResults(ctx: Ctx) {
	const { table, parsed } = ctx;
	requireColumns(table, 'results', [['measure_code', 'measure'], 'school_year', 'value']);
	const iMeasureCode = col(table, 'measure_code');
	const iMeasure = col(table, 'measure');
	const iYear = col(table, 'school_year');
	const iSchool = col(table, 'school_cds_code', 'school_cds', 'cds');
	const iSchoolName = col(table, 'school_name', 'school');
	const iGroup = col(table, 'student_group', 'student_group_code');
	const iValue = col(table, 'value');
	const iN = col(table, 'n');
	const iColor = col(table, 'state_color');
	const iStatus = col(table, 'status_level');
	const used = new Set(
		[iMeasureCode, iMeasure, iYear, iSchool, iSchoolName, iGroup, iValue, iN, iColor, iStatus]
			.filter((i) => i >= 0)
			.map((i) => table.header[i])
	);
	parsed.unusedColumns = table.header.filter((h) => h && !used.has(h));
	const seen = new Map<string, number>();

	for await (const batch of table.rows) {
		for (const { line, cells } of batch) {
			parsed.rowsRead++;
			if (!checkLength(ctx, line, cells)) continue;
			const school = schoolCell(ctx, line, cells, iSchool, true);
			if (school === false) continue;
			if (school.place === 'other') {
				parsed.otherDistrictRows++;
				continue;
			}
			const measure =
				(iMeasureCode >= 0 ? (cells[iMeasureCode] ?? '').trim() : '') ||
				(iMeasure >= 0 ? (cells[iMeasure] ?? '').trim() : '');
			let ok = true;
			if (!measure) {
				addError(ctx, {
					line,
					column: table.rawHeader[iMeasureCode >= 0 ? iMeasureCode : iMeasure],
					value: '',
					reason: 'is empty; name the measure'
				});
				ok = false;
			}
			const startYear = schoolYearCell(ctx, line, cells, iYear);
			const groupRaw = iGroup >= 0 ? (cells[iGroup] ?? '').trim() : '';
			const group = groupRaw === '' ? 'ALL' : groupRaw.toUpperCase();
			if (!isKnownStudentGroup(group)) {
				addError(ctx, {
					line,
					column: table.rawHeader[iGroup],
					value: groupRaw,
					reason: 'is not a known student-group code'
				});
				ok = false;
			}
			const value = readNumber(ctx, line, cells, iValue);
			const n = readNumber(ctx, line, cells, iN, { integer: true, min: 0 });
			const color =
				iColor >= 0
					? readNumber(ctx, line, cells, iColor, { integer: true, min: 0, max: 5 })
					: undefined;
			const status =
				iStatus >= 0
					? readNumber(ctx, line, cells, iStatus, { integer: true, min: 0, max: 5 })
					: undefined;
			if (
				!ok ||
				startYear === false ||
				value === false ||
				n === false ||
				color === false ||
				status === false
			)
				continue;
			if (
				duplicate(ctx, seen, `${school.cds}|${measure.toLowerCase()}|${startYear}|${group}`, line)
			)
				continue;
			parsed.results.push({
				line,
				schoolCds: school.cds,
				measure,
				startYear,
				group,
				value,
				n,
				stateColor: color,
				statusLevel: status
			});
		}
	}
}

function depthCell(ctx: Ctx, line: number, cells: string[], i: number): number | false {
	const raw = (cells[i] ?? '').trim();
	const lower = raw.toLowerCase();
	const byLabel = depthLabels.indexOf(lower as (typeof depthLabels)[number]);
	if (byLabel >= 0) return byLabel;
	if (/^[0-4]$/.test(raw)) return Number(raw);
	addError(ctx, {
		line,
		column: ctx.table.rawHeader[i],
		value: raw,
		reason: 'must be 0–4 or not started, beginning, developing, implementing, sustaining'
	});
	return false;
}

function yesNoCell(
	ctx: Ctx,
	line: number,
	cells: string[],
	i: number
): boolean | undefined | 'invalid' {
	if (i < 0) return undefined;
	const raw = (cells[i] ?? '').trim().toLowerCase();
	if (raw === '') return undefined;
	if (['yes', 'y', 'true', '1'].includes(raw)) return true;
	if (['no', 'n', 'false', '0'].includes(raw)) return false;
	addError(ctx, { line, column: ctx.table.rawHeader[i], value: raw, reason: 'must be yes or no' });
	return 'invalid';
}

async function readCheckIns(ctx: Ctx) {
	const { table, parsed } = ctx;
	requireColumns(table, 'check-ins', [
		['school_cds_code', 'school_cds', 'cds'],
		'structure',
		'school_year',
		'depth'
	]);
	const iSchool = col(table, 'school_cds_code', 'school_cds', 'cds');
	const iStructure = col(table, 'structure');
	const iYear = col(table, 'school_year');
	const iDepth = col(table, 'depth');
	const iAdaptation = col(table, 'adaptation');
	const iSiteLed = col(table, 'site_led');
	const iEvidence = col(table, 'evidence_url');
	const used = new Set(
		[
			iSchool,
			iStructure,
			iYear,
			iDepth,
			iAdaptation,
			iSiteLed,
			iEvidence,
			col(table, 'school_name')
		]
			.filter((i) => i >= 0)
			.map((i) => table.header[i])
	);
	parsed.unusedColumns = table.header.filter((h) => h && !used.has(h) && h !== 'depth_label');
	const seen = new Map<string, number>();

	for await (const batch of table.rows) {
		for (const { line, cells } of batch) {
			parsed.rowsRead++;
			if (!checkLength(ctx, line, cells)) continue;
			const school = schoolCell(ctx, line, cells, iSchool, false);
			if (school === false) continue;
			if (school.place === 'other') {
				parsed.otherDistrictRows++;
				continue;
			}
			const structure = (cells[iStructure] ?? '').trim();
			let ok = true;
			if (!structure) {
				addError(ctx, {
					line,
					column: table.rawHeader[iStructure],
					value: '',
					reason: 'is empty; name the structure'
				});
				ok = false;
			}
			const startYear = schoolYearCell(ctx, line, cells, iYear);
			const depth = depthCell(ctx, line, cells, iDepth);
			const siteLed = yesNoCell(ctx, line, cells, iSiteLed);
			if (!ok || startYear === false || depth === false || siteLed === 'invalid') continue;
			if (duplicate(ctx, seen, `${school.cds}|${structure.toLowerCase()}|${startYear}`, line))
				continue;
			parsed.checkIns.push({
				line,
				schoolCds: school.cds!,
				structure,
				startYear,
				depth,
				adaptation: optionalText(cells, iAdaptation),
				siteLed,
				evidenceUrl: optionalText(cells, iEvidence)
			});
		}
	}
}

/**
 * Reads an import file row by row from a stream and checks every row, without touching the
 * database. Throws ImportFileError when the file as a whole is refused; row problems are listed
 * in `errors`.
 */
export async function readImport(
	path: string,
	fileName: string,
	options: { districtCds: string }
): Promise<ParsedImport> {
	if (!cdsPattern.test(options.districtCds)) {
		throw new ImportFileError(
			`The district's CDS code “${options.districtCds}” is not a 14-digit code.`
		);
	}
	const table = await openTable(path);
	const kind = detectKind(table.header);
	const parsed: ParsedImport = {
		kind,
		fileName,
		sha256: '',
		bytes: 0,
		rowsRead: 0,
		indicator: null,
		districtCds: options.districtCds,
		districtNameInFile: null,
		otherDistrictRows: 0,
		unusedColumns: [],
		errors: [],
		errorCount: 0,
		results: [],
		schoolInfo: new Map(),
		checkIns: [],
		schools: []
	};
	const ctx: Ctx = { parsed, table, districtPrefix: options.districtCds.slice(0, 7) };
	try {
		if (kind === 'dashboard') await readDashboard(ctx, fileName);
		else if (kind === 'directory') await readDirectory(ctx);
		else if (kind === 'results') await readResults(ctx);
		else await readCheckIns(ctx);
	} finally {
		await table.rows.return(undefined);
	}
	Object.assign(parsed, table.digest());

	if (parsed.rowsRead === 0) {
		throw new ImportFileError('The file has a header but no rows.');
	}
	const ours =
		parsed.results.length + parsed.checkIns.length + parsed.schools.length + parsed.errorCount;
	if (
		ours === 0 &&
		parsed.otherDistrictRows > 0 &&
		!(kind === 'directory' && parsed.districtNameInFile)
	) {
		throw new ImportFileError(
			`None of the file's ${parsed.otherDistrictRows} rows is for this district (CDS ${options.districtCds}): it is another district's file.`
		);
	}
	return parsed;
}
