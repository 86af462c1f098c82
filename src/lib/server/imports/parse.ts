// Which kind a file is, and reading it with that kind's reader, without touching the database.
import { ImportFileError, NotUtf8, openTable, type Table, type TextEncodingName } from './read.ts';
import { type ReadContext, type RowError } from './cells.ts';
import { cdsPattern } from '../../params.ts';
import { readDashboard, type DashboardRead } from './dashboard.ts';
import { readDirectory, type DirectoryRead } from './directory.ts';
import { readResultsCsv, type ResultsRead } from './results-csv.ts';
import { readCheckInsCsv, type CheckInsRead } from './check-ins-csv.ts';
import type { ImportKind, ParsedCommon } from './report.ts';
import type { StateWorkbookParsed } from './state-workbooks.ts';

export type ParsedImport =
	| (ParsedCommon &
			(
				| { kind: 'dashboard'; dashboard: DashboardRead }
				| { kind: 'directory'; directory: DirectoryRead }
				| { kind: 'results'; results: ResultsRead }
				| { kind: 'check-ins'; checkIns: CheckInsRead }
			))
	| StateWorkbookParsed;

/** The kinds read as a table (the state's workbooks have their own reader). */
type TableKind = Exclude<ImportKind, 'da-status' | 'essa-status'>;

const signatures: Record<TableKind, string[]> = {
	dashboard: [
		'cds',
		'studentgroup',
		'reportingyear',
		'currstatus',
		'rtype',
		'currdenom',
		'indicator',
		'totalenrollment',
		'charter_flag',
		'statuslevel'
	],
	directory: ['cdscode', 'statustype', 'soctype', 'gsserved', 'admfname'],
	results: ['measure', 'measure_code', 'value', 'student_group'],
	'check-ins': ['structure', 'depth', 'site_led', 'adaptation']
};

/** Which layout the header is, by its column names. */
export function detectKind(header: string[]): TableKind {
	const names = new Set(header);
	let best: TableKind | null = null;
	let bestScore = 0;
	for (const [kind, cols] of Object.entries(signatures) as [TableKind, string[]][]) {
		const score = cols.filter((c) => names.has(c)).length;
		if (score > bestScore) {
			best = kind;
			bestScore = score;
		}
	}
	if (!best || (best === 'dashboard' && bestScore < 2)) {
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

const encodingNames = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16 (little-endian)',
	'utf-16be': 'UTF-16 (big-endian)',
	'windows-1252': 'Windows-1252'
};
const delimiterNames = {
	'\t': 'tab-delimited',
	'|': 'pipe-delimited',
	',': 'comma-separated',
	';': 'semicolon-separated'
};

function formatOf(table: Table): string {
	return `${encodingNames[table.encoding]}, ${delimiterNames[table.delimiter]}`;
}

/** Indicators the state reports only for districts and schools that graduate students. */
const highSchoolOnly = new Set(['grad', 'grad-dass', 'cci']);

/** Why a Dashboard file holds no row of the district: what it holds instead, and the likely cause. */
function nothingForDistrict(read: DashboardRead, districtCds: string): string {
	const names = [...read.otherDistricts.values()];
	const shown =
		names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
	const holds = names.length
		? `It holds the rows of ${names.length === 1 ? 'another district' : `${names.length} other districts`} (${shown}).`
		: 'It holds no district rows at all (only the state, counties or schools of other districts).';
	const why = highSchoolOnly.has(read.indicator.code)
		? ` The state reports ${read.indicator.name.toLowerCase()} only for districts and schools with high school students (grades 9–12): an elementary district has none.`
		: ' It may be an extract for another county or district.';
	return `This file has no rows for this district (CDS ${districtCds}). ${holds}${why} Nothing to import.`;
}

interface ReadOptions {
	districtCds: string;
	/** Every district's own rows (see `ReadContext.allDistricts`). */
	allDistricts?: boolean;
	/** The largest file read; the import's limit unless said. */
	maxBytes?: number;
}

/**
 * The state's statewide files may pass the import's limit: read-only, streamed, keeping only
 * district rows, they are read whole.
 */
const statewideMaxBytes = 2048 * 1024 * 1024;

/** A code no district has, for reading every district's rows. */
const noDistrict = '00000000000000';

/**
 * Reads a Dashboard file's rows of every district in it (no school's), without touching the
 * database: what a county office reads on release day. Refuses any other kind of file.
 */
export async function readDashboardAllDistricts(
	path: string,
	fileName: string
): Promise<DashboardRead & { errorCount: number; errors: RowError[] }> {
	const parsed = await readImport(path, fileName, {
		districtCds: noDistrict,
		allDistricts: true,
		maxBytes: statewideMaxBytes
	});
	if (parsed.kind !== 'dashboard')
		throw new ImportFileError(
			`This is not a California School Dashboard file (its columns are those of the ${parsed.kind === 'directory' ? "state's school directory" : `${parsed.kind} template`}).`
		);
	return { ...parsed.dashboard, errorCount: parsed.errorCount, errors: parsed.errors };
}

/**
 * Reads an import file row by row from a stream and checks every row, without touching the
 * database. Throws ImportFileError when the file as a whole is refused; row problems are listed
 * in `errors`.
 */
export async function readImport(
	path: string,
	fileName: string,
	options: ReadOptions
): Promise<ParsedImport> {
	try {
		return await readWith(path, fileName, options, undefined);
	} catch (e) {
		// Valid UTF-8 at the start, not further on: a Windows-1252 file (Excel's "Text").
		if (e instanceof NotUtf8) return readWith(path, fileName, options, 'windows-1252');
		throw e;
	}
}

async function readWith(
	path: string,
	fileName: string,
	options: ReadOptions,
	encoding: TextEncodingName | undefined
): Promise<ParsedImport> {
	if (!cdsPattern.test(options.districtCds)) {
		throw new ImportFileError(
			`The district's CDS code “${options.districtCds}” is not a 14-digit code.`
		);
	}
	const table = await openTable(path, { encoding, maxBytes: options.maxBytes });
	const ctx: ReadContext = {
		table,
		districtCds: options.districtCds,
		districtPrefix: options.districtCds.slice(0, 7),
		errors: [],
		errorCount: 0,
		rowsRead: 0,
		otherDistrictRows: 0,
		...(options.allDistricts ? { allDistricts: true } : {})
	};
	let parsed: ParsedImport;
	try {
		const kind = detectKind(table.header);
		const common = (read: { unusedColumns: string[]; districtNameInFile?: string | null }) => ({
			fileName,
			...table.digest(),
			format: formatOf(table),
			rowsRead: 0,
			districtCds: options.districtCds,
			districtNameInFile: read.districtNameInFile ?? null,
			otherDistrictRows: 0,
			unusedColumns: read.unusedColumns,
			errors: ctx.errors,
			errorCount: 0,
			nothingForDistrict: null
		});
		if (kind === 'dashboard') {
			const dashboard = await readDashboard(ctx, fileName);
			parsed = { kind, ...common(dashboard), dashboard };
		} else if (kind === 'directory') {
			const directory = await readDirectory(ctx);
			parsed = { kind, ...common(directory), directory };
		} else if (kind === 'results') {
			const results = await readResultsCsv(ctx);
			parsed = { kind, ...common(results), results };
		} else {
			const checkIns = await readCheckInsCsv(ctx);
			parsed = { kind, ...common(checkIns), checkIns };
		}
	} finally {
		await table.rows.return(undefined);
	}
	parsed.rowsRead = ctx.rowsRead;
	parsed.otherDistrictRows = ctx.otherDistrictRows;
	parsed.errorCount = ctx.errorCount;

	if (parsed.rowsRead === 0) throw new ImportFileError('The file has a header but no rows.');
	const ours = parsed.rowsRead - parsed.otherDistrictRows;
	if (ours === 0 && parsed.kind === 'dashboard') {
		parsed.nothingForDistrict = nothingForDistrict(parsed.dashboard, options.districtCds);
	} else if (ours === 0 && !(parsed.kind === 'directory' && parsed.districtNameInFile)) {
		throw new ImportFileError(
			`None of the file's ${parsed.otherDistrictRows} rows is for this district (CDS ${options.districtCds}): it is another district's file.`
		);
	}
	return parsed;
}
