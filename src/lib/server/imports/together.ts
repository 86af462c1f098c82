// Several files confirmed together (the eight files of a state release): all of them or none.
import type { DbFile } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { currentDistrict, runImport } from './run.ts';
import { readImport, type ParsedImport } from './parse.ts';
import { ImportFileError } from './read.ts';
import type { ImportReport } from './report.ts';
import { noteFailedImport } from './failed.ts';

export interface FileToImport {
	path: string;
	name: string;
}

class Refused extends Error {}

/**
 * Imports the files in one transaction: each is written as it would be alone (its own audit
 * entry, with its name, checksum, counts and changed values), in the order given, so a later file
 * finds what an earlier one created (the district's schools, its school years). If any file is
 * refused — it cannot be read, a row has an error, it has nothing for the district — nothing of
 * any of them is kept, and the refusal names the file. Returns each file's report.
 */
export async function importTogether(
	db: DbFile,
	files: FileToImport[],
	actor: Actor
): Promise<ImportReport[]> {
	try {
		return await importAll(db, files, actor);
	} catch (e) {
		if (e instanceof ImportFileError)
			noteFailedImport(db, files.map((f) => f.name).join(', ') || 'import', e.message);
		throw e;
	}
}

async function importAll(db: DbFile, files: FileToImport[], actor: Actor): Promise<ImportReport[]> {
	if (files.length === 0) throw new ImportFileError('Choose a file to upload.');
	const district = currentDistrict(db);
	if (!district) {
		throw new ImportFileError(
			'This database has no district yet: set it up first, then import its files.'
		);
	}
	// Every file is read before anything is written: reading is asynchronous, the write is not.
	const parsed: ParsedImport[] = [];
	for (const f of files) {
		try {
			parsed.push(await readImport(f.path, f.name, { districtCds: district.cdsCode }));
		} catch (e) {
			if (e instanceof ImportFileError) throw new ImportFileError(`${f.name}: ${e.message}`);
			throw e;
		}
	}
	const reports: ImportReport[] = [];
	let refusal = '';
	try {
		write(db, actor, () => {
			for (const p of parsed) {
				if (p.nothingForDistrict) {
					refusal = `${p.fileName}: ${p.nothingForDistrict}`;
					throw new Refused();
				}
				let report: ImportReport;
				try {
					report = runImport(db, p, actor);
				} catch (e) {
					if (e instanceof ImportFileError) {
						refusal = `${p.fileName}: ${e.message}`;
						throw new Refused();
					}
					throw e;
				}
				if (report.errorCount > 0) {
					refusal = `${p.fileName}: ${report.errorCount} ${report.errorCount === 1 ? 'row has an error' : 'rows have errors'}.`;
					throw new Refused();
				}
				reports.push(report);
			}
		});
	} catch (e) {
		if (e instanceof Refused) throw new ImportFileError(`${refusal} Nothing was imported.`);
		throw e;
	}
	return reports;
}
