import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin, twoFactor } from 'better-auth/plugins';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { accounts, sessions, twoFactors, users, verifications } from '../db/schema/auth.ts';
import type { Db } from '../db/open.ts';
import { maxPasswordLength, minPasswordLength } from './password.ts';
import { authCookiePrefix } from './cookies.ts';
import { recoveryCodes } from './recovery-codes.ts';

export const sessionDays = 7;

export interface AuthOptions {
	/** Signs the session cookie. BETTER_AUTH_SECRET, or a secret kept beside the database. */
	secret?: string;
	/** The URL browsers use (ORIGIN); an https URL makes the cookie Secure. */
	baseURL?: string;
}

/**
 * better-auth over our database: e-mail and password only, no self sign-up (an administrator
 * creates accounts), sessions in SQLite for 7 days, refreshed daily. Its admin plugin refuses a
 * session to a banned (deactivated) user; its two-factor plugin asks for a code after the password
 * when the account has an authenticator app (two-factor.ts). We do not mount its HTTP endpoints: our own form
 * actions call `auth.api` on the server.
 */
export function createAuth(db: Db, options: AuthOptions = {}) {
	const secret =
		options.secret ?? process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString('hex');
	return betterAuth({
		appName: 'Throughline',
		secret,
		baseURL: options.baseURL,
		database: drizzleAdapter(db, {
			provider: 'sqlite',
			schema: {
				user: users,
				session: sessions,
				account: accounts,
				verification: verifications,
				twoFactor: twoFactors
			}
		}),
		emailAndPassword: {
			enabled: true,
			disableSignUp: true,
			minPasswordLength,
			maxPasswordLength,
			autoSignIn: false
		},
		session: {
			expiresIn: sessionDays * 24 * 60 * 60,
			updateAge: 24 * 60 * 60
		},
		advanced: {
			cookiePrefix: authCookiePrefix,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		// Our own throttle (throttle.ts) limits sign-ins; the library's limiter only guards its HTTP routes.
		rateLimit: { enabled: false },
		telemetry: { enabled: false },
		plugins: [
			admin({ defaultRole: 'board', adminRoles: ['admin'] }),
			// Authenticator-app codes (TOTP, 6 digits, 30 s) and ten single-use recovery codes, kept
			// encrypted with the secret. No "trust this device": every sign-in asks for a code.
			twoFactor({
				issuer: 'Throughline',
				backupCodeOptions: { customBackupCodesGenerate: () => recoveryCodes() }
			})
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The secret for signing session cookies: BETTER_AUTH_SECRET when set, else one generated on first
 * start and kept in `<database>.secret` (mode 600), so sessions survive a restart.
 */
export function authSecret(databasePath: string): string {
	if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
	if (databasePath === ':memory:') return randomBytes(32).toString('hex');
	const file = resolve(`${databasePath}.secret`);
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const secret = randomBytes(32).toString('hex');
	writeFileSync(file, secret + '\n', { mode: 0o600 });
	return secret;
}
