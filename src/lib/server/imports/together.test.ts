// Several files confirmed together (issue 29, item 7): the eight files of the state's 2023 release
// for Monterey County, as in ../shared/data/ca-dashboard/2023/, all in one transaction or none.
// Expected figures read by hand off those files (Monterey Peninsula Unified, cds 27660920000000):
// eladownload2023.txt ALL currstatus −34.3; chronicdownload2023.txt ALL 26.7;
// elpidownload2023.txt EL 46.4; graddownload2023.txt ALL 93.6.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { districtTestDb, scratchFolder, testDb } from '../testing.ts';
import { importTogether } from './together.ts';
import { ImportFileError } from './read.ts';

const folder = resolve('../shared/data/ca-dashboard/2023');
const release = readdirSync(folder)
	.sort()
	.map((name) => ({ name, path: `${folder}/${name}` }));
const actor = { id: 'u1', email: 'staff@example.org' };
const scratch = scratchFolder('throughline-together-');

function value(db: ReturnType<typeof testDb>, code: string, group: string): number | undefined {
	return db.$client
		.prepare(
			`SELECT r.value FROM result r JOIN measure m ON m.id = r.measure_id JOIN school_year y ON y.id = r.school_year_id
			 WHERE m.code = ? AND r.school_id IS NULL AND r.student_group = ? AND y.start_year = 2022`
		)
		.pluck()
		.get(code, group) as number | undefined;
}
const count = (db: ReturnType<typeof testDb>, table: string) =>
	db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('importing several files together', () => {
	it('imports the eight files of a release, each with its own audit entry', async () => {
		expect(release).toHaveLength(8);
		const db = districtTestDb();
		const reports = await importTogether(db, release, actor);
		expect(reports.map((r) => r.fileName)).toEqual(release.map((f) => f.name));
		expect(reports.every((r) => r.committed && r.auditId !== null)).toBe(true);
		expect(value(db, 'ela', 'ALL')).toBe(-34.3);
		expect(value(db, 'chronic', 'ALL')).toBe(26.7);
		expect(value(db, 'elpi', 'EL')).toBe(46.4);
		expect(value(db, 'grad', 'ALL')).toBe(93.6);
		const notes = db.$client
			.prepare("SELECT note FROM audit_log WHERE action = 'import' ORDER BY id")
			.pluck()
			.all() as string[];
		expect(notes.map((n) => n.split(' ')[0])).toEqual(release.map((f) => f.name));
		// The same files again change nothing, and record nothing.
		const again = await importTogether(db, release, actor);
		expect(again.every((r) => !r.committed && r.inserted + r.updated === 0)).toBe(true);
		expect(count(db, 'audit_log')).toBe(notes.length);
	});

	it('is all or nothing: a file with a row error leaves every file unimported, and is named', async () => {
		const db = districtTestDb();
		// The district's all-students chronic absenteeism made unreadable ("n/a" for 26.7).
		const chronic = readFileSync(`${folder}/chronicdownload2023.txt`, 'utf8').replace(
			/^(27660920000000\tD\t[^\n]*?\tALL\t6283\t2023\t1675\t)26\.7\t/m,
			'$1n/a\t'
		);
		expect(chronic).toContain('\tn/a\t');
		const bad = scratch.write('chronicdownload2023.txt', chronic);
		const files = [
			release.find((f) => f.name === 'eladownload2023.txt')!,
			{ name: 'chronicdownload2023.txt', path: bad }
		];
		const attempt = importTogether(db, files, actor);
		await expect(attempt).rejects.toBeInstanceOf(ImportFileError);
		await expect(importTogether(db, files, actor)).rejects.toThrow(
			/^chronicdownload2023\.txt: 1 row has an error\. Nothing was imported\.$/
		);
		expect(count(db, 'result')).toBe(0);
		expect(count(db, 'measure')).toBe(0);
		expect(count(db, 'audit_log')).toBe(0);
	});

	it('a file that is not a layout Throughline knows is named, and nothing is imported', async () => {
		const db = districtTestDb();
		const files = [
			release.find((f) => f.name === 'eladownload2023.txt')!,
			{ name: 'notes.txt', path: scratch.write('notes.txt', 'a\tb\n1\t2\n') }
		];
		await expect(importTogether(db, files, actor)).rejects.toThrow(/^notes\.txt: /);
		expect(count(db, 'result')).toBe(0);
	});

	it('needs a district first', async () => {
		await expect(importTogether(testDb(), release, actor)).rejects.toThrow(/no district yet/);
	});
});
