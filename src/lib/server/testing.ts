import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { openDatabase, type DbFile } from './db/open.ts';
import type { Actor } from './audit/index.ts';
import { importFile } from './imports/index.ts';

/** A fresh in-memory database with every migration applied, for unit tests. */
export function testDb(): DbFile {
	return openDatabase(':memory:');
}

/** The CDS code of Monterey Peninsula Unified, the district of the Dashboard files in tests/fixtures. */
export const MPUSD = '27660920000000';

/** A test database of the district the Dashboard fixtures are about, named `name`. */
export function districtTestDb(name = 'Monterey Peninsula Unified'): DbFile {
	const db = testDb();
	db.$client.prepare('INSERT INTO district (name, cds_code) VALUES (?, ?)').run(name, MPUSD);
	return db;
}

/**
 * A folder for the files a test file writes, made before its tests and removed after them:
 * `path(...)` names a file in it, `write(name, content)` writes one and gives its path.
 */
export function scratchFolder(prefix: string) {
	let dir = '';
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), prefix));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const path = (...names: string[]) => join(dir, ...names);
	return {
		path,
		write(name: string, content: string | Buffer): string {
			writeFileSync(path(name), content);
			return path(name);
		}
	};
}

/** Imports one of the files in tests/fixtures under its own name, as if uploaded by `actor`. */
export function importFixture(db: DbFile, file: string, actor: Actor) {
	return importFile(db, resolve('tests/fixtures', file), basename(file), actor);
}
