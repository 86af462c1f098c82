import { and, asc, count, eq, ne, or, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { randomUUID } from 'node:crypto';
import { accounts, sessions, users } from '../db/schema/auth.ts';
import type { Db } from '../db/open.ts';
import { systemActor, type Actor } from '../audit/index.ts';
import { passwordProblem } from './password.ts';
import { clearSignInFailures } from './throttle.ts';
import { write } from '../audit/write.ts';
import { roles, type Role } from '../../choices.ts';

/** A change refused for a reason the person can act on; `field` names the form field at fault. */
export class AccountError extends Error {
	field: string | undefined;
	constructor(message: string, field?: string) {
		super(message);
		this.name = 'AccountError';
		this.field = field;
	}
}

export interface Account {
	id: string;
	email: string;
	name: string;
	role: Role;
	active: boolean;
	createdAt: string;
}

/** What the audit trail keeps of an account: never a password or its hash. */
function snapshot(a: Account) {
	return { email: a.email, name: a.name, role: a.role, active: a.active };
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

const accountColumns = {
	id: users.id,
	email: users.email,
	name: users.name,
	role: users.role,
	banned: users.banned,
	createdAt: users.createdAt
};

type AccountRow = {
	id: string;
	email: string;
	name: string;
	role: string | null;
	banned: boolean | null;
	createdAt: Date;
};

function toAccount(r: AccountRow): Account {
	return {
		id: r.id,
		email: r.email,
		name: r.name,
		role: isRole(r.role) ? r.role : 'board',
		active: !r.banned,
		createdAt: r.createdAt.toISOString()
	};
}

export function findAccount(db: Db, id: string): Account | undefined {
	const row = db.select(accountColumns).from(users).where(eq(users.id, id)).get();
	return row ? toAccount(row) : undefined;
}

export function findAccountByEmail(db: Db, email: string): Account | undefined {
	const row = db
		.select(accountColumns)
		.from(users)
		.where(eq(users.email, normalizeEmail(email)))
		.get();
	return row ? toAccount(row) : undefined;
}

/** Accounts by name, optionally those whose name or e-mail contains `search`. */
export function listAccounts(db: Db, search = ''): Account[] {
	const q = search.trim();
	const where = q
		? or(
				sql`instr(lower(${users.name}), lower(${q})) > 0`,
				sql`instr(${users.email}, lower(${q})) > 0`
			)
		: undefined;
	return db
		.select(accountColumns)
		.from(users)
		.where(where)
		.orderBy(asc(sql`lower(${users.name})`), asc(users.email))
		.all()
		.map(toAccount);
}

export interface NewAccount {
	email: string;
	name?: string;
	role: Role;
	password: string;
	/** Normally generated; the demo gives its accounts readable ids (demo-admin, …). */
	id?: string;
}

/**
 * Creates an account with a password (hashed with scrypt by better-auth's hasher) and records it.
 * Throws AccountError when the e-mail is taken or the password is refused.
 */
export async function createUser(
	db: Db,
	input: NewAccount,
	actor: Actor = systemActor,
	/** A hash of input.password already computed (the demo seed hashes its one password once). */
	knownHash?: string
): Promise<Account> {
	const email = normalizeEmail(input.email);
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
		throw new AccountError('Enter a valid e-mail address.', 'email');
	if (!isRole(input.role)) throw new AccountError(`Choose a role: ${roles.join(', ')}.`, 'role');
	const problem = passwordProblem(input.password);
	if (problem) throw new AccountError(problem, 'password');
	if (findAccountByEmail(db, email))
		throw new AccountError('An account with this e-mail already exists.', 'email');
	const name = input.name?.trim() || email.split('@')[0];
	const hash = knownHash ?? (await hashPassword(input.password));
	const id = input.id ?? randomUUID();
	const now = new Date();
	return write(db, actor, ({ tx, audit }) => {
		tx.insert(users)
			.values({
				id,
				email,
				name,
				role: input.role,
				emailVerified: true,
				banned: false,
				createdAt: now,
				updatedAt: now
			})
			.run();
		tx.insert(accounts)
			.values({
				id: randomUUID(),
				accountId: id,
				providerId: 'credential',
				userId: id,
				password: hash,
				createdAt: now,
				updatedAt: now
			})
			.run();
		const account = findAccount(tx, id)!;
		audit({
			action: 'create',
			entity: 'user',
			entityId: id,
			after: snapshot(account)
		});
		return account;
	});
}

export const demoPassword = 'throughline-demo';

/** The demo district's four accounts, one per role, all with the password `throughline-demo`. */
export async function seedDemoUsers(db: Db): Promise<Account[]> {
	const people: { role: Role; name: string }[] = [
		{ role: 'admin', name: 'Alex Admin' },
		{ role: 'superintendent', name: 'Sam Superintendent' },
		{ role: 'staff', name: 'Taylor Staff' },
		{ role: 'board', name: 'Blair Board' }
	];
	const created: Account[] = [];
	// scrypt is deliberately slow: hash the one shared demo password once.
	const hash = await hashPassword(demoPassword);
	for (const p of people) {
		const email = `${p.role}@example.org`;
		created.push(
			findAccountByEmail(db, email) ??
				(await createUser(
					db,
					{ id: `demo-${p.role}`, email, name: p.name, role: p.role, password: demoPassword },
					systemActor,
					hash
				))
		);
	}
	return created;
}

function activeAdminCount(db: Db, exceptId: string): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.banned, false), ne(users.id, exceptId)))
		.get()!.n;
}

function mustFind(db: Db, id: string): Account {
	const account = findAccount(db, id);
	if (!account) throw new AccountError('No such account.');
	return account;
}

/** Changes an account's role. The last active administrator keeps the role. */
export function changeRole(db: Db, actor: Actor, id: string, role: Role): Account {
	if (!isRole(role)) throw new AccountError(`Choose a role: ${roles.join(', ')}.`, 'role');
	return write(db, actor, ({ tx: t, audit }) => {
		const before = mustFind(t, id);
		if (before.role === role) return before;
		if (before.role === 'admin' && before.active && activeAdminCount(t, id) === 0)
			throw new AccountError(
				'This is the last active administrator: make another one first.',
				'role'
			);
		t.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id)).run();
		const after = mustFind(t, id);
		audit({
			action: 'role-change',
			entity: 'user',
			entityId: id,
			before: snapshot(before),
			after: snapshot(after)
		});
		return after;
	});
}

/** Deactivates an account: it can no longer sign in, and its sessions end at once. */
export function deactivateUser(db: Db, actor: Actor, id: string): Account {
	return write(db, actor, ({ tx: t, audit }) => {
		const before = mustFind(t, id);
		if (!before.active) return before;
		if (actor.id === id) throw new AccountError('You cannot deactivate your own account.');
		if (before.role === 'admin' && activeAdminCount(t, id) === 0)
			throw new AccountError('This is the last active administrator: make another one first.');
		t.update(users)
			.set({ banned: true, banReason: 'deactivated', updatedAt: new Date() })
			.where(eq(users.id, id))
			.run();
		t.delete(sessions).where(eq(sessions.userId, id)).run();
		const after = mustFind(t, id);
		audit({
			action: 'deactivate',
			entity: 'user',
			entityId: id,
			before: snapshot(before),
			after: snapshot(after)
		});
		return after;
	});
}

export function reactivateUser(db: Db, actor: Actor, id: string): Account {
	return write(db, actor, ({ tx: t, audit }) => {
		const before = mustFind(t, id);
		if (before.active) return before;
		t.update(users)
			.set({ banned: false, banReason: null, banExpires: null, updatedAt: new Date() })
			.where(eq(users.id, id))
			.run();
		const after = mustFind(t, id);
		audit({
			action: 'reactivate',
			entity: 'user',
			entityId: id,
			before: snapshot(before),
			after: snapshot(after)
		});
		return after;
	});
}

/** An administrator sets a new password; the account's sessions end and its failures clear. */
export async function resetPassword(
	db: Db,
	actor: Actor,
	id: string,
	password: string
): Promise<void> {
	const problem = passwordProblem(password);
	if (problem) throw new AccountError(problem, 'password');
	mustFind(db, id);
	const hash = await hashPassword(password);
	write(db, actor, ({ tx: t, audit }) => {
		const account = mustFind(t, id);
		setPasswordHash(t, id, hash);
		t.delete(sessions).where(eq(sessions.userId, id)).run();
		// A new password lifts the throttle's suspension after 100 failures (throttle.ts).
		clearSignInFailures(t, account.email);
		audit({
			action: 'password-reset',
			entity: 'user',
			entityId: id,
			note: `Password reset for ${account.email}; sessions ended; failed sign-ins cleared.`
		});
	});
}

function setPasswordHash(db: Db, userId: string, hash: string): void {
	const now = new Date();
	const existing = db
		.select({ id: accounts.id })
		.from(accounts)
		.where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
		.get();
	if (existing)
		db.update(accounts)
			.set({ password: hash, updatedAt: now })
			.where(eq(accounts.id, existing.id))
			.run();
	else
		db.insert(accounts)
			.values({
				id: randomUUID(),
				accountId: userId,
				providerId: 'credential',
				userId,
				password: hash,
				createdAt: now,
				updatedAt: now
			})
			.run();
}

/**
 * A person changes their own password: the current one must match. Their other sessions end; the
 * one they are using (keepSessionId) stays.
 */
export async function changeOwnPassword(
	db: Db,
	actor: Actor & { id: string },
	current: string,
	next: string,
	keepSessionId: string | null
): Promise<void> {
	const row = db
		.select({ password: accounts.password })
		.from(accounts)
		.where(and(eq(accounts.userId, actor.id), eq(accounts.providerId, 'credential')))
		.get();
	if (!row?.password || !(await verifyPassword({ hash: row.password, password: current })))
		throw new AccountError('The current password is not right.', 'current');
	const problem = passwordProblem(next);
	if (problem) throw new AccountError(problem, 'password');
	if (next === current)
		throw new AccountError('Choose a password different from the current one.', 'password');
	const hash = await hashPassword(next);
	write(db, actor, ({ tx: t, audit }) => {
		setPasswordHash(t, actor.id, hash);
		t.delete(sessions)
			.where(
				keepSessionId
					? and(eq(sessions.userId, actor.id), ne(sessions.id, keepSessionId))
					: eq(sessions.userId, actor.id)
			)
			.run();
		audit({
			action: 'password-change',
			entity: 'user',
			entityId: actor.id,
			note: 'Other sessions ended.'
		});
	});
}

/** Ends every session of an account ("sign out everywhere"). Returns how many ended. */
export function endAllSessions(db: Db, userId: string): number {
	return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** A person signs out everywhere: every one of their sessions ends, and the trail says how many. */
export function signOutEverywhere(db: Db, actor: Actor & { id: string }): number {
	return write(db, actor, ({ tx, audit }) => {
		const ended = endAllSessions(tx, actor.id);
		audit({
			action: 'sign-out',
			entity: 'session',
			entityId: actor.id,
			note: `Signed out everywhere (${ended} session${ended === 1 ? '' : 's'} ended).`
		});
		return ended;
	});
}

/** How many sessions an account has open (the account page offers to end them). */
export function openSessionCount(db: Db, userId: string): number {
	return db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()!.n;
}
