import { db } from '../db/index.ts';
import { authSecret, createAuth, type Auth } from './auth.ts';

let instance: Auth | undefined;

/** The server's one better-auth instance, over `db()`; ORIGIN decides whether cookies are Secure. */
export function auth(): Auth {
	instance ??= createAuth(db(), {
		secret: authSecret(process.env.DATABASE_PATH || 'data/throughline.db'),
		baseURL: process.env.ORIGIN || undefined
	});
	return instance;
}
