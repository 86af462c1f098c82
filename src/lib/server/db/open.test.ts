import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './open.ts';

describe('openDatabase', () => {
	it('creates the folder, migrates, and sets the pragmas', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tl-'));
		try {
			const db = openDatabase(join(dir, 'nested', 'x.db'));
			const client = db.$client;
			expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
			expect(client.pragma('synchronous', { simple: true })).toBe(2);
			expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
			const tables = client
				.prepare("select name from sqlite_master where type = 'table'")
				.all()
				.map((r) => (r as { name: string }).name);
			expect(tables).toEqual(expect.arrayContaining(['priority', 'result', 'audit_log', 'user']));
			client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('write transactions', () => {
	it('take the write lock at their first statement, so a reader-then-writer never loses its turn', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tl-'));
		try {
			const file = join(dir, 'x.db');
			const a = openDatabase(file);
			const b = openDatabase(file);
			b.$client.pragma('busy_timeout = 0');
			// A transaction that reads first (as an import does) and would write later. With a
			// deferred BEGIN, b's write would slip in and a's own write then fail with
			// "database is locked"; with BEGIN IMMEDIATE, b is the one that waits.
			const outcome = a.transaction(() => {
				a.$client.prepare('select count(*) from school_year').get();
				try {
					b.$client
						.prepare("insert into school_year (start_year, label) values (2030, '2030-31')")
						.run();
					return 'other connection wrote first';
				} catch (e) {
					return (e as { code?: string }).code;
				}
			});
			expect(outcome).toBe('SQLITE_BUSY');
			a.$client.close();
			b.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
