// Reading cells: the one place where a number, a CDS code, a school year or a date is read from a
// file and where a refused cell becomes a row error naming its line, column, value and reason.
import { ImportFileError, type Table, type TableRow } from './read.ts';
import { parseSchoolYear } from './indicators.ts';
import { cdsPattern } from '../../params.ts';

/** One problem in one row: where it is and why it is refused. */
export interface RowError {
	line: number;
	column: string | null;
	value: string | null;
	reason: string;
}

/** What every reader shares: the table, the district it reads for, and the problems found. */
export interface ReadContext {
	table: Table;
	districtCds: string;
	/** The county and district digits every code of the district's schools starts with. */
	districtPrefix: string;
	errors: RowError[];
	errorCount: number;
	rowsRead: number;
	otherDistrictRows: number;
	/**
	 * Every district's own rows, no school's (a county office's reading of a statewide file, the
	 * database untouched); `districtCds` is then unused.
	 */
	allDistricts?: boolean;
}

const maxErrorsKept = 500;

export function addError(ctx: ReadContext, e: RowError) {
	ctx.errorCount++;
	if (ctx.errors.length < maxErrorsKept) ctx.errors.push(e);
}

/** A refused cell: records the error and returns false, so a reader can `return refuse(…)`. */
export function refuse(
	ctx: ReadContext,
	line: number,
	i: number,
	value: string,
	reason: string
): false {
	addError(ctx, { line, column: i >= 0 ? ctx.table.rawHeader[i] : null, value, reason });
	return false;
}

/** The index of the first of `names` the header has, or -1. */
export function col(table: Table, ...names: string[]): number {
	for (const n of names) {
		const i = table.column.get(n);
		if (i !== undefined) return i;
	}
	return -1;
}

/** Refuses the file when a required column (any of its spellings) is missing. */
export function requireColumns(table: Table, layout: string, cols: (string | string[])[]) {
	for (const c of cols) {
		const options = Array.isArray(c) ? c : [c];
		if (!options.some((o) => table.column.has(o))) {
			throw new ImportFileError(
				`The required column “${options.join('” or “')}” is missing (${layout}).`
			);
		}
	}
}

/** The names of the columns no reader used (tolerated, listed in the preview). */
export function unusedColumns(table: Table, used: number[]): string[] {
	const taken = new Set(used.filter((i) => i >= 0));
	return table.rawHeader.filter((h, i) => h !== '' && !taken.has(i));
}

/** The state's privacy marks and spreadsheets' blanks: no value, never zero. */
const noValue = new Set(['', '*', '**']);

export function isNoValue(raw: string): boolean {
	return raw.length <= 2 && noValue.has(raw);
}

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export interface NumberRule {
	integer?: boolean;
	min?: number;
	max?: number;
}

/** A number cell: null for no value, false (and an error) for a cell that is not one. */
export function numberCell(
	ctx: ReadContext,
	line: number,
	cells: string[],
	i: number,
	rule: NumberRule = {}
): number | null | false {
	if (i < 0) return null;
	const cell = cells[i];
	if (cell === undefined || cell === '') return null;
	const raw = cell.trim();
	if (isNoValue(raw)) return null;
	const text =
		raw.includes(',') || raw.endsWith('%') ? raw.replace(/,/g, '').replace(/%$/, '') : raw;
	const value = numberPattern.test(text) ? Number(text) : NaN;
	if (!Number.isFinite(value)) return refuse(ctx, line, i, raw, 'is not a number');
	if (rule.integer && !Number.isInteger(value)) {
		return refuse(ctx, line, i, raw, 'must be a whole number');
	}
	if (
		(rule.min !== undefined && value < rule.min) ||
		(rule.max !== undefined && value > rule.max)
	) {
		return refuse(ctx, line, i, raw, `must be between ${rule.min ?? '−∞'} and ${rule.max ?? '∞'}`);
	}
	return value;
}

/** A level or color code of the state (0–5). */
export const levelRule: NumberRule = { integer: true, min: 0, max: 5 };
export const countRule: NumberRule = { integer: true, min: 0 };

/** Where a CDS code belongs: the district itself, one of its schools, or another district. */
export function placeOf(ctx: ReadContext, cds: string): 'district' | 'school' | 'other' {
	// A district's own code ends in seven zeros (no school).
	if (ctx.allDistricts) return cds.endsWith('0000000') ? 'district' : 'other';
	if (cds === ctx.districtCds) return 'district';
	if (cds.startsWith(ctx.districtPrefix)) return 'school';
	return 'other';
}

/** A row's CDS code, or false (and an error) for one that is not 14 digits. */
export function cdsCell(
	ctx: ReadContext,
	line: number,
	cells: string[],
	i: number
): string | false {
	const raw = (cells[i] ?? '').trim();
	if (cdsPattern.test(raw)) return raw;
	return refuse(ctx, line, i, cells[i] ?? '', 'is not a 14-digit CDS code');
}

/** False (and an error) for a row with more cells than the header, unless the extra are empty. */
export function checkLength(ctx: ReadContext, line: number, cells: string[]): boolean {
	const want = ctx.table.header.length;
	if (cells.length === want) return true;
	if (cells.length > want && cells.slice(want).every((c) => c.trim() === '')) return true;
	addError(ctx, {
		line,
		column: null,
		value: null,
		reason: `has ${cells.length} columns; the header has ${want}`
	});
	return false;
}

/** True (and an error) when a row with the same key came earlier. */
export function duplicate<K>(
	ctx: ReadContext,
	seen: Map<K, number>,
	key: K,
	line: number
): boolean {
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

/** A cell's text with the directory's "No Data" and blanks as null. */
export function noData(text: string | undefined): string | null {
	const t = (text ?? '').trim();
	return t === '' || t.toLowerCase() === 'no data' ? null : t;
}

/** undefined when the file has no such column (what the database holds is kept). */
export function optionalText(cells: string[], i: number): string | null | undefined {
	if (i < 0) return undefined;
	const t = (cells[i] ?? '').trim();
	return t === '' ? null : t;
}

/** A school year cell like 2023-24: its start year. */
export function schoolYearCell(
	ctx: ReadContext,
	line: number,
	cells: string[],
	i: number
): number | false {
	const raw = (cells[i] ?? '').trim();
	const start = parseSchoolYear(raw);
	if (start === undefined) return refuse(ctx, line, i, raw, 'is not a school year like 2023-24');
	return start;
}

/** "09/08/2003" or "2003-09-08" → "2003-09-08". */
export function dateCell(
	ctx: ReadContext,
	line: number,
	cells: string[],
	i: number
): string | null | false {
	if (i < 0) return null;
	const raw = noData(cells[i]);
	if (raw === null) return null;
	let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
	if (m) return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
	m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	if (m) return raw;
	return refuse(ctx, line, i, raw, 'is not a date');
}

/** Y/N flags ("Y", "yes", "true", "1"). */
export function yesCell(cells: string[], i: number): boolean {
	if (i < 0) return false;
	const t = (cells[i] ?? '').trim().toLowerCase();
	return t === 'y' || t === 'yes' || t === 'true' || t === '1';
}

/**
 * Each row of the file, counted as read, that is long enough to read: what every importer walks
 * (a short or long row is an error of its own, checkLength).
 */
export async function* checkedRows(ctx: ReadContext): AsyncGenerator<TableRow> {
	for await (const batch of ctx.table.rows) {
		for (const row of batch) {
			ctx.rowsRead++;
			if (checkLength(ctx, row.line, row.cells)) yield row;
		}
	}
}

/**
 * The school of a CSV row when it is the district's own (or the district's row, if allowed);
 * false for a row to pass over: a refused code, or a school of another district, counted as such.
 */
export function ownSchoolCell(
	ctx: ReadContext,
	line: number,
	cells: string[],
	i: number,
	allowDistrict: boolean
): { cds: string | null; place: 'district' | 'school' } | false {
	const school = schoolCell(ctx, line, cells, i, allowDistrict);
	if (school === false) return false;
	if (school.place === 'other') {
		ctx.otherDistrictRows++;
		return false;
	}
	return { cds: school.cds, place: school.place };
}

/** The school's CDS code of a CSV row: blank or the district's code for the district's own row. */
export function schoolCell(
	ctx: ReadContext,
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
	if (!cdsPattern.test(raw)) return refuse(ctx, line, i, raw, 'is not a 14-digit CDS code');
	const place = placeOf(ctx, raw);
	if (place === 'district' && !allowDistrict) {
		return refuse(ctx, line, i, raw, 'is the district’s code; a school’s CDS code is needed');
	}
	return { cds: place === 'district' ? null : raw, place };
}
