import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { signInFailures } from '../db/schema/auth.ts';
import { systemActor } from '../audit/index.ts';
import { createAuth } from './auth.ts';
import { signIn } from './signin.ts';
import { findAccountByEmail, resetPassword, seedDemoUsers } from './users.ts';
import {
	accountFailureCeiling,
	addressFailureLimit,
	attemptSucceeded,
	pairDelayMinutes,
	recentFailures,
	reserveAttempt,
	throttleVerdict
} from './throttle.ts';

let db: DbFile;
afterEach(() => db?.$client.close());

const t0 = Date.UTC(2025, 5, 15, 12);
const minute = 60_000;

function fail(email: string, address: string, at: number) {
	const r = reserveAttempt(db, email, address, 'password', at);
	if (!r.allowed) throw new Error(`refused at ${at}`);
}

describe('sign-in throttle', () => {
	it('grows the wait per account and address: 5 free, then 1, 2, 4 … 60 minutes', () => {
		expect([4, 5, 6, 7, 10, 11, 12, 40].map(pairDelayMinutes)).toEqual([
			0, 1, 2, 4, 32, 60, 60, 60
		]);
		db = testDb();
		for (let i = 0; i < 5; i++) fail('pat@example.org', '10.0.0.1', t0 + i);
		expect(throttleVerdict(db, 'pat@example.org', '10.0.0.1', t0 + 10)).toEqual({
			allowed: false,
			reason: 'wait',
			retryAfterSeconds: 60
		});
		// Another address, and another account from this address, are not slowed.
		expect(throttleVerdict(db, 'pat@example.org', '10.0.0.2', t0 + 10).allowed).toBe(true);
		expect(throttleVerdict(db, 'kim@example.org', '10.0.0.1', t0 + 10).allowed).toBe(true);
		// After the minute, one more guess; then two minutes.
		expect(throttleVerdict(db, 'pat@example.org', '10.0.0.1', t0 + 4 + minute).allowed).toBe(true);
		fail('pat@example.org', '10.0.0.1', t0 + minute + 4);
		expect(throttleVerdict(db, 'pat@example.org', '10.0.0.1', t0 + minute + 5)).toMatchObject({
			retryAfterSeconds: 120
		});
	});

	it('limits one address to 30 failures in 15 minutes, whatever the accounts', () => {
		db = testDb();
		for (let i = 0; i < addressFailureLimit; i++)
			fail(`p${i}@example.org`, '10.1.1.1', t0 + i * 10_000);
		const v = throttleVerdict(db, 'new@example.org', '10.1.1.1', t0 + 300_000);
		// The oldest (at t0) leaves the window at t0 + 15 min: 10 minutes from now.
		expect(v).toEqual({ allowed: false, reason: 'wait', retryAfterSeconds: 600 });
		expect(throttleVerdict(db, 'new@example.org', '10.1.1.2', t0 + 300_000).allowed).toBe(true);
		expect(throttleVerdict(db, 'new@example.org', '10.1.1.1', t0 + 15 * minute + 1).allowed).toBe(
			true
		);
	});

	it('suspends an account after 100 consecutive failures from anywhere, until a reset', async () => {
		db = testDb();
		await seedDemoUsers(db);
		const email = 'staff@example.org';
		for (let i = 0; i < accountFailureCeiling; i++) fail(email, `10.2.${i >> 4}.${i}`, t0 + i);
		expect(throttleVerdict(db, email, '10.3.0.1', t0 + 200)).toEqual({
			allowed: false,
			reason: 'suspended'
		});
		await resetPassword(
			db,
			systemActor,
			findAccountByEmail(db, email)!.id,
			'a-new-long-passphrase'
		);
		expect(throttleVerdict(db, email, '10.3.0.1', t0 + 200).allowed).toBe(true);
		// The owner still sees what happened on their account page.
		expect(recentFailures(db, email, t0 + 200).total).toBe(100);
	});

	it('a success clears the account’s count but keeps the record for its owner', () => {
		db = testDb();
		for (let i = 0; i < 5; i++) fail('pat@example.org', '10.0.0.1', t0 + i);
		const ok = reserveAttempt(db, 'pat@example.org', '10.0.0.9', 'password', t0 + 10);
		expect(ok.allowed).toBe(true);
		if (ok.allowed) attemptSucceeded(db, ok.id, 'pat@example.org');
		expect(throttleVerdict(db, 'pat@example.org', '10.0.0.1', t0 + 20).allowed).toBe(true);
		const { rows, total } = recentFailures(db, 'pat@example.org', t0 + 20);
		expect(total).toBe(5);
		expect(rows[0]).toMatchObject({ address: '10.0.0.1', kind: 'password' });
	});
});

describe('a burst of parallel sign-ins', { timeout: 60_000 }, () => {
	it('40 at once check the password as often as 40 in a row: five times', async () => {
		const outcomes = async (parallel: boolean) => {
			db?.$client.close();
			db = testDb();
			await seedDemoUsers(db);
			const auth = createAuth(db, { secret: 'x'.repeat(32) });
			const one = (i: number) =>
				signIn(auth, db, {
					email: 'superintendent@example.org',
					password: `wrong-guess-${i}`,
					address: '203.0.113.5',
					headers: new Headers()
				});
			const results = [];
			if (parallel)
				results.push(...(await Promise.all(Array.from({ length: 40 }, (_, i) => one(i)))));
			else for (let i = 0; i < 40; i++) results.push(await one(i));
			const checked = db
				.select()
				.from(auditLog)
				.where(eq(auditLog.action, 'sign-in-failed'))
				.all().length;
			const rows = db.select().from(signInFailures).all().length;
			return { statuses: results.map((r) => (r.ok ? 200 : r.status)).sort(), checked, rows };
		};
		const sequence = await outcomes(false);
		const burst = await outcomes(true);
		expect(sequence.checked).toBe(5);
		expect(burst).toEqual(sequence);
		expect(burst.statuses.filter((s) => s === 429)).toHaveLength(36);
	});
});
