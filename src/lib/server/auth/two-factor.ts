import { asc, eq } from 'drizzle-orm';
import { isAPIError } from 'better-auth/api';
import { symmetricDecrypt } from 'better-auth/crypto';
import { createOTP } from '@better-auth/utils/otp';
import QRCode from 'qrcode';
import { sessions, twoFactors, users } from '../db/schema/auth.ts';
import { district } from '../db/schema/district.ts';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import type { Auth } from './auth.ts';
import { AccountError } from './users.ts';
import { recordEvent, write } from '../audit/write.ts';
import { claimStep, stepOfCode } from './totp-step.ts';
import { type Role } from '../../choices.ts';

/** The roles that change the district's records: a second factor is required of them (ASVS L2). */
export const twoFactorRoles: readonly Role[] = ['admin', 'superintendent', 'staff'];

/**
 * Whether this role must sign in with an authenticator app: the district's setting (on unless an
 * administrator turned it off; the demo district turns it off, see demo/), for the editing roles.
 */
export function twoFactorRequired(db: Db, role: Role): boolean {
	if (!twoFactorRoles.includes(role)) return false;
	const row = db
		.select({ required: district.mfaRequired })
		.from(district)
		.orderBy(asc(district.id))
		.limit(1)
		.get();
	return row?.required ?? true;
}

export interface TwoFactorState {
	/** A confirmed authenticator app. */
	enabled: boolean;
	/** Set up but not yet confirmed with a first code. */
	pending: boolean;
	recoveryCodesLeft: number | null;
}

export async function twoFactorState(auth: Auth, db: Db, userId: string): Promise<TwoFactorState> {
	const user = db
		.select({ enabled: users.twoFactorEnabled })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	const row = db
		.select({ verified: twoFactors.verified })
		.from(twoFactors)
		.where(eq(twoFactors.userId, userId))
		.get();
	const enabled = !!user?.enabled && !!row && row.verified !== false;
	let recoveryCodesLeft: number | null = null;
	if (enabled) {
		const codes = await auth.api.viewBackupCodes({ body: { userId } });
		recoveryCodesLeft = codes.backupCodes.length;
	}
	return { enabled, pending: !!row && row.verified === false, recoveryCodesLeft };
}

function apiCode(e: unknown): string | undefined {
	return isAPIError(e) ? (e.body as { code?: string } | undefined)?.code : undefined;
}

const wrongPassword = () => new AccountError('Your password is not right.', 'password');

/**
 * Step 1 of setting up: checks the password and creates an unconfirmed secret. Returns the
 * otpauth:// address (the QR code's content) and the secret to type in by hand.
 */
export async function startTwoFactorSetup(
	auth: Auth,
	input: { password: string; headers: Headers }
): Promise<{ totpURI: string; secret: string }> {
	try {
		const r = await auth.api.enableTwoFactor({
			body: { password: input.password },
			headers: input.headers
		});
		if (r.method !== 'totp' || !r.totpURI) throw new Error('No authenticator secret was made.');
		return { totpURI: r.totpURI, secret: secretOf(r.totpURI) };
	} catch (e) {
		const code = apiCode(e);
		if (code === 'INVALID_PASSWORD') throw wrongPassword();
		if (code === 'TOTP_ALREADY_ENABLED')
			throw new AccountError('An authenticator app is already set up.', 'password');
		throw e;
	}
}

export function secretOf(totpURI: string): string {
	return new URL(totpURI).searchParams.get('secret') ?? '';
}

/** The otpauth:// address of a setup not yet confirmed, to show it again after a wrong code. */
export async function pendingSetup(
	auth: Auth,
	db: Db,
	user: { id: string; email: string }
): Promise<{ totpURI: string; secret: string } | null> {
	const row = db
		.select({ secret: twoFactors.secret, verified: twoFactors.verified })
		.from(twoFactors)
		.where(eq(twoFactors.userId, user.id))
		.get();
	if (!row || row.verified !== false) return null;
	const context = await auth.$context;
	const raw = await symmetricDecrypt({ key: context.secretConfig, data: row.secret });
	// The same address better-auth gives (createOTP(...).url), built from the stored secret.
	const totpURI = createOTP(raw, { digits: 6, period: 30 }).url('Throughline', user.email);
	return { totpURI, secret: secretOf(totpURI) };
}

/**
 * Step 2: the first code from the app confirms the setup. Returns the Set-Cookie of the new session
 * (better-auth starts a fresh one) and the ten recovery codes, shown once.
 */
export async function confirmTwoFactorSetup(
	auth: Auth,
	db: Db,
	actor: Actor & { id: string },
	input: { code: string; headers: Headers }
): Promise<{ setCookie: string | null; recoveryCodes: string[] }> {
	const code = input.code.replace(/\s+/g, '');
	const step = await stepOfCode(auth, db, actor.id, code);
	let setCookie: string | null;
	try {
		const { headers } = await auth.api.verifyTOTP({
			body: { code },
			headers: input.headers,
			returnHeaders: true
		});
		setCookie = headers.get('set-cookie');
	} catch (e) {
		if (apiCode(e) === 'INVALID_CODE') {
			recordEvent(db, actor, {
				action: 'two-factor-failed',
				entity: 'user',
				entityId: actor.id,
				note: 'Wrong code while setting up an authenticator app.'
			});
			throw new AccountError(
				'That code is not right. Enter the six digits your app shows now.',
				'code'
			);
		}
		if (apiCode(e) === 'TOTP_NOT_ENABLED')
			throw new AccountError('Start the setup again: it was not found.', 'code');
		throw e;
	}
	// The first code is used too: it cannot sign in afterwards (totp-step.ts).
	if (step !== null) claimStep(db, actor.id, step);
	recordEvent(db, actor, {
		action: 'two-factor-enrol',
		entity: 'user',
		entityId: actor.id,
		note: 'Authenticator app set up; ten recovery codes issued.'
	});
	const codes = await auth.api.viewBackupCodes({ body: { userId: actor.id } });
	return { setCookie, recoveryCodes: codes.backupCodes };
}

/** The setup address as a QR code (SVG) for the phone's camera. */
export function qrSvg(totpURI: string): Promise<string> {
	return QRCode.toString(totpURI, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** Ten new recovery codes (the old ones stop working); needs the password. */
export async function newRecoveryCodes(
	auth: Auth,
	db: Db,
	actor: Actor & { id: string },
	input: { password: string; headers: Headers }
): Promise<string[]> {
	try {
		const r = await auth.api.generateBackupCodes({
			body: { password: input.password },
			headers: input.headers
		});
		recordEvent(db, actor, {
			action: 'recovery-codes-new',
			entity: 'user',
			entityId: actor.id,
			note: 'Ten new recovery codes; the old ones no longer work.'
		});
		return r.backupCodes;
	} catch (e) {
		if (apiCode(e) === 'INVALID_PASSWORD') throw wrongPassword();
		throw e;
	}
}

/**
 * The owner turns their authenticator app off (needs the password), e.g. to move to a new phone.
 * Where the role requires one, hooks then send them straight back to set up a new one.
 */
export async function disableTwoFactor(
	auth: Auth,
	db: Db,
	actor: Actor & { id: string },
	input: { password: string; headers: Headers }
): Promise<string | null> {
	try {
		const { headers } = await auth.api.disableTwoFactor({
			body: { password: input.password },
			headers: input.headers,
			returnHeaders: true
		});
		recordEvent(db, actor, {
			action: 'two-factor-disable',
			entity: 'user',
			entityId: actor.id,
			note: 'Authenticator app turned off by its owner.'
		});
		return headers.get('set-cookie');
	} catch (e) {
		if (apiCode(e) === 'INVALID_PASSWORD') throw wrongPassword();
		throw e;
	}
}

/**
 * An administrator resets someone's authenticator app (a lost phone): the secret and recovery
 * codes go, the account's sessions end, and at the next sign-in a role that requires one sets
 * up a new app before anything else. Returns false when there was nothing to reset.
 */
export function resetTwoFactor(db: Db, actor: Actor, userId: string): boolean {
	return write(db, actor, ({ tx: t, audit }) => {
		const user = t
			.select({ email: users.email, enabled: users.twoFactorEnabled })
			.from(users)
			.where(eq(users.id, userId))
			.get();
		if (!user) throw new AccountError('No such account.');
		const removed = t.delete(twoFactors).where(eq(twoFactors.userId, userId)).run().changes;
		if (!removed && !user.enabled) return false;
		t.update(users)
			.set({ twoFactorEnabled: false, updatedAt: new Date() })
			.where(eq(users.id, userId))
			.run();
		const ended = t.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
		audit({
			action: 'two-factor-reset',
			entity: 'user',
			entityId: userId,
			note: `Authenticator app of ${user.email} reset; ${ended} session${ended === 1 ? '' : 's'} ended.`
		});
		return true;
	});
}
