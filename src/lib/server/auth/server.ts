import { db } from '../db/index.ts';
import { authSecret, createAuth, type Auth } from './auth.ts';

let instance: Auth | undefined;
let secret: string | undefined;

/**
 * The server's secret: BETTER_AUTH_SECRET, or the one kept beside the database. It signs session
 * cookies and, under a derived key, calendar subscription links (calendar/link.ts).
 */
export function serverSecret(): string {
	secret ??= authSecret(process.env.DATABASE_PATH || 'data/throughline.db');
	return secret;
}

/** The server's one better-auth instance, over `db()`; ORIGIN decides whether cookies are Secure. */
export function auth(): Auth {
	instance ??= createAuth(db(), {
		secret: serverSecret(),
		baseURL: process.env.ORIGIN || undefined
	});
	return instance;
}
