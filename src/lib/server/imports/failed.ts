import type { DbFile } from '../db/open.ts';
import { queueNotice } from '../outbox/index.ts';

/**
 * An import meant to save that was refused: staff and administrators hear of it by e-mail. Only
 * the outbox changes (nothing of the district, nothing in the audit trail: the import saved
 * nothing); the e-mail, once sent, is audited.
 */
export function noteFailedImport(db: DbFile, fileName: string, reason: string): void {
	const at = new Date().toISOString();
	db.transaction((tx) =>
		queueNotice(tx, {
			kind: 'import-failed',
			subject: `import:${fileName}:${at}`,
			title: `${fileName} — ${reason}`.slice(0, 300),
			path: '/manage/imports'
		})
	);
}
