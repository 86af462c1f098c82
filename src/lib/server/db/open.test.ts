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
