import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { signInFailures } from '../db/schema/auth.ts';
import type { Db } from '../db/open.ts';

/** Five failed sign-ins for one account or from one address within 15 minutes lock it out. */
export const lockoutFailures = 5;
export const lockoutWindowMs = 15 * 60 * 1000;

/**
 * Minutes until sign-in is allowed again for this account and address, or 0 when it is allowed
 * now. Counts failures by account OR by address in the last 15 minutes.
 */
export function lockoutMinutesLeft(
	db: Db,
	email: string,
	address: string,
	now = Date.now()
): number {
	const since = new Date(now - lockoutWindowMs);
	let until = 0;
	for (const where of [
		eq(signInFailures.email, email.toLowerCase()),
		eq(signInFailures.address, address)
	]) {
		const rows = db
			.select({ at: signInFailures.at })
			.from(signInFailures)
			.where(and(where, gt(signInFailures.at, since)))
			.orderBy(sql`${signInFailures.at} desc`)
			.limit(lockoutFailures)
			.all();
		if (rows.length >= lockoutFailures) {
			// Locked until the oldest of the last five failures leaves the window.
			const oldest = rows[rows.length - 1].at.getTime();
			until = Math.max(until, oldest + lockoutWindowMs);
		}
	}
	return until > now ? Math.ceil((until - now) / 60_000) : 0;
}

export function recordSignInFailure(
	db: Db,
	email: string,
	address: string,
	now = Date.now()
): void {
	db.insert(signInFailures)
		.values({ email: email.toLowerCase(), address, at: new Date(now) })
		.run();
}

/** A successful sign-in clears the account's failures (the audit log keeps them). */
export function clearSignInFailures(db: Db, email: string): void {
	db.delete(signInFailures).where(eq(signInFailures.email, email.toLowerCase())).run();
}

/** Drops failures older than the window; called now and then so the table stays small. */
export function pruneSignInFailures(db: Db, now = Date.now()): void {
	db.delete(signInFailures)
		.where(lt(signInFailures.at, new Date(now - lockoutWindowMs)))
		.run();
}
