import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { currentDistrict, runImport, type ImportReport } from './apply.ts';
import { readImport } from './parse.ts';
import { ImportFileError } from './read.ts';

export { ImportFileError, maxImportBytes } from './read.ts';
export { currentDistrict, runImport, type ImportReport } from './apply.ts';
export { readImport, importKindNames, type ImportKind, type RowError } from './parse.ts';
export { knownStudentGroups } from './groups.ts';

/**
 * Reads and imports one file for the database's district (or `districtCds` on a new database).
 * File-level problems throw ImportFileError; row problems come back in the report, with nothing
 * written.
 */
export async function importFile(
	db: Db,
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
	const parsed = await readImport(path, fileName, { districtCds });
	return runImport(db, parsed, actor, options);
}
