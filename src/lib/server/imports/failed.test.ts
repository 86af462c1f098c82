import { afterEach, describe, expect, it } from 'vitest';
import { districtTestDb, scratchFolder } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { systemActor } from '../audit/index.ts';
import { ImportFileError, importFile } from './index.ts';

const scratch = scratchFolder('throughline-failed-import-');
let db: DbFile;
afterEach(() => db.$client.close());

function withStaff(): DbFile {
	db = districtTestDb();
	db.$client
		.prepare(
			"INSERT INTO user (id, name, email, role, email_verified, created_at, updated_at) VALUES ('s', 'Sam', 'staff@example.org', 'staff', 0, 0, 0)"
		)
		.run();
	return db;
}

const notices = () =>
	db.$client.prepare('SELECT kind, title, path FROM notice').all() as {
		kind: string;
		title: string;
		path: string;
	}[];

describe('a failed import', () => {
	it('queues an e-mail notice to staff, and nothing else changes', async () => {
		withStaff();
		const path = scratch.write('eladownload2023.txt', 'cds\n27660920000000\n');
		await expect(importFile(db, path, 'eladownload2023.txt', systemActor)).rejects.toBeInstanceOf(
			ImportFileError
		);
		expect(notices()).toEqual([
			{
				kind: 'import-failed',
				title: expect.stringMatching(/^eladownload2023\.txt — .*single column/),
				path: '/manage/imports'
			}
		]);
		expect(db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
	});

	it('a preview that finds problems is not a failure: no notice', async () => {
		withStaff();
		const path = scratch.write('eladownload2023.txt', 'cds\n27660920000000\n');
		await expect(
			importFile(db, path, 'eladownload2023.txt', systemActor, { dryRun: true })
		).rejects.toBeInstanceOf(ImportFileError);
		expect(notices()).toEqual([]);
	});
});
