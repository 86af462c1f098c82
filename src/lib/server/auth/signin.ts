import { and, eq, gt } from 'drizzle-orm';
import { isAPIError } from 'better-auth/api';
import type { Db } from '../db/open.ts';
import { users, verifications } from '../db/schema/auth.ts';
import type { Auth } from './auth.ts';
import {
	attemptPassed,
	attemptSucceeded,
	reserveAttempt,
	type ThrottleVerdict
} from './throttle.ts';
import { findAccountByEmail, isRole, normalizeEmail } from './users.ts';
import { claimStep, stepOfCode } from './totp-step.ts';
import { passwordChecks } from './hash-queue.ts';
import type { SessionUser } from './guard.ts';
import { recordEvent, write } from '../audit/write.ts';

export const genericFailure = 'That e-mail and password do not match an active account.';
export const wrongCode =
	'That code is not right. Enter the current code from your app, or a recovery code.';
export const codeExpired = 'That sign-in has expired. Enter your e-mail and password again.';
export const suspendedMessage =
	'Sign-in to this account is suspended after 100 failed attempts in a row. An administrator can reset its password.';

export function waitMessage(seconds: number): string {
	const minutes = Math.max(1, Math.ceil(seconds / 60));
	return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * The Retry-After of a 429 (RFC 6585): the wait, or for a suspended account an hour, since that
 * lasts until an administrator resets the password; null for a refusal that is not a 429.
 */
export function retryAfter(r: SignInRefusal): string | null {
	if (r.reason === 'wait') return String(r.retryAfterSeconds);
	if (r.reason === 'suspended') return '3600';
	return null;
}

/** Why a sign-in step was refused, as data: the page words it in the reader's language. */
export type SignInRefusal =
	| { ok: false; status: 400; reason: 'mismatch'; message: string }
	| { ok: false; status: 400; reason: 'expired'; message: string }
	| { ok: false; status: 429; reason: 'wait'; retryAfterSeconds: number; message: string }
	| { ok: false; status: 429; reason: 'suspended'; message: string };

export type SignInResult =
	| { ok: true; codeDue: false; setCookie: string | null; userId: string }
	/** The password was right; the two-factor cookie in setCookie leads to the code page. */
	| { ok: true; codeDue: true; setCookie: string | null; userId: string }
	| SignInRefusal;

function refusal(verdict: Exclude<ThrottleVerdict, { allowed: true }>): SignInRefusal {
	return verdict.reason === 'suspended'
		? { ok: false, status: 429, reason: 'suspended', message: suspendedMessage }
		: {
				ok: false,
				status: 429,
				reason: 'wait',
				retryAfterSeconds: verdict.retryAfterSeconds,
				message: waitMessage(verdict.retryAfterSeconds)
			};
}

/**
 * After a failure: the wait that this failure brought, or the plain refusal. Taken from the
 * reservation, so an attempt of a burst answers as it would have in a sequence.
 */
function afterFailure(ifWrong: ThrottleVerdict, plain: SignInRefusal): SignInRefusal {
	return ifWrong.allowed ? plain : refusal(ifWrong);
}

function auditFailure(db: Db, email: string, userId: string | null, note: string): void {
	recordEvent(
		db,
		{ id: userId, email },
		{ action: 'sign-in-failed', entity: 'session', entityId: userId, note }
	);
}

/**
 * Signs in with e-mail and password. The attempt is counted (reserved) before the slow password
 * hash, so 40 parallel guesses get the same answers as 40 in a row (throttle.ts). Every success
 * and failure is audited, and every failure gets one message. When the account has an
 * authenticator app the answer is `codeDue`, with the cookie for the code step.
 */
export async function signIn(
	auth: Auth,
	db: Db,
	input: { email: string; password: string; address: string; headers: Headers }
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	const reserved = reserveAttempt(db, email, input.address, 'password');
	if (!reserved.allowed) return refusal(reserved);

	let outcome: { headers: Headers; response: unknown };
	try {
		// The hash waits its turn (hash-queue.ts), so a burst cannot hold up every other answer.
		outcome = await passwordChecks(() =>
			auth.api.signInEmail({
				body: { email, password: input.password, rememberMe: true },
				headers: input.headers,
				returnHeaders: true
			})
		);
	} catch (e) {
		if (!isAPIError(e)) {
			attemptPassed(db, reserved.id); // our fault, not a guess
			throw e;
		}
		const code = (e.body as { code?: string } | undefined)?.code ?? e.status;
		const account = findAccountByEmail(db, email);
		auditFailure(
			db,
			email,
			account?.id ?? null,
			`${code === 'BANNED_USER' ? 'deactivated account' : 'wrong e-mail or password'} from ${input.address}`
		);
		return afterFailure(reserved.ifWrong, {
			ok: false,
			status: 400,
			reason: 'mismatch',
			message: genericFailure
		});
	}
	const response = outcome.response as { twoFactorRedirect?: boolean; user?: { id: string } };
	const setCookie = outcome.headers.get('set-cookie');
	if (response.twoFactorRedirect) {
		// Earlier failures keep counting until the code is right too.
		attemptPassed(db, reserved.id);
		const account = findAccountByEmail(db, email)!;
		return { ok: true, codeDue: true, setCookie, userId: account.id };
	}
	const userId = response.user!.id;
	write(db, { id: userId, email }, ({ tx, audit }) => {
		attemptSucceeded(tx, reserved.id, email);
		audit({
			action: 'sign-in',
			entity: 'session',
			entityId: userId,
			note: `from ${input.address}`
		});
	});
	return { ok: true, codeDue: false, setCookie, userId };
}

const twoFactorCookie = /(?:^|;\s*)(?:__Secure-)?throughline\.two_factor=([^;]+)/;

/**
 * Who is between password and code: the account behind the two-factor cookie, while its
 * challenge (10 minutes) lasts. The cookie's value is a random identifier, signed.
 */
export function pendingSignIn(
	db: Db,
	headers: Headers,
	now = Date.now()
): { userId: string; email: string } | null {
	const raw = headers.get('cookie')?.match(twoFactorCookie)?.[1];
	if (!raw) return null;
	let value: string;
	try {
		value = decodeURIComponent(raw);
	} catch {
		return null;
	}
	const identifier = value.slice(0, value.lastIndexOf('.'));
	if (!identifier.startsWith('2fa-')) return null;
	return (
		db
			.select({ userId: users.id, email: users.email })
			.from(verifications)
			.innerJoin(users, eq(users.id, verifications.value))
			.where(
				and(eq(verifications.identifier, identifier), gt(verifications.expiresAt, new Date(now)))
			)
			.get() ?? null
	);
}

/** A recovery code looks like `k7m2p-x9dqa` (older ones `AbCd3-eFgH5`); an authenticator code is six digits. */
export function isRecoveryCode(code: string): boolean {
	return !/^\d{6}$/.test(code);
}

/**
 * The second step: an authenticator code or a recovery code (used up). Throttled and audited
 * like passwords; a recovery code's use is audited on its own too.
 */
export async function signInWithCode(
	auth: Auth,
	db: Db,
	input: { code: string; address: string; headers: Headers }
): Promise<Exclude<SignInResult, { codeDue: true }>> {
	const pending = pendingSignIn(db, input.headers);
	if (!pending) return { ok: false, status: 400, reason: 'expired', message: codeExpired };
	const { userId, email } = pending;
	const reserved = reserveAttempt(db, email, input.address, 'code');
	if (!reserved.allowed) return refusal(reserved);

	const code = input.code.replace(/\s+/g, '');
	const recovery = isRecoveryCode(code);
	const mismatch: SignInRefusal = {
		ok: false,
		status: 400,
		reason: 'mismatch',
		message: wrongCode
	};
	if (!recovery) {
		// A code counts once: one of a step already used (or earlier) is a wrong code (totp-step.ts).
		const step = await stepOfCode(auth, db, userId, code);
		if (step !== null && !claimStep(db, userId, step)) {
			auditFailure(db, email, userId, `authenticator code used before, from ${input.address}`);
			return afterFailure(reserved.ifWrong, mismatch);
		}
	}
	let setCookie: string | null;
	try {
		const { headers } = recovery
			? await auth.api.verifyBackupCode({
					body: { code },
					headers: input.headers,
					returnHeaders: true
				})
			: await auth.api.verifyTOTP({ body: { code }, headers: input.headers, returnHeaders: true });
		setCookie = headers.get('set-cookie');
	} catch (e) {
		if (!isAPIError(e)) {
			attemptPassed(db, reserved.id);
			throw e;
		}
		const why = (e.body as { code?: string } | undefined)?.code;
		auditFailure(
			db,
			email,
			userId,
			`wrong ${recovery ? 'recovery' : 'authenticator'} code from ${input.address}`
		);
		if (why === 'ACCOUNT_TEMPORARILY_LOCKED')
			return refusal({ allowed: false, reason: 'wait', retryAfterSeconds: 15 * 60 });
		if (why === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE' || why === 'INVALID_TWO_FACTOR_COOKIE')
			return { ok: false, status: 400, reason: 'expired', message: codeExpired };
		return afterFailure(reserved.ifWrong, mismatch);
	}
	write(db, { id: userId, email }, ({ tx, audit }) => {
		attemptSucceeded(tx, reserved.id, email);
		if (recovery)
			audit({
				action: 'recovery-code-used',
				entity: 'user',
				entityId: userId,
				note: `from ${input.address}`
			});
		audit({
			action: 'sign-in',
			entity: 'session',
			entityId: userId,
			note: `from ${input.address} with ${recovery ? 'a recovery code' : 'an authenticator code'}`
		});
	});
	return { ok: true, codeDue: false, setCookie, userId };
}

export interface CurrentSession {
	user: SessionUser;
	sessionId: string;
	/** Whether the account has a confirmed authenticator app. */
	twoFactor: boolean;
	/** Set-Cookie to pass on when the library refreshed the session (once a day). */
	setCookie: string | null;
}

/**
 * The signed-in user for a request's cookies, read from the database on every request (no cookie
 * cache), so a deactivated account or an ended session stops working at once.
 */
export async function currentSession(auth: Auth, headers: Headers): Promise<CurrentSession | null> {
	// No session cookie, no session: spare the public's requests a trip through better-auth.
	if (!headers.get('cookie')?.includes('.session_token=')) return null;
	const { headers: out, response } = await auth.api.getSession({ headers, returnHeaders: true });
	if (!response) return null;
	const u = response.user as typeof response.user & {
		role?: string | null;
		banned?: boolean | null;
		twoFactorEnabled?: boolean | null;
	};
	if (u.banned || !isRole(u.role)) return null;
	return {
		user: { id: u.id, email: u.email, name: u.name, role: u.role },
		sessionId: response.session.id,
		twoFactor: u.twoFactorEnabled === true,
		setCookie: out.get('set-cookie')
	};
}

/** Ends the request's session; returns the Set-Cookie that clears the cookie. */
export async function signOut(
	auth: Auth,
	db: Db,
	user: SessionUser | null,
	headers: Headers
): Promise<string | null> {
	const { headers: out } = await auth.api.signOut({ headers, returnHeaders: true });
	if (user)
		recordEvent(
			db,
			{ id: user.id, email: user.email },
			{ action: 'sign-out', entity: 'session', entityId: user.id }
		);
	return out.get('set-cookie');
}
