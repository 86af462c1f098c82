import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from './open.ts';
import { recordAudit } from '../audit/index.ts';
import { verifyAuditChain } from './audit-chain.ts';

const dashboard = resolve('tests/fixtures/ca-dashboard');
const files = ['2022', '2023'].flatMap((y) =>
	readdirSync(join(dashboard, y)).map((f) => join(dashboard, y, f))
);

describe('a CLI import while staff save through the web', () => {
	it('neither side fails with "database is locked", and the audit chain stays whole', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'tl-race-'));
		try {
			const file = join(dir, 'race.db');
			const web = openDatabase(file);
			const child = spawn(
				process.execPath,
				['scripts/import.ts', '--district', '27660920000000', ...files],
				{ env: { ...process.env, DATABASE_PATH: file }, stdio: ['ignore', 'pipe', 'pipe'] }
			);
			let output = '';
			child.stdout.on('data', (d) => (output += d));
			child.stderr.on('data', (d) => (output += d));
			const exited = new Promise<number | null>((done) => child.on('close', done));

			// One save every 5 ms until the import ends: each reads, then writes (as a form save does).
			let saves = 0;
			const errors: string[] = [];
			let running = true;
			void exited.then(() => (running = false));
			while (running) {
				try {
					web.transaction(() => {
						web.$client.prepare('select count(*) from result').get();
						recordAudit(
							web,
							{ id: 'u1', email: 'staff@example.org' },
							{
								action: 'update',
								entity: 'priority',
								entityId: saves
							}
						);
					});
					saves++;
				} catch (e) {
					errors.push((e as Error).message);
				}
				await new Promise((r) => setTimeout(r, 5));
			}
			const code = await exited;
			expect(errors).toEqual([]);
			expect(code, output).toBe(0);
			expect(output).not.toMatch(/locked/i);
			expect(saves).toBeGreaterThan(0);
			const imported = web.$client.prepare('select count(*) as n from result').get() as {
				n: number;
			};
			expect(imported.n).toBeGreaterThan(100);
			expect(verifyAuditChain(web.$client)).toMatchObject({ ok: true, rows: saves + files.length });
			web.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
