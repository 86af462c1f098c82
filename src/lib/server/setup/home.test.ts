import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { seedDemo } from '../demo/index.ts';
import { homeAfterSignIn } from './home.ts';

let db: DbFile;
afterEach(() => db?.$client.close());

function addUser(id: string, role: string) {
	db.$client
		.prepare(
			'insert into user (id, name, email, email_verified, role, created_at, updated_at) values (?, ?, ?, 1, ?, 0, 0)'
		)
		.run(id, id, `${id}@example.org`, role);
}

describe('home after signing in', () => {
	it('sends each role to its own home; an administrator to the checklist until setup is done', async () => {
		db = testDb();
		for (const role of ['admin', 'superintendent', 'staff', 'board']) addUser(role, role);
		expect(homeAfterSignIn(db, 'admin')).toBe('/manage/setup');
		expect(homeAfterSignIn(db, 'superintendent')).toBe('/manage');
		expect(homeAfterSignIn(db, 'staff')).toBe('/manage');
		expect(homeAfterSignIn(db, 'board')).toBe('/board');
		expect(homeAfterSignIn(db, 'nobody')).toBe('/');
		await seedDemo(db);
		expect(homeAfterSignIn(db, 'admin')).toBe('/admin');
	});
});
