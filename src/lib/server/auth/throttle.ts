import { and, count, desc, eq, gt, lt } from 'drizzle-orm';
import { signInFailures } from '../db/schema/auth.ts';
import type { Db } from '../db/open.ts';

/*
 * The sign-in throttle (issue 13). It slows guessing without letting a stranger lock the owner out:
 * - per account and address: 5 failures are free (typos); after that each attempt from that address
 *   waits 1, 2, 4 … minutes after the last failure, at most 60. The owner at another address is
 *   not slowed.
 * - per address: at most 30 failures in 15 minutes, whatever the accounts (one machine guessing
 *   many accounts).
 * - per account: after 100 consecutive failures (NIST SP 800-63B §5.2.2), from anywhere, password
 *   sign-in is suspended until an administrator resets the password (which clears the count).
 * Failures are the account's since its last successful sign-in, from the last 30 days. Codes of
 * the second step count like passwords.
 */
export const pairFreeFailures = 5;
export const pairMaxDelayMinutes = 60;
export const pairWindowMs = 24 * 60 * 60 * 1000;
export const addressFailureLimit = 30;
export const addressWindowMs = 15 * 60 * 1000;
export const accountFailureCeiling = 100;
export const keepFailuresMs = 30 * 24 * 60 * 60 * 1000;

export type AttemptKind = 'password' | 'code';

export type ThrottleVerdict =
	| { allowed: true }
	| { allowed: false; reason: 'wait'; retryAfterSeconds: number }
	| { allowed: false; reason: 'suspended' };

/** Minutes to wait after the n-th consecutive failure of one account from one address. */
export function pairDelayMinutes(failures: number): number {
	if (failures < pairFreeFailures) return 0;
	return Math.min(2 ** (failures - pairFreeFailures), pairMaxDelayMinutes);
}

/** Whether an attempt for this account from this address may be checked now. */
export function throttleVerdict(
	db: Db,
	email: string,
	address: string,
	now = Date.now()
): ThrottleVerdict {
	const key = email.toLowerCase();
	const open = and(
		eq(signInFailures.email, key),
		eq(signInFailures.cleared, false),
		gt(signInFailures.at, new Date(now - keepFailuresMs))
	);
	const consecutive = db.select({ n: count() }).from(signInFailures).where(open).get()?.n ?? 0;
	if (consecutive >= accountFailureCeiling) return { allowed: false, reason: 'suspended' };

	let until = 0;
	const pair = db
		.select({ at: signInFailures.at })
		.from(signInFailures)
		.where(
			and(
				open,
				eq(signInFailures.address, address),
				gt(signInFailures.at, new Date(now - pairWindowMs))
			)
		)
		.orderBy(desc(signInFailures.at))
		.all();
	const delay = pairDelayMinutes(pair.length);
	if (delay > 0) until = pair[0].at.getTime() + delay * 60_000;

	const fromAddress = db
		.select({ at: signInFailures.at })
		.from(signInFailures)
		.where(
			and(
				eq(signInFailures.address, address),
				gt(signInFailures.at, new Date(now - addressWindowMs))
			)
		)
		.orderBy(desc(signInFailures.at))
		.limit(addressFailureLimit)
		.all();
	if (fromAddress.length >= addressFailureLimit)
		// Open again when the oldest of the last 30 leaves the window.
		until = Math.max(until, fromAddress[fromAddress.length - 1].at.getTime() + addressWindowMs);

	if (until > now)
		return { allowed: false, reason: 'wait', retryAfterSeconds: Math.ceil((until - now) / 1000) };
	return { allowed: true };
}

export type Reservation =
	| {
			allowed: true;
			id: number;
			/** The verdict if this attempt turns out wrong: what a sequence would answer next. */
			ifWrong: ThrottleVerdict;
	  }
	| Exclude<ThrottleVerdict, { allowed: true }>;

/**
 * Checks the throttle and, when allowed, records the attempt as a failure at once, in one
 * synchronous transaction: a burst of parallel guesses sees each other's rows before any slow
 * password hash runs. `succeeded` takes the row back; a failure simply keeps it.
 */
export function reserveAttempt(
	db: Db,
	email: string,
	address: string,
	kind: AttemptKind,
	now = Date.now()
): Reservation {
	return db.transaction((tx) => {
		const verdict = throttleVerdict(tx, email, address, now);
		if (!verdict.allowed) return verdict;
		const row = tx
			.insert(signInFailures)
			.values({ email: email.toLowerCase(), address, kind, at: new Date(now) })
			.returning({ id: signInFailures.id })
			.get();
		// Now and then, forget failures older than 30 days so the table stays small.
		if (row.id % 100 === 0) pruneSignInFailures(tx, now);
		return {
			allowed: true as const,
			id: row.id,
			ifWrong: throttleVerdict(tx, email, address, now)
		};
	});
}

/** A successful step: its reserved row goes, and the account's earlier failures stop counting. */
export function attemptSucceeded(db: Db, reservationId: number, email: string): void {
	db.transaction((tx) => {
		tx.delete(signInFailures).where(eq(signInFailures.id, reservationId)).run();
		clearSignInFailures(tx, email);
	});
}

/**
 * The password was right but a code is still due: the attempt is no failure, but the account's
 * earlier failures keep counting until the second step succeeds too.
 */
export function attemptPassed(db: Db, reservationId: number): void {
	db.delete(signInFailures).where(eq(signInFailures.id, reservationId)).run();
}

/** The account's failures stop counting (a successful sign-in, or a password reset). */
export function clearSignInFailures(db: Db, email: string): void {
	db.update(signInFailures)
		.set({ cleared: true })
		.where(and(eq(signInFailures.email, email.toLowerCase()), eq(signInFailures.cleared, false)))
		.run();
}

export interface RecentFailure {
	at: Date;
	address: string;
	kind: AttemptKind;
}

/** The account's failed sign-ins of the last 30 days, newest first, for its owner to see. */
export function recentFailures(db: Db, email: string, now = Date.now(), limit = 20) {
	const where = and(
		eq(signInFailures.email, email.toLowerCase()),
		gt(signInFailures.at, new Date(now - keepFailuresMs))
	);
	const rows = db
		.select({ at: signInFailures.at, address: signInFailures.address, kind: signInFailures.kind })
		.from(signInFailures)
		.where(where)
		.orderBy(desc(signInFailures.at))
		.limit(limit)
		.all() as RecentFailure[];
	const total = db.select({ n: count() }).from(signInFailures).where(where).get()?.n ?? 0;
	return { rows, total };
}

/** Drops failures older than 30 days; called now and then so the table stays small. */
export function pruneSignInFailures(db: Db, now = Date.now()): void {
	db.delete(signInFailures)
		.where(lt(signInFailures.at, new Date(now - keepFailuresMs)))
		.run();
}
