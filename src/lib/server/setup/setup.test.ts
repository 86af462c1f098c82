import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { district } from '../db/schema/district.ts';
import { users } from '../db/schema/auth.ts';
import { setupChecklist, setupComplete } from './checklist.ts';
import {
	consumeSetupToken,
	issueSetupToken,
	setUpDistrict,
	setupInput,
	setupOpen,
	setupTokenVariable
} from './index.ts';

let db: DbFile;
afterEach(() => db?.$client.close());

const good = {
	districtName: 'Monterey Peninsula Unified',
	cdsCode: '27660920000000',
	name: 'Ana Admin',
	email: 'ana@mpusd.example',
	password: 'tide pools and kelp forests',
	confirm: 'tide pools and kelp forests'
};

describe('first-run setup', () => {
	it('opens only for the issued token, keeps only its hash, and works once', () => {
		db = testDb();
		const env: NodeJS.ProcessEnv = {};
		const token = issueSetupToken(env);
		expect(env[setupTokenVariable]).not.toContain(token);
		expect(setupOpen(db, token, env)).toBe(true);
		expect(setupOpen(db, token + 'x', env)).toBe(false);
		expect(setupOpen(db, '', env)).toBe(false);
		expect(setupOpen(db, null, env)).toBe(false);
		consumeSetupToken(env);
		expect(setupOpen(db, token, env)).toBe(false);
	});

	it('closes once a district exists, whatever the token', () => {
		db = testDb();
		const env: NodeJS.ProcessEnv = {};
		const token = issueSetupToken(env);
		db.insert(district).values({ name: 'D', cdsCode: '27660920000000' }).run();
		expect(setupOpen(db, token, env)).toBe(false);
	});

	it('checks the CDS code and the password rules', () => {
		const errors = (v: object) =>
			Object.keys(setupInput.safeParse({ ...good, ...v }).error?.flatten().fieldErrors ?? {});
		expect(errors({})).toEqual([]);
		expect(errors({ cdsCode: '2766092000000' })).toEqual(['cdsCode']); // 13 digits
		expect(errors({ cdsCode: '27660920000001' })).toEqual(['cdsCode']); // a school's code
		expect(errors({ password: 'short', confirm: 'short' })).toEqual(['password']);
		expect(errors({ confirm: 'something else entirely' })).toEqual(['confirm']);
	});

	it('creates the district and its administrator, and refuses a second time', async () => {
		db = testDb();
		await setUpDistrict(db, setupInput.parse(good));
		expect(db.select().from(district).all()).toMatchObject([
			{ name: 'Monterey Peninsula Unified', cdsCode: '27660920000000' }
		]);
		expect(db.select().from(users).all()).toMatchObject([{ role: 'admin' }]);
		await expect(
			setUpDistrict(db, setupInput.parse({ ...good, email: 'other@mpusd.example' }))
		).rejects.toThrow(/already set up/);
		expect(db.select().from(users).all()).toHaveLength(1);
	});
});

describe('setup checklist', () => {
	it('starts with everything to do and follows the data', async () => {
		db = testDb();
		let steps = setupChecklist(db);
		expect(steps.map((s) => s.done).every((d) => !d)).toBe(true);
		await setUpDistrict(db, setupInput.parse(good));
		db.$client.exec("insert into school_year (label, start_year) values ('2026-27', 2026)");
		db.$client.exec(
			"insert into school (cds_code, name) values ('27660926025795', 'Monterey High')"
		);
		steps = setupChecklist(db);
		expect(steps.find((s) => s.key === 'district')!.done).toBe(true);
		expect(steps.find((s) => s.key === 'schools')!.done).toBe(true);
		expect(steps.find((s) => s.key === 'dashboard')!.missing).toEqual(['No results imported yet.']);
		expect(setupComplete(steps)).toBe(false);
	});
});
