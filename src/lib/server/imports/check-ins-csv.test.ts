import { describe, expect, it } from 'vitest';
import { districtTestDb, scratchFolder } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { importFile } from './index.ts';

const SCHOOL = '27660926118962';
const actor = { id: 'u1', email: 'staff@example.org' };
const { write } = scratchFolder('throughline-checkins-test-');

function districtDb(): DbFile {
	const db = districtTestDb('MPUSD');
	db.$client.prepare('INSERT INTO school (cds_code, name) VALUES (?, ?)').run(SCHOOL, 'Ocean');
	db.$client
		.prepare(
			"INSERT INTO structure (name, category, authority, origin) VALUES ('Collaboration time', 'time', 'required', 'repurposed')"
		)
		.run();
	return db;
}

function csv(rows: string[]): string {
	return write(
		'check-ins.csv',
		['school_cds_code,structure,school_year,depth,evidence_url', ...rows].join('\n')
	);
}

describe('check-ins CSV: the same checks as the check-in form', () => {
	it('refuses a javascript: address and one over 500 characters, naming line, column and reason', async () => {
		const db = districtDb();
		const long = 'https://example.org/' + 'a'.repeat(490);
		const r = await importFile(
			db,
			csv([
				`${SCHOOL},Collaboration time,2024-25,developing,javascript:alert(1)`,
				`${SCHOOL},Collaboration time,2023-24,2,${long}`
			]),
			'check-ins.csv',
			actor
		);
		expect(r.committed).toBe(false);
		expect(r.errors).toEqual([
			{
				line: 2,
				column: 'evidence_url',
				value: 'javascript:alert(1)',
				reason: 'Enter a web address starting with https://.'
			},
			{
				line: 3,
				column: 'evidence_url',
				value: long,
				reason: 'Keep the link under 500 characters.'
			}
		]);
		expect(db.$client.prepare('SELECT count(*) FROM check_in').pluck().get()).toBe(0);
	});

	it('imports a good row, by depth label, and again changes nothing', async () => {
		const db = districtDb();
		const path = csv([`${SCHOOL},Collaboration time,2024-25,developing,https://example.org/notes`]);
		const r = await importFile(db, path, 'check-ins.csv', actor);
		expect(r).toMatchObject({ committed: true, inserted: 1 });
		expect(r.auditId).toBe(
			db.$client.prepare("SELECT max(id) FROM audit_log WHERE action = 'import'").pluck().get()
		);
		expect(db.$client.prepare('SELECT depth, evidence_url FROM check_in').get()).toEqual({
			depth: 2,
			evidence_url: 'https://example.org/notes'
		});
		const again = await importFile(db, path, 'check-ins.csv', actor);
		expect(again).toMatchObject({ committed: false, unchanged: 1 });
	});
});
