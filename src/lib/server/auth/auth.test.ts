import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { createAuth } from './auth.ts';
import { currentSession, signIn, signOut } from './signin.ts';
import {
	AccountError,
	changeOwnPassword,
	changeRole,
	createUser,
	deactivateUser,
	endAllSessions,
	findAccountByEmail,
	listAccounts,
	reactivateUser,
	resetPassword,
	seedDemoUsers
} from './users.ts';
import { passwordProblem } from './password.ts';

let db: DbFile;
afterEach(() => db?.$client.close());

const admin = { id: 'admin-1', email: 'root@example.org' };

function cookieHeader(setCookie: string | null): Headers {
	// Keep only name=value of each cookie, as a browser would send them back.
	const pairs = (setCookie ?? '')
		.split(/,(?=\s*[\w.-]+=)/)
		.map((c) => c.split(';')[0].trim())
		.filter(Boolean);
	return new Headers({ cookie: pairs.join('; ') });
}

async function signedIn(email: string, password = 'throughline-demo', address = '10.0.0.1') {
	const auth = createAuth(db, { secret: 'x'.repeat(32), baseURL: 'http://localhost:3000' });
	const result = await signIn(auth, db, { email, password, address, headers: new Headers() });
	if (!result.ok) throw new Error(result.message);
	return { auth, headers: cookieHeader(result.setCookie), setCookie: result.setCookie };
}

describe('passwords', () => {
	it('needs 12 characters and refuses the most common ones', () => {
		expect(passwordProblem('short')).toMatch(/at least 12/);
		expect(passwordProblem('qwerty123456')).toMatch(/most common/);
		expect(passwordProblem('QWERTY123456')).toMatch(/most common/);
		expect(passwordProblem('throughline-demo')).toBeNull();
		expect(passwordProblem('x'.repeat(129))).toMatch(/at most/);
	});
});

describe('accounts and sessions', { timeout: 30_000 }, () => {
	it('creates the demo accounts once, each audited, and they can sign in', async () => {
		db = testDb();
		await seedDemoUsers(db);
		await seedDemoUsers(db);
		const all = listAccounts(db);
		expect(all.map((a) => a.role).sort()).toEqual(['admin', 'board', 'staff', 'superintendent']);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'create')).all()).toHaveLength(4);
		const { auth, headers, setCookie } = await signedIn('Board@Example.org');
		expect(setCookie).toMatch(/HttpOnly/i);
		expect(setCookie).toMatch(/SameSite=Lax/i);
		expect(setCookie).not.toMatch(/Secure/i);
		const session = await currentSession(auth, headers);
		expect(session?.user).toMatchObject({
			email: 'board@example.org',
			role: 'board',
			name: 'Blair Board'
		});
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'sign-in')).all();
		expect(audit).toHaveLength(1);
	});

	it('marks the cookie Secure when served over https', async () => {
		db = testDb();
		await seedDemoUsers(db);
		const auth = createAuth(db, { secret: 'x'.repeat(32), baseURL: 'https://board.example.org' });
		const r = await signIn(auth, db, {
			email: 'staff@example.org',
			password: 'throughline-demo',
			address: 'a',
			headers: new Headers()
		});
		expect(r.ok && r.setCookie).toMatch(/Secure/);
	});

	it('refuses wrong passwords with one message; five from one address slow that address only', async () => {
		db = testDb();
		await seedDemoUsers(db);
		const auth = createAuth(db, { secret: 'x'.repeat(32) });
		const attempt = (email: string, password: string, address = '10.0.0.9') =>
			signIn(auth, db, { email, password, address, headers: new Headers() });
		const unknown = await attempt('nobody@example.org', 'whatever-password');
		const wrong = await attempt('staff@example.org', 'wrong-password-1');
		expect(unknown).toEqual(wrong);
		expect(wrong).toMatchObject({ ok: false, status: 400, reason: 'mismatch' });
		for (let i = 0; i < 3; i++) await attempt('staff@example.org', 'wrong-password-1');
		// The fifth failure from this address: from now on this address waits a minute.
		const fifth = await attempt('staff@example.org', 'wrong-password-1');
		expect(fifth).toMatchObject({ ok: false, status: 429, reason: 'wait', retryAfterSeconds: 60 });
		expect(!fifth.ok && fifth.message).toBe('Too many failed sign-ins. Try again in 1 minute.');
		const waiting = await attempt('staff@example.org', 'throughline-demo');
		expect(waiting).toMatchObject({ ok: false, status: 429, reason: 'wait' });
		// The owner, elsewhere, is not locked out by someone else's guesses.
		expect((await attempt('staff@example.org', 'throughline-demo', '10.9.9.9')).ok).toBe(true);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'sign-in-failed')).all()
		).toHaveLength(6);
	});

	it('ends a deactivated account’s sessions at once and refuses its sign-in', async () => {
		db = testDb();
		await seedDemoUsers(db);
		const { auth, headers } = await signedIn('staff@example.org');
		const staff = findAccountByEmail(db, 'staff@example.org')!;
		expect(await currentSession(auth, headers)).not.toBeNull();
		deactivateUser(db, admin, staff.id);
		expect(await currentSession(auth, headers)).toBeNull();
		const again = await signIn(auth, db, {
			email: 'staff@example.org',
			password: 'throughline-demo',
			address: 'z',
			headers: new Headers()
		});
		expect(again).toMatchObject({ ok: false, status: 400 });
		reactivateUser(db, admin, staff.id);
		expect((await signedIn('staff@example.org')).setCookie).toBeTruthy();
		const entries = db.select().from(auditLog).where(eq(auditLog.entityId, staff.id)).all();
		const deactivate = entries.find((e) => e.action === 'deactivate')!;
		expect(deactivate.before).toMatchObject({ active: true, role: 'staff' });
		expect(deactivate.after).toMatchObject({ active: false, role: 'staff' });
	});

	it('banned flag alone (set by any path) also stops the session', async () => {
		db = testDb();
		await seedDemoUsers(db);
		const { auth, headers } = await signedIn('board@example.org');
		db.$client.exec("update user set banned = 1 where email = 'board@example.org'");
		expect(await currentSession(auth, headers)).toBeNull();
	});

	it('signs out one session, or everywhere', async () => {
		db = testDb();
		await seedDemoUsers(db);
		const a = await signedIn('admin@example.org');
		const b = await signedIn('admin@example.org');
		const user = (await currentSession(a.auth, a.headers))!.user;
		await signOut(a.auth, db, user, a.headers);
		expect(await currentSession(a.auth, a.headers)).toBeNull();
		expect(await currentSession(b.auth, b.headers)).not.toBeNull();
		expect(endAllSessions(db, user.id)).toBe(1);
		expect(await currentSession(b.auth, b.headers)).toBeNull();
	});

	it('changes roles with one audit entry, and keeps the last administrator', async () => {
		db = testDb();
		const [root] = await seedDemoUsers(db);
		const staff = findAccountByEmail(db, 'staff@example.org')!;
		changeRole(db, admin, staff.id, 'superintendent');
		const entries = db.select().from(auditLog).where(eq(auditLog.action, 'role-change')).all();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			userEmail: admin.email,
			entityId: staff.id,
			before: { role: 'staff' },
			after: { role: 'superintendent' }
		});
		expect(() => changeRole(db, admin, root.id, 'board')).toThrow(AccountError);
		expect(() => deactivateUser(db, { id: root.id, email: root.email }, root.id)).toThrow(
			/your own/
		);
	});

	it('refuses a duplicate e-mail and a weak password without writing anything', async () => {
		db = testDb();
		await seedDemoUsers(db);
		await expect(
			createUser(db, {
				email: 'STAFF@example.org',
				role: 'staff',
				password: 'a-long-enough-password'
			})
		).rejects.toThrow(/already exists/);
		await expect(
			createUser(db, { email: 'new@example.org', role: 'staff', password: 'password1234' })
		).rejects.toThrow(/most common/);
		expect(listAccounts(db)).toHaveLength(4);
		expect(listAccounts(db, 'SUPER').map((a) => a.email)).toEqual(['superintendent@example.org']);
	});

	it('changes and resets passwords', async () => {
		db = testDb();
		await seedDemoUsers(db);
		const a = await signedIn('board@example.org');
		const b = await signedIn('board@example.org');
		const me = (await currentSession(a.auth, a.headers))!;
		await expect(
			changeOwnPassword(db, me.user, 'nope', 'a-new-board-password', me.sessionId)
		).rejects.toThrow(/current password/);
		await changeOwnPassword(db, me.user, 'throughline-demo', 'a-new-board-password', me.sessionId);
		expect(await currentSession(a.auth, a.headers)).not.toBeNull();
		expect(await currentSession(b.auth, b.headers)).toBeNull();
		await signedIn('board@example.org', 'a-new-board-password');
		await resetPassword(db, admin, me.user.id, 'reset-by-the-admin');
		expect(await currentSession(a.auth, a.headers)).toBeNull();
		await signedIn('board@example.org', 'reset-by-the-admin');
	});
});
