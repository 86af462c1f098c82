import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DbFile } from './open.ts';
import { testDb } from '../testing.ts';
import { recordAudit, systemActor } from '../audit/index.ts';
import { describeChainBreak, verifyAuditChain } from './audit-chain.ts';

function fill(db: DbFile, n: number): void {
	for (let i = 1; i <= n; i++)
		recordAudit(
			db,
			{ id: 'u1', email: 'pat@district.org' },
			{
				action: 'update',
				entity: 'priority',
				entityId: i,
				before: { title: `Old ${i}` },
				after: { title: `New ${i}`, value: -34.1 },
				note: i % 2 ? 'a note' : null
			}
		);
}

/** Lets a test change the trail the way someone with the database file could. */
function dropGuards(db: DbFile): void {
	db.$client.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('the audit hash chain', () => {
	const dirs: string[] = [];
	afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

	it('verifies a trail written by the app, and returns each entry id', () => {
		const db = testDb();
		expect(verifyAuditChain(db.$client)).toEqual({
			ok: true,
			rows: 0,
			head: null,
			firstBroken: null
		});
		const first = recordAudit(db, systemActor, { action: 'import', entity: 'file' });
		const second = recordAudit(db, systemActor, { action: 'import', entity: 'file' });
		expect(second).toBe(first + 1);
		fill(db, 20);
		const report = verifyAuditChain(db.$client);
		expect(report.ok).toBe(true);
		expect(report.rows).toBe(22);
		expect(report.head).toMatch(/^[0-9a-f]{64}$/);
	});

	it('names the first row edited directly in SQLite', () => {
		const db = testDb();
		fill(db, 10);
		dropGuards(db);
		db.$client.exec(`UPDATE audit_log SET after = '{"title":"Quietly changed"}' WHERE id = 4`);
		db.$client.exec(`UPDATE audit_log SET note = 'also changed' WHERE id = 7`);
		const report = verifyAuditChain(db.$client);
		expect(report.ok).toBe(false);
		expect(report.firstBroken).toMatchObject({ id: 4, reason: 'changed' });
		expect(describeChainBreak(report.firstBroken!)).toContain('Entry #4');
	});

	it('detects a deleted row, and a row inserted outside the app', () => {
		const db = testDb();
		fill(db, 10);
		dropGuards(db);
		db.$client.exec('DELETE FROM audit_log WHERE id = 5');
		expect(verifyAuditChain(db.$client).firstBroken).toMatchObject({ id: 6, reason: 'unlinked' });

		const other = testDb();
		fill(other, 3);
		other.$client.exec(
			"INSERT INTO audit_log (action, entity, user_email) VALUES ('delete', 'priority', 'nobody')"
		);
		expect(verifyAuditChain(other.$client).firstBroken).toMatchObject({
			id: 4,
			reason: 'unsealed'
		});
	});

	it('detects a forged hash that does not link to the row before', () => {
		const db = testDb();
		fill(db, 5);
		dropGuards(db);
		// Recomputing one row's hash after editing it still breaks the link of the next row.
		db.$client.exec(
			`UPDATE audit_log SET hash = (CASE WHEN substr(hash, 1, 1) = '0' THEN '1' ELSE '0' END) || substr(hash, 2) WHERE id = 2`
		);
		expect(verifyAuditChain(db.$client).firstBroken).toMatchObject({ id: 2, reason: 'changed' });
	});

	it('still refuses edits and deletes of sealed rows', () => {
		const db = testDb();
		fill(db, 2);
		expect(() => db.$client.exec(`UPDATE audit_log SET note = 'x' WHERE id = 1`)).toThrow(
			/append-only/
		);
		expect(() => db.$client.exec('DELETE FROM audit_log WHERE id = 1')).toThrow(/append-only/);
	});

	it('seals the trail of a database from before the chain, once, when it is opened', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tl-chain-'));
		dirs.push(dir);
		const file = join(dir, 'old.db');
		const db = openDatabase(file);
		// As an earlier version wrote them: no hashes.
		const insert = db.$client.prepare(
			"INSERT INTO audit_log (at, action, entity, user_email) VALUES ('2025-01-0' || ?, 'create', 'priority', 'x')"
		);
		for (let i = 1; i <= 3; i++) insert.run(i);
		expect(verifyAuditChain(db.$client).firstBroken).toMatchObject({ id: 1, reason: 'unsealed' });
		db.$client.close();

		const reopened = openDatabase(file);
		expect(verifyAuditChain(reopened.$client)).toMatchObject({ ok: true, rows: 3 });
		recordAudit(reopened, systemActor, { action: 'import', entity: 'file' });
		expect(verifyAuditChain(reopened.$client)).toMatchObject({ ok: true, rows: 4 });
		// A row slipped in later is not sealed by the next open: it is reported.
		reopened.$client.exec("INSERT INTO audit_log (action, entity) VALUES ('delete', 'priority')");
		reopened.$client.close();
		const third = openDatabase(file);
		expect(verifyAuditChain(third.$client).firstBroken).toMatchObject({
			id: 5,
			reason: 'unsealed'
		});
		third.$client.close();
	});

	it('stays one chain when two connections append in turn', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tl-chain-'));
		dirs.push(dir);
		const file = join(dir, 'two.db');
		const a = openDatabase(file);
		const b = openDatabase(file);
		for (let i = 0; i < 20; i++) fill(i % 2 ? a : b, 1);
		expect(verifyAuditChain(a.$client)).toMatchObject({ ok: true, rows: 20 });
		a.$client.close();
		b.$client.close();
	});
});

describe('npm run audit:verify', () => {
	it('says the chain is intact, then names the row edited directly in SQLite', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tl-verify-'));
		try {
			const file = join(dir, 'x.db');
			const db = openDatabase(file);
			fill(db, 6);
			const run = () =>
				spawnSync(process.execPath, ['scripts/audit-verify.ts'], {
					env: { ...process.env, DATABASE_PATH: file },
					encoding: 'utf8'
				});
			const intact = run();
			expect(intact.status).toBe(0);
			expect(intact.stdout).toMatch(/Audit trail intact: 6 entries/);
			dropGuards(db);
			db.$client.exec(`UPDATE audit_log SET user_email = 'someone.else@district.org' WHERE id = 3`);
			db.$client.close();
			const broken = run();
			expect(broken.status).toBe(1);
			expect(broken.stderr.trim()).toBe(
				'Audit trail broken after 2 intact entries. Entry #3 (' +
					broken.stderr.match(/\((.*?)\)/)![1] +
					'): its content no longer matches its hash: it was edited outside Throughline.'
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		// Two runs of a separate Node process: seconds each on a loaded two-core machine.
	}, 60_000);
});
