// The browser's preview of an LCAP upload: the files read and checked, what the import would do,
// written nowhere. The confirmation reads the same uploads again (nothing is kept in between).
import type { Db } from '../db/open.ts';
import { asc } from 'drizzle-orm';
import { boardMeetings } from '../db/schema/index.ts';
import type { Actor } from '../audit/index.ts';
import { ImportFileError } from '../imports/read.ts';
import { findUpload } from '../imports/uploads.ts';
import { readLcapFiles } from './read.ts';
import { yearInNames } from './form.ts';
import { importLcap, type LcapImportOptions, type LcapImportReport } from './import.ts';

export const lcapUploadExpired = 'This upload has expired. Upload the files again.';

export type LcapRun =
	{ ok: true; report: LcapImportReport; year: string | null } | { ok: false; message: string };

/**
 * Reads the uploads the tokens name and runs the import with `options` (a dry run for the
 * preview); without a year, the one the files' names suggest.
 */
export async function runLcapUploads(
	db: Db,
	tokens: string[],
	actor: Actor,
	options: LcapImportOptions
): Promise<LcapRun> {
	const files: { path: string; name: string }[] = [];
	for (const token of tokens) {
		const upload = await findUpload(token);
		if (!upload) return { ok: false, message: lcapUploadExpired };
		files.push({ path: upload.path, name: upload.name });
	}
	try {
		const parsed = await readLcapFiles(files);
		const year = options.year === undefined ? yearInNames(files.map((f) => f.name)) : options.year;
		return { ok: true, report: importLcap(db, parsed, actor, { ...options, year }), year };
	} catch (e) {
		if (e instanceof ImportFileError) return { ok: false, message: e.message };
		throw e;
	}
}

/** The meetings an LCAP may be adopted at, newest first. */
export function meetingChoices(db: Db) {
	return db
		.select({ id: boardMeetings.id, heldOn: boardMeetings.heldOn, title: boardMeetings.title })
		.from(boardMeetings)
		.orderBy(asc(boardMeetings.heldOn))
		.all()
		.reverse()
		.map((m) => ({ value: m.id, label: `${m.heldOn}${m.title ? ` — ${m.title}` : ''}` }));
}
