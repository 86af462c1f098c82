import type { DbFile } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { currentDistrict, runImport } from './run.ts';
import { readImport } from './parse.ts';
import { ImportFileError } from './read.ts';
import { readStateWorkbook } from './state-workbooks.ts';
import type { ImportReport } from './report.ts';
import { noteFailedImport } from './failed.ts';

export { ImportFileError, maxImportBytes, tooLargeMessage } from './read.ts';
export { currentDistrict, runImport } from './run.ts';
export { readImport } from './parse.ts';
export { importKindNames, type ImportKind, type ImportReport } from './report.ts';
export type { RowError } from './cells.ts';
export { knownStudentGroups } from './groups.ts';

/**
 * Reads and imports one file for the database's district (or `districtCds` on a new database).
 * File-level problems throw ImportFileError; row problems come back in the report, with nothing
 * written.
 */
export async function importFile(
	db: DbFile,
	path: string,
	fileName: string,
	actor: Actor,
	options: { dryRun?: boolean; districtCds?: string } = {}
): Promise<ImportReport> {
	const current = currentDistrict(db);
	const districtCds = current?.cdsCode ?? options.districtCds;
	if (!districtCds) {
		throw new ImportFileError(
			'This database has no district yet: give its 14-digit CDS code (--district CDS).'
		);
	}
	if (current && options.districtCds && options.districtCds !== current.cdsCode) {
		throw new ImportFileError(
			`This database holds ${current.name} (CDS ${current.cdsCode}), not CDS ${options.districtCds}.`
		);
	}
	try {
		const parsed =
			(await readStateWorkbook(path, fileName, districtCds)) ??
			(await readImport(path, fileName, { districtCds }));
		const report = runImport(db, parsed, actor, options);
		if (!options.dryRun && report.errorCount > 0)
			noteFailedImport(db, fileName, `${report.errorCount} row error(s)`);
		return report;
	} catch (e) {
		if (!options.dryRun && e instanceof ImportFileError) noteFailedImport(db, fileName, e.message);
		throw e;
	}
}
