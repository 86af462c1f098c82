import { isAPIError } from 'better-auth/api';
import type { Db } from '../db/open.ts';
import { recordAudit } from '../audit/index.ts';
import type { Auth } from './auth.ts';
import { clearSignInFailures, lockoutMinutesLeft, recordSignInFailure } from './lockout.ts';
import { findAccountByEmail, isRole, normalizeEmail } from './users.ts';
import type { SessionUser } from './guard.ts';

export const genericFailure = 'That e-mail and password do not match an active account.';

export function lockoutMessage(minutes: number): string {
	return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export type SignInResult =
	| { ok: true; setCookie: string | null; userId: string }
	| { ok: false; status: 400 | 429; message: string };

/**
 * Signs in with e-mail and password: refuses while the account or the address is locked out,
 * records every success and failure in the audit trail, and answers failures with one message.
 */
export async function signIn(
	auth: Auth,
	db: Db,
	input: { email: string; password: string; address: string; headers: Headers }
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	const locked = lockoutMinutesLeft(db, email, input.address);
	if (locked > 0) return { ok: false, status: 429, message: lockoutMessage(locked) };

	const fail = (reason: string): SignInResult => {
		const account = findAccountByEmail(db, email);
		db.transaction((tx) => {
			recordSignInFailure(tx as unknown as Db, email, input.address);
			recordAudit(
				tx as unknown as Db,
				{ id: account?.id ?? null, email },
				{
					action: 'sign-in-failed',
					entity: 'session',
					entityId: account?.id ?? null,
					note: `${reason} from ${input.address}`
				}
			);
		});
		const nowLocked = lockoutMinutesLeft(db, email, input.address);
		if (nowLocked > 0) return { ok: false, status: 429, message: lockoutMessage(nowLocked) };
		return { ok: false, status: 400, message: genericFailure };
	};

	try {
		const { headers, response } = await auth.api.signInEmail({
			body: { email, password: input.password, rememberMe: true },
			headers: input.headers,
			returnHeaders: true
		});
		db.transaction((tx) => {
			clearSignInFailures(tx as unknown as Db, email);
			recordAudit(
				tx as unknown as Db,
				{ id: response.user.id, email },
				{
					action: 'sign-in',
					entity: 'session',
					entityId: response.user.id,
					note: `from ${input.address}`
				}
			);
		});
		return { ok: true, setCookie: headers.get('set-cookie'), userId: response.user.id };
	} catch (e) {
		if (isAPIError(e)) {
			const code = (e.body as { code?: string } | undefined)?.code ?? e.status;
			return fail(code === 'BANNED_USER' ? 'deactivated account' : 'wrong e-mail or password');
		}
		throw e;
	}
}

export interface CurrentSession {
	user: SessionUser;
	sessionId: string;
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
	};
	if (u.banned || !isRole(u.role)) return null;
	return {
		user: { id: u.id, email: u.email, name: u.name, role: u.role },
		sessionId: response.session.id,
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
		recordAudit(
			db,
			{ id: user.id, email: user.email },
			{ action: 'sign-out', entity: 'session', entityId: user.id }
		);
	return out.get('set-cookie');
}
