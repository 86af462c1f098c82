import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';
import { createAuth } from '../auth/auth.ts';
import { currentSession, signIn, signOut } from '../auth/signin.ts';
import { seedDemoUsers } from '../auth/users.ts';
import { systemActor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { testDb } from '../testing.ts';
import { notDistrictData } from '../db/data-changes.ts';
import { schools } from '../db/schema/index.ts';
import { derived } from './derived.ts';
import {
	PageCache,
	dataState,
	dataVersion,
	isCurrent,
	madeFrom,
	stampOf,
	type Moment,
	isKeepable,
	isBoardReadingPage,
	isPublicPage,
	type CachedPage,
	type KeptVariant
} from './pages.ts';

const page = (text: string): CachedPage => {
	const variant: KeptVariant = {
		etag: `"${text}"`,
		body: new TextEncoder().encode(text),
		headers: [],
		notModified: []
	};
	return {
		status: 200,
		bytes: variant.body.byteLength,
		variants: { identity: variant, gzip: variant, br: variant }
	};
};

/** A moment at a data version, with no table versions: everything depends on the whole. */
const at = (version: string): Moment => ({
	data: { version, tables: new Map() },
	day: '2026-12-07'
});
const stampAt = (version: string) => stampOf(at(version), []);

describe('dataVersion', () => {
	it('moves on every write, from this connection or another one', () => {
		const dir = mkdtempSync(join(tmpdir(), 'throughline-cache-'));
		try {
			const db = openDatabase(join(dir, 'x.db'));
			const start = dataVersion(db.$client);
			expect(dataVersion(db.$client)).toBe(start);
			db.$client
				.prepare("insert into school_year (label, start_year) values ('2024-25', 2024)")
				.run();
			const afterOwn = dataVersion(db.$client);
			expect(afterOwn).not.toBe(start);
			const other = new Database(join(dir, 'x.db'));
			other.prepare("insert into school_year (label, start_year) values ('2025-26', 2025)").run();
			other.close();
			expect(dataVersion(db.$client)).not.toBe(afterOwn);
			db.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the public data version', () => {
	it('stays as it is through sign-ins, failed ones and sign-outs; a change to the data moves it', async () => {
		const db = testDb();
		try {
			await seedDemoUsers(db);
			const auth = createAuth(db, { secret: 'x'.repeat(32), baseURL: 'http://localhost:3000' });
			const before = dataVersion(db.$client);
			const wrong = await signIn(auth, db, {
				email: 'board@example.org',
				password: 'not the password at all',
				address: '10.0.0.9',
				headers: new Headers()
			});
			expect(wrong.ok).toBe(false);
			const right = await signIn(auth, db, {
				email: 'board@example.org',
				password: 'throughline-demo',
				address: '10.0.0.9',
				headers: new Headers()
			});
			expect(right.ok).toBe(true);
			if (right.ok) {
				const headers = new Headers({ cookie: (right.setCookie ?? '').split(';')[0] });
				const session = await currentSession(auth, headers);
				expect(session).not.toBeNull();
				await signOut(auth, db, session!.user, headers);
			}
			const audited = db.$client.prepare('select count(*) from audit_log').pluck().get();
			expect(Number(audited)).toBeGreaterThan(4);
			expect(dataVersion(db.$client)).toBe(before);

			write(db, systemActor, ({ tx, audit }) => {
				tx.run(sql`insert into school_year (label, start_year) values ('2030-31', 2030)`);
				audit({ action: 'create', entity: 'school_year', entityId: 2030 });
			});
			expect(dataVersion(db.$client)).not.toBe(before);
		} finally {
			db.$client.close();
		}
	});
});

describe('the data version’s triggers', () => {
	it('cover every table of the district’s data, a table added later included', () => {
		const dir = mkdtempSync(join(tmpdir(), 'throughline-triggers-'));
		try {
			const file = join(dir, 'x.db');
			openDatabase(file).$client.close();
			// A table a later migration would add: watched the next time the file is opened.
			const raw = new Database(file);
			raw.exec('create table later_table (id integer primary key, topic text)');
			raw.close();
			const db = openDatabase(file);
			const tables = db.$client
				.prepare(
					"select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
				)
				.pluck()
				.all() as string[];
			const watched = db.$client
				.prepare(
					"select tbl_name, count(*) as n from sqlite_schema where type = 'trigger' and name like 'data_change_%' group by tbl_name"
				)
				.all() as { tbl_name: string; n: number }[];
			const counted = db.$client.prepare('select name from table_change').pluck().all();
			const districtTables = tables.filter((t) => !notDistrictData.includes(t));
			expect(districtTables).toContain('later_table');
			expect(districtTables.length).toBeGreaterThan(30);
			expect(watched.filter((w) => w.n === 3).map((w) => w.tbl_name)).toEqual(
				[...districtTables].sort()
			);
			expect([...counted].sort()).toEqual([...districtTables].sort());

			const state = () => dataState(db.$client);
			const before = state();
			db.$client.exec("insert into later_table (topic) values ('School finance')");
			const after = state();
			expect(after.version).not.toBe(before.version);
			expect(after.tables.get('later_table')).toBe((before.tables.get('later_table') ?? 0) + 1);
			expect(after.tables.get('result')).toBe(before.tables.get('result'));
			db.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a kept page’s stamp', () => {
	const day = '2026-12-07';

	it('names the tables its work read, through drizzle and raw SQL, and only those', () => {
		const db = testDb();
		const now = { data: dataState(db.$client), day };
		const made = madeFrom(now, () => {
			db.select().from(schools).all();
			db.$client.prepare('select count(*) from feedback').get();
			return 1;
		});
		expect(
			made
				.stamp()
				.tables?.map(([t]) => t)
				.sort()
		).toEqual(['feedback', 'school']);
	});

	it('stays current through a write to a table it did not read, not through one it read', () => {
		const db = testDb();
		const moment = () => ({ data: dataState(db.$client), day });
		const made = madeFrom(moment(), () => db.select().from(schools).all());
		const stamp = made.stamp();
		db.$client.exec("insert into school_year (label, start_year) values ('2030-31', 2030)");
		expect(isCurrent(stamp, moment())).toBe(true);
		expect(isCurrent(stamp, { ...moment(), day: '2026-12-08' })).toBe(false);
		db.$client.exec(
			"insert into school (name, cds_code) values ('Del Rey Elementary', '27660926025928')"
		);
		expect(isCurrent(stamp, moment())).toBe(false);
	});

	it('counts a derived figure’s tables for the page that uses it, computed or kept', () => {
		const db = testDb();
		const moment = () => ({ data: dataState(db.$client), day });
		const figure = () => derived(db, 'schools', () => db.select().from(schools).all().length);
		const first = madeFrom(moment(), figure);
		const again = madeFrom(moment(), figure);
		expect(first.stamp().tables?.map(([t]) => t)).toEqual(['school']);
		expect(again.stamp().tables?.map(([t]) => t)).toEqual(['school']);
	});

	it('depends on every change when its work read no table of the district', () => {
		const db = testDb();
		const moment = () => ({ data: dataState(db.$client), day });
		const stamp = madeFrom(moment(), () => 'static').stamp();
		expect(stamp.tables).toBeNull();
		db.$client.exec("insert into school_year (label, start_year) values ('2030-31', 2030)");
		expect(isCurrent(stamp, moment())).toBe(false);
	});
});

describe('PageCache', () => {
	it('serves a page until the version changes', () => {
		const cache = new PageCache(1000);
		cache.set('/', stampAt('v1'), page('one'));
		expect(cache.get('/', at('v1'))?.variants.identity?.body).toEqual(
			page('one').variants.identity?.body
		);
		expect(cache.get('/', at('v2'))).toBeUndefined();
		expect(cache.get('/', at('v1'))).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('drops the least recently used pages beyond its byte budget', () => {
		const cache = new PageCache(50);
		cache.set('/a', stampAt('v'), page('a'.repeat(12)));
		cache.set('/b', stampAt('v'), page('b'.repeat(12)));
		cache.get('/a', at('v'));
		cache.set('/c', stampAt('v'), page('c'.repeat(12)));
		cache.set('/d', stampAt('v'), page('d'.repeat(12)));
		cache.set('/e', stampAt('v'), page('e'.repeat(12)));
		expect(cache.get('/b', at('v'))).toBeUndefined();
		expect(cache.get('/a', at('v'))).toBeDefined();
		expect(cache.bytes).toBeLessThanOrEqual(50);
		cache.set('/huge', stampAt('v'), page('h'.repeat(13)));
		expect(cache.get('/huge', at('v'))).toBeUndefined();
	});

	it('renders a page once for requests that arrive together', async () => {
		const cache = new PageCache(1000);
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((resolve) => setTimeout(resolve, 5));
			return { page: page('x'), stamp: stampAt('v') };
		};
		const all = await Promise.all([1, 2, 3].map(() => cache.getOrRender('/', at('v'), render)));
		expect(renders).toBe(1);
		expect(all.every((p) => p === all[0])).toBe(true);
		await cache.getOrRender('/', at('v'), render);
		expect(renders).toBe(1);
		await cache.getOrRender('/', at('v2'), render);
		expect(renders).toBe(2);
	});
});

describe('responses', () => {
	it('keeps only 200s that set no cookie', () => {
		expect(isKeepable(new Response('x'))).toBe(true);
		expect(isKeepable(new Response('x', { status: 404 }))).toBe(false);
		expect(isKeepable(new Response('x', { headers: { 'set-cookie': 'a=b' } }))).toBe(false);
	});

	it('treats only the public pages as public', () => {
		for (const path of [
			'/',
			'/es',
			'/schools',
			'/schools/1',
			'/priorities/x',
			'/es/priorities/x',
			'/meetings',
			'/es/meetings/3',
			'/meetings/3/record.pdf',
			'/accessibility',
			'/es/accessibility',
			'/__data.json'
		]) {
			expect(isPublicPage(path), path).toBe(true);
		}
		for (const path of [
			'/board',
			'/board/coherence',
			'/manage',
			'/admin',
			'/login',
			'/account',
			'/es/board'
		]) {
			expect(isPublicPage(path), path).toBe(false);
		}
	});

	it('keeps only the board’s reading pages per person, never manage, admin or account pages', () => {
		for (const path of ['/board', '/board/coherence', '/board/__data.json', '/present/3/2']) {
			expect(isBoardReadingPage(path), path).toBe(true);
		}
		for (const path of [
			'/manage',
			'/manage/priorities',
			'/admin/users',
			'/account',
			'/boards',
			'/'
		]) {
			expect(isBoardReadingPage(path), path).toBe(false);
		}
	});
});
