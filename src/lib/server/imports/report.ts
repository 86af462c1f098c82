import type { RowError } from './cells.ts';

export type ImportKind =
	'dashboard' | 'directory' | 'results' | 'check-ins' | 'da-status' | 'essa-status';

export const importKindNames: Record<ImportKind, string> = {
	dashboard: 'California School Dashboard file',
	directory: 'Public schools directory file',
	results: 'Results CSV',
	'check-ins': 'Implementation check-ins CSV',
	'da-status': "The state's Differentiated Assistance workbook",
	'essa-status': "The state's ESSA assistance workbook (CSI, ATSI, TSI)"
};

export interface Counts {
	inserted: number;
	updated: number;
	unchanged: number;
}

/** What an import did (or, in a preview, would do). */
export interface ImportReport extends Counts {
	kind: ImportKind;
	fileName: string;
	sha256: string;
	bytes: number;
	/** How the file was read: "UTF-16LE, tab-delimited". */
	format: string;
	/** The measure a Dashboard file's results go to (or "Enrollment (context)"). */
	measure: string | null;
	/** The school years the file's rows fall in. */
	schoolYears: string[];
	rowsRead: number;
	/** Rows of other districts (and the state and counties), skipped. */
	skippedOtherDistrict: number;
	created: {
		district: string | null;
		schools: string[];
		measures: string[];
		schoolYears: string[];
		studentGroups: number;
		leaders: number;
	};
	/** Schools a Dashboard file would create, with what the file says of them, for the user to confirm. */
	newSchools: { cds: string; name: string; charter: boolean }[];
	/**
	 * Codes the catalog does not know: imported under their code, for staff to name; as a test-taker
	 * category (never a student group) when the code or the file marks it so.
	 */
	newStudentGroups: { code: string; rows: number; testTakers?: boolean }[];
	/** An indicator the catalog does not know: imported as a new measure by its code. */
	newIndicator: { code: string; rows: number } | null;
	bySchool: ({ name: string; cds: string | null } & Counts)[];
	byGroup: ({ code: string; name: string; testTakers: boolean } & Counts)[];
	/** The first changed values, for the preview and the audit entry. */
	changes: { what: string; before: unknown; after: unknown }[];
	unusedColumns: string[];
	/** Why the file holds nothing for this district, in words: nothing to import, not a refusal. */
	nothingForDistrict: string | null;
	errors: RowError[];
	errorCount: number;
	/** True when the import was written (not a dry run, no errors, something changed). */
	committed: boolean;
	auditId: number | null;
}

export const maxChangesListed = 100;

export function counts(): Counts {
	return { inserted: 0, updated: 0, unchanged: 0 };
}

/** Counts one row's outcome for the whole file, its school and its group. */
export class Tally {
	readonly schools = new Map<number, Counts & { name: string; cds: string | null }>();
	readonly groups = new Map<string, Counts>();
	readonly report: ImportReport;
	constructor(report: ImportReport) {
		this.report = report;
	}

	add(
		schoolKey: number,
		name: string,
		cds: string | null,
		group: string | null,
		what: keyof Counts
	) {
		this.report[what]++;
		let s = this.schools.get(schoolKey);
		if (!s) this.schools.set(schoolKey, (s = { name, cds, ...counts() }));
		s[what]++;
		if (group !== null) {
			let g = this.groups.get(group);
			if (!g) this.groups.set(group, (g = counts()));
			g[what]++;
		}
	}

	change(what: string, before: unknown, after: unknown) {
		if (this.report.changes.length < maxChangesListed) {
			this.report.changes.push({ what, before, after });
		}
	}
}

export function addReportError(report: ImportReport, e: RowError) {
	report.errorCount++;
	if (report.errors.length < 500) report.errors.push(e);
}

/** What every parsed file says of itself, whatever its kind (parse.ts, state-workbooks.ts). */
export interface ParsedCommon {
	fileName: string;
	sha256: string;
	bytes: number;
	/** How the file was read: "UTF-8, tab-delimited". */
	format: string;
	/** Data rows read (the header not counted). */
	rowsRead: number;
	districtCds: string;
	/** The district's name as the file writes it, when the file has the district's rows. */
	districtNameInFile: string | null;
	otherDistrictRows: number;
	/** Columns the importer does not use (tolerated). */
	unusedColumns: string[];
	errors: RowError[];
	/** All errors, including those beyond the ones kept in `errors`. */
	errorCount: number;
	/**
	 * Why a file has nothing for this district, in words (a graduation file for an elementary
	 * district): nothing to import, and not a refusal.
	 */
	nothingForDistrict: string | null;
}
