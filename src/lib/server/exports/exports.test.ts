import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/open.ts';
import { MPUSD, scratchFolder, testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { importFile } from '../imports/index.ts';
import { exportAll, exportTable, exportTables, tableCsv } from './index.ts';
import { backupDatabase } from './backup.ts';

const fixtures = resolve('tests/fixtures');
const actor = { id: 'u1', email: 'staff@example.org' };
const scratch = scratchFolder('throughline-export-test-');

async function mpusd(
	db: DbFile,
	files = ['2022/eladownload2022.txt', '2023/eladownload2023.txt', '2023/chronicdownload2023.txt']
) {
	db.$client
		.prepare('INSERT INTO district (name, cds_code) VALUES (?, ?)')
		.run('Monterey Peninsula Unified', MPUSD);
	for (const f of files)
		await importFile(db, join(fixtures, 'ca-dashboard', f), f.split('/')[1], actor);
}

const resultRows = (db: DbFile) =>
	db.$client
		.prepare(
			'SELECT measure_id, school_year_id, school_id, student_group, value, n, state_color, status_level FROM result ORDER BY 1, 2, 3, 4'
		)
		.all();

describe('exports', () => {
	it('every table exports with readable columns', async () => {
		const db = testDb();
		await mpusd(db);
		for (const t of exportTables) expect(() => tableCsv(db, t, 'editor')).not.toThrow();
		const csv = tableCsv(db, exportTable('results')!, 'editor');
		const [header, first] = csv.split('\n');
		expect(header).toBe(
			'school_cds_code,school_name,measure_code,measure,school_year,student_group,student_group_name,value,n,state_color,status_level,updated_at'
		);
		expect(first).toMatch(
			/^,Monterey Peninsula Unified,ela,English language arts: distance from standard,2021-22,ALL,All students,-34.1,4328,,2,/
		);
	});

	it('results export → import round trip restores every value', async () => {
		const db = testDb();
		await mpusd(db);
		const before = resultRows(db);
		const file = scratch.path('results.csv');
		writeFileSync(file, tableCsv(db, exportTable('results')!, 'editor'));
		// Re-importing the export over the same data changes nothing…
		const same = await importFile(db, file, 'results.csv', actor);
		expect(same).toMatchObject({
			errorCount: 0,
			inserted: 0,
			updated: 0,
			unchanged: before.length
		});
		// …and into an emptied table it brings every value back.
		db.$client.exec('DELETE FROM result');
		const back = await importFile(db, file, 'results.csv', actor);
		expect(back).toMatchObject({ errorCount: 0, inserted: before.length, committed: true });
		expect(resultRows(db)).toEqual(before);
	});

	it('check-ins export → import round trip', async () => {
		const db = testDb();
		await mpusd(db);
		const c = db.$client;
		c.exec(
			`INSERT INTO structure (name, category, authority, origin) VALUES ('Data cycles', 'monitoring', 'required', 'repurposed')`
		);
		const schools = c.prepare('SELECT id FROM school').pluck().all() as number[];
		const year = c.prepare("SELECT id FROM school_year WHERE label = '2022-23'").pluck().get();
		schools.forEach((s, i) =>
			c
				.prepare(
					'INSERT INTO check_in (school_id, structure_id, school_year_id, depth, adaptation, site_led) VALUES (?, 1, ?, ?, ?, ?)'
				)
				.run(s, year, i % 5, i ? 'Twice a month, "not weekly"' : null, i % 2)
		);
		const rows = () =>
			c
				.prepare(
					'SELECT school_id, structure_id, school_year_id, depth, adaptation, site_led, evidence_url FROM check_in ORDER BY 1'
				)
				.all();
		const before = rows();
		const file = scratch.path('check-ins.csv');
		writeFileSync(file, tableCsv(db, exportTable('check-ins')!, 'editor'));
		c.exec('DELETE FROM check_in');
		const r = await importFile(db, file, 'check-ins.csv', actor);
		expect(r).toMatchObject({ kind: 'check-ins', errorCount: 0, inserted: schools.length });
		expect(rows()).toEqual(before);
	});

	it('writes one CSV per table for the full export', async () => {
		const db = testDb();
		await mpusd(db);
		const out = scratch.path('full');
		const files = exportAll(db, out);
		expect(readdirSync(out).sort()).toEqual(exportTables.map((t) => `${t.name}.csv`).sort());
		expect(files.find((f) => f.file.endsWith('results.csv'))!.rows).toBe(resultRows(db).length);
	});
});

describe('backup', () => {
	it('takes a consistent copy while writes go on', async () => {
		const path = scratch.path('live.db');
		const db = openDatabase(path);
		await mpusd(db);
		// Make the database large enough that the copy takes several steps.
		const insert = db.$client.prepare('INSERT INTO policy (number, title) VALUES (?, ?)');
		db.$client.transaction(() => {
			for (let i = 0; i < 20000; i++) insert.run(String(i), 'x'.repeat(200));
		})();
		let writes = 0;
		let writing = true;
		const writer = (async () => {
			while (writing) {
				insert.run('w', `written during the backup ${writes++}`);
				await new Promise((r) => setImmediate(r));
			}
		})();
		const out = scratch.path('copy.db');
		const { pages } = await backupDatabase(path, out);
		writing = false;
		await writer;
		expect(pages).toBeGreaterThan(1000);
		expect(writes).toBeGreaterThan(0);
		const copy = new Database(out, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		expect((copy.prepare('SELECT count(*) FROM result').pluck().get() as number) > 0).toBe(true);
		copy.close();
		db.$client.close();
	});
});

describe('command line', () => {
	const run = (args: string[], env: Record<string, string>) =>
		spawnSync('npx', ['node', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

	it('imports, refuses bad files with a non-zero exit, exports and backs up', () => {
		const db = scratch.path('cli.db');
		const ela = join(fixtures, 'ca-dashboard/2023/eladownload2023.txt');
		const first = run(['scripts/import.ts', '--district', MPUSD, ela], { DATABASE_PATH: db });
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(first.stdout).toMatch(/49 new/);

		const again = run(['scripts/import.ts', ela], { DATABASE_PATH: db });
		expect(again.status).toBe(0);
		expect(again.stdout).toMatch(/nothing changed/);

		const bad = scratch.path('bad.txt');
		writeFileSync(
			bad,
			readFileSync(ela, 'latin1').replace(/^(27660920000000\t[^\r\n]*?)\tALL\t/m, '$1\t12.5\t')
		);
		const refused = run(['scripts/import.ts', bad], { DATABASE_PATH: db });
		expect(refused.status).not.toBe(0);
		expect(refused.stderr).toMatch(/is not a student-group code/);

		const other = run(
			['scripts/import.ts', join(fixtures, 'ca-directory/pubschls-chino-valley-unified.txt')],
			{
				DATABASE_PATH: db
			}
		);
		expect(other.status).not.toBe(0);
		expect(other.stderr).toMatch(/another district's file/);

		const noDistrict = run(['scripts/import.ts', ela], { DATABASE_PATH: scratch.path('new.db') });
		expect(noDistrict.status).not.toBe(0);
		expect(noDistrict.stderr).toMatch(/--district/);

		const exported = run(['scripts/export.ts', '--out', scratch.path('cli-export')], {
			DATABASE_PATH: db
		});
		expect(exported.status).toBe(0);
		expect(readFileSync(scratch.path('cli-export', 'results.csv'), 'utf8')).toContain('-34.3,4332');

		const backup = run(['scripts/backup.ts', scratch.path('cli-backup.db')], { DATABASE_PATH: db });
		expect(backup.status).toBe(0);
		const copy = new Database(scratch.path('cli-backup.db'), { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		copy.close();
	}, 180_000);
});
