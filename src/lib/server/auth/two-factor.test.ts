import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createOTP } from '@better-auth/utils/otp';
import { base32 } from '@better-auth/utils/base32';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { sessions, signInFailures } from '../db/schema/auth.ts';
import { systemActor } from '../audit/index.ts';
import { createAuth, type Auth } from './auth.ts';
import { currentSession, pendingSignIn, signIn, signInWithCode } from './signin.ts';
import { AccountError, findAccountByEmail, seedDemoUsers } from './users.ts';
import {
	confirmTwoFactorSetup,
	pendingSetup,
	resetTwoFactor,
	startTwoFactorSetup,
	twoFactorRequired,
	twoFactorState
} from './two-factor.ts';

let db: DbFile;
// Codes depend on the clock: each test starts at the same moment, a second into a 30-second step,
// and moves it on with later().
const start = Date.UTC(2026, 0, 5, 9, 0, 1);
beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(start);
});
afterEach(() => {
	vi.useRealTimers();
	db?.$client.close();
});
/** Moves the clock on by this many 30-second steps. */
const later = (steps: number) => vi.setSystemTime(Date.now() + steps * 30_000);

const password = 'throughline-demo';
const email = 'staff@example.org';

/** name=value of each cookie, as a browser would send them back (later ones win). */
function cookieHeader(setCookie: string | null, before = new Headers()): Headers {
	const jar = new Map<string, string>();
	for (const pair of (before.get('cookie') ?? '').split('; ').filter(Boolean)) {
		const [name, ...rest] = pair.split('=');
		jar.set(name, rest.join('='));
	}
	for (const c of (setCookie ?? '').split(/,(?=\s*[\w.-]+=)/)) {
		const [pair, ...attrs] = c.split(';');
		const [name, ...rest] = pair.trim().split('=');
		if (!name) continue;
		if (attrs.some((a) => /max-age=0\b/i.test(a.trim()))) jar.delete(name);
		else jar.set(name, rest.join('='));
	}
	return new Headers({ cookie: [...jar].map(([n, v]) => `${n}=${v}`).join('; ') });
}

/** The code an authenticator app shows for this otpauth:// address, now or `steps` steps away. */
function codeFor(totpURI: string, steps = 0): Promise<string> {
	const secret = new URL(totpURI).searchParams.get('secret')!;
	const otp = createOTP(base32.decode(secret), { digits: 6, period: 30 });
	return otp.hotp(Math.floor(Date.now() / 30_000) + steps);
}

async function setUp() {
	db = testDb();
	db.$client.exec(
		"insert into district (id, name, cds_code) values (1, 'A District', '01234560000000')"
	);
	await seedDemoUsers(db);
	return createAuth(db, { secret: 'x'.repeat(32), baseURL: 'http://localhost:3000' });
}

async function passwordStep(auth: Auth, address = '10.0.0.1') {
	const r = await signIn(auth, db, { email, password, address, headers: new Headers() });
	if (!r.ok) throw new Error(r.message);
	return { result: r, headers: cookieHeader(r.setCookie) };
}

async function enrol(auth: Auth) {
	const { headers } = await passwordStep(auth);
	const { totpURI } = await startTwoFactorSetup(auth, { password, headers });
	const staff = findAccountByEmail(db, email)!;
	const done = await confirmTwoFactorSetup(auth, db, staff, {
		code: await codeFor(totpURI),
		headers
	});
	return { totpURI, recoveryCodes: done.recoveryCodes, staff };
}

const actions = () =>
	db
		.select({ action: auditLog.action, note: auditLog.note })
		.from(auditLog)
		.all()
		.map((e) => e.action);

describe('two-factor sign-in', { timeout: 60_000 }, () => {
	it('is required of admin, superintendent and staff in a new district, not of the board', async () => {
		await setUp();
		expect(twoFactorRequired(db, 'staff')).toBe(true);
		expect(twoFactorRequired(db, 'admin')).toBe(true);
		expect(twoFactorRequired(db, 'board')).toBe(false);
		db.$client.exec('update district set mfa_required = 0');
		expect(twoFactorRequired(db, 'staff')).toBe(false);
	});

	it('enrols with the password and a first code, refusing a wrong one', async () => {
		const auth = await setUp();
		const { headers } = await passwordStep(auth);
		expect((await currentSession(auth, headers))?.twoFactor).toBe(false);
		await expect(
			startTwoFactorSetup(auth, { password: 'not-my-password', headers })
		).rejects.toThrow(AccountError);
		const { totpURI, secret } = await startTwoFactorSetup(auth, { password, headers });
		expect(totpURI).toMatch(/^otpauth:\/\/totp\/Throughline:staff%40example\.org\?/);
		const staff = findAccountByEmail(db, email)!;
		// The page shows the same key again after a wrong code.
		expect((await pendingSetup(auth, db, staff))?.secret).toBe(secret);
		const right = await codeFor(totpURI);
		const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
		await expect(confirmTwoFactorSetup(auth, db, staff, { code: wrong, headers })).rejects.toThrow(
			/not right/
		);
		expect((await twoFactorState(auth, db, staff.id)).enabled).toBe(false);
		const done = await confirmTwoFactorSetup(auth, db, staff, { code: right, headers });
		expect(done.recoveryCodes).toHaveLength(10);
		expect(done.recoveryCodes.join('')).not.toMatch(/[01oOlIi]/);
		expect(await twoFactorState(auth, db, staff.id)).toEqual({
			enabled: true,
			pending: false,
			recoveryCodesLeft: 10
		});
		expect((await currentSession(auth, cookieHeader(done.setCookie, headers)))?.twoFactor).toBe(
			true
		);
		expect(actions()).toContain('two-factor-failed');
		expect(actions()).toContain('two-factor-enrol');
	});

	it('asks for a code after the password; a wrong code is refused, the right one signs in', async () => {
		const auth = await setUp();
		const { totpURI } = await enrol(auth);
		later(1); // the code that confirmed the setup is used
		const { result, headers } = await passwordStep(auth, '10.0.0.2');
		expect(result).toMatchObject({ ok: true, codeDue: true });
		// No session yet, only the pending second step.
		expect(await currentSession(auth, headers)).toBeNull();
		expect(pendingSignIn(db, headers)?.email).toBe(email);

		const right = await codeFor(totpURI);
		const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
		const refused = await signInWithCode(auth, db, { code: wrong, address: '10.0.0.2', headers });
		expect(refused).toMatchObject({ ok: false, status: 400, reason: 'mismatch' });
		const ok = await signInWithCode(auth, db, { code: right, address: '10.0.0.2', headers });
		expect(ok.ok).toBe(true);
		const session = await currentSession(auth, cookieHeader(ok.ok ? ok.setCookie : null, headers));
		expect(session?.user.email).toBe(email);
		const notes = db
			.select({ note: auditLog.note })
			.from(auditLog)
			.all()
			.map((e) => e.note);
		expect(notes).toContain('wrong authenticator code from 10.0.0.2');
		expect(notes).toContain('from 10.0.0.2 with an authenticator code');
	});

	it('takes a code once: its step and the step before are refused as wrong codes and counted; a later step signs in', async () => {
		const auth = await setUp();
		const { totpURI } = await enrol(auth);
		const address = '10.0.0.3';
		const withCode = async (code: string) => {
			const { headers } = await passwordStep(auth, address);
			return signInWithCode(auth, db, { code, address, headers });
		};
		const wrong = { ok: false, status: 400, reason: 'mismatch' };

		// The code that confirmed the setup does not sign in afterwards.
		expect(await withCode(await codeFor(totpURI))).toMatchObject(wrong);
		later(2);
		const used = await codeFor(totpURI);
		expect((await withCode(used)).ok).toBe(true);
		// The same code again, within its window: refused, as is the step before it.
		expect(await withCode(used)).toMatchObject(wrong);
		expect(await withCode(await codeFor(totpURI, -1))).toMatchObject(wrong);
		// The next step is accepted (the app shows it a moment later).
		expect((await withCode(await codeFor(totpURI, 1))).ok).toBe(true);

		// The first refusal was cleared by the sign-in after it; the two after the first success
		// were cleared by the second success but remain on the person's list of failures.
		const codeFailures = db
			.select({ kind: signInFailures.kind, address: signInFailures.address })
			.from(signInFailures)
			.all();
		expect(codeFailures).toEqual([
			{ kind: 'code', address },
			{ kind: 'code', address },
			{ kind: 'code', address }
		]);
		const notes = db
			.select({ note: auditLog.note })
			.from(auditLog)
			.all()
			.map((e) => e.note);
		expect(
			notes.filter((n) => n === `authenticator code used before, from ${address}`)
		).toHaveLength(3);
	});

	it('counts reused codes toward the wait like wrong ones: the fifth answers 429', async () => {
		const auth = await setUp();
		const { totpURI } = await enrol(auth);
		later(1);
		const address = '10.0.0.4';
		const first = await passwordStep(auth, address);
		const used = await codeFor(totpURI);
		expect(
			(await signInWithCode(auth, db, { code: used, address, headers: first.headers })).ok
		).toBe(true);
		const statuses = [];
		for (let i = 0; i < 5; i++) {
			const { headers } = await passwordStep(auth, address);
			const r = await signInWithCode(auth, db, { code: used, address, headers });
			statuses.push(r.ok ? 200 : r.status);
		}
		// README: five failures are free; the fifth brings a wait (the same as wrong codes above).
		expect(statuses).toEqual([400, 400, 400, 400, 429]);
	});

	it('of two sign-ins racing with one code, one succeeds', async () => {
		const auth = await setUp();
		const { totpURI } = await enrol(auth);
		later(1);
		const one = await passwordStep(auth, '10.0.0.5');
		const two = await passwordStep(auth, '10.0.0.6');
		const code = await codeFor(totpURI);
		const results = await Promise.all([
			signInWithCode(auth, db, { code, address: '10.0.0.5', headers: one.headers }),
			signInWithCode(auth, db, { code, address: '10.0.0.6', headers: two.headers })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.reason === 'mismatch')).toHaveLength(1);
	});

	it('accepts a recovery code once, and audits its use', async () => {
		const auth = await setUp();
		const { recoveryCodes, staff } = await enrol(auth);
		const first = await passwordStep(auth);
		const ok = await signInWithCode(auth, db, {
			code: ` ${recoveryCodes[3]} `,
			address: '10.0.0.1',
			headers: first.headers
		});
		expect(ok.ok).toBe(true);
		expect(actions()).toContain('recovery-code-used');
		expect((await twoFactorState(auth, db, staff.id)).recoveryCodesLeft).toBe(9);
		const again = await passwordStep(auth);
		const reused = await signInWithCode(auth, db, {
			code: recoveryCodes[3],
			address: '10.0.0.1',
			headers: again.headers
		});
		expect(reused).toMatchObject({ ok: false, reason: 'mismatch' });
	});

	it('throttles codes like passwords: five wrong codes and this address waits', async () => {
		const auth = await setUp();
		const { totpURI } = await enrol(auth);
		const right = await codeFor(totpURI);
		const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
		const statuses = [];
		// A fresh challenge each time (better-auth allows five tries per challenge).
		for (let i = 0; i < 5; i++) {
			const { headers } = await passwordStep(auth, '10.0.0.7');
			const r = await signInWithCode(auth, db, { code: wrong, address: '10.0.0.7', headers });
			statuses.push(r.ok ? 200 : r.status);
		}
		expect(statuses).toEqual([400, 400, 400, 400, 429]);
		// Now the password step too is held back for this address…
		const held = await signIn(auth, db, {
			email,
			password,
			address: '10.0.0.7',
			headers: new Headers()
		});
		expect(held).toMatchObject({ ok: false, status: 429, reason: 'wait' });
		// …but not for the owner elsewhere.
		expect(
			(await signIn(auth, db, { email, password, address: '10.0.0.8', headers: new Headers() })).ok
		).toBe(true);
	});

	it('an administrator resets it: sessions end and the app is gone', async () => {
		const auth = await setUp();
		const { staff } = await enrol(auth);
		expect(resetTwoFactor(db, systemActor, staff.id)).toBe(true);
		expect(await twoFactorState(auth, db, staff.id)).toMatchObject({
			enabled: false,
			pending: false
		});
		expect(db.select().from(sessions).where(eq(sessions.userId, staff.id)).all()).toHaveLength(0);
		expect(actions()).toContain('two-factor-reset');
		expect(resetTwoFactor(db, systemActor, staff.id)).toBe(false);
		// The password alone signs in again; hooks then send the staff member to set up a new app.
		const { result } = await passwordStep(auth);
		expect(result).toMatchObject({ ok: true, codeDue: false });
	});
});
