import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { symmetricDecrypt } from 'better-auth/crypto';
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { twoFactors } from '../db/schema/auth.ts';
import type { Db } from '../db/open.ts';
import type { Auth } from './auth.ts';

/*
 * A code counts once (RFC 6238 §5.2): better-auth accepts the code of the current 30-second step
 * and of one step either side, and remembers none. We remember the step of the last code accepted
 * for each person's app and refuse a code of that step or an earlier one, so a code seen over a
 * shoulder, on a shared screen or in a proxy's log cannot sign in again.
 */
export const totpPeriodMs = 30_000;

/** RFC 6238's time step T of a moment. */
export function timeStep(now = Date.now()): number {
	return Math.floor(now / totpPeriodMs);
}

const base32Prefix = 'base32:'; // better-auth's mark of a secret kept in base32

/**
 * The time step an authenticator code belongs to among those better-auth accepts now (one step
 * either side), the latest when several match; null when none does or the person has no app.
 */
export async function stepOfCode(
	auth: Auth,
	db: Db,
	userId: string,
	code: string,
	now = Date.now()
): Promise<number | null> {
	const row = db
		.select({ secret: twoFactors.secret })
		.from(twoFactors)
		.where(eq(twoFactors.userId, userId))
		.get();
	if (!row || !/^\d{6}$/.test(code)) return null;
	const context = await auth.$context;
	const decrypted = await symmetricDecrypt({ key: context.secretConfig, data: row.secret });
	const secret = decrypted.startsWith(base32Prefix)
		? base32.decode(decrypted.slice(base32Prefix.length).toUpperCase())
		: decrypted;
	const otp = createOTP(secret, { digits: 6, period: totpPeriodMs / 1000 });
	const step = timeStep(now);
	let found: number | null = null;
	for (const s of [step - 1, step, step + 1])
		if (timingSafeEqual(Buffer.from(await otp.hotp(s)), Buffer.from(code))) found = s;
	return found;
}

/**
 * Takes a step for this person's app: true when it is later than the last one taken, which it
 * becomes; false for a step already used or an earlier one. One statement, so of two requests
 * racing with the same code only one wins.
 */
export function claimStep(db: Db, userId: string, step: number): boolean {
	const { changes } = db
		.update(twoFactors)
		.set({ lastUsedStep: step })
		.where(
			and(
				eq(twoFactors.userId, userId),
				or(isNull(twoFactors.lastUsedStep), lt(twoFactors.lastUsedStep, step))
			)
		)
		.run();
	return changes > 0;
}
