// First run: an empty database is set up in the browser by whoever holds the one-time address
// that `npm start` printed. Only the token's hash is kept, in this process's environment: it is
// never written to disk and does not survive a restart (a restart prints a fresh one).

import { write } from '../audit/write.ts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { cdsPattern } from '../../params.ts';
import type { Db } from '../db/open.ts';
import { district } from '../db/schema/district.ts';
import { createUser, findAccountByEmail, normalizeEmail, type Account } from '../auth/users.ts';
import { passwordProblem } from '../auth/password.ts';

/** Where the hash of the current setup token lives (shared by scripts/start.ts and the build). */
export const setupTokenVariable = 'THROUGHLINE_SETUP_TOKEN_HASH';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function districtExists(db: Db): boolean {
	return !!db.select({ id: district.id }).from(district).orderBy(asc(district.id)).limit(1).get();
}

/** Makes a fresh token, keeps only its hash, and returns the token to be printed once. */
export function issueSetupToken(env: NodeJS.ProcessEnv = process.env): string {
	const token = randomBytes(24).toString('base64url');
	env[setupTokenVariable] = hashOf(token);
	return token;
}

/** True while no district exists and the token is the one issued and not yet used. */
export function setupOpen(db: Db, token: string | null, env: NodeJS.ProcessEnv = process.env) {
	const kept = env[setupTokenVariable];
	if (!token || !kept || districtExists(db)) return false;
	const a = Buffer.from(hashOf(token), 'hex');
	const b = Buffer.from(kept, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A used token is forgotten: the address works once. */
export function consumeSetupToken(env: NodeJS.ProcessEnv = process.env) {
	delete env[setupTokenVariable];
}

export const setupInput = z
	.object({
		districtName: z
			.string()
			.trim()
			.min(1, 'Enter the district’s name.')
			.max(200, 'Use at most 200 characters.'),
		cdsCode: z
			.string()
			.trim()
			.regex(cdsPattern, 'A CDS code is 14 digits, e.g. 27660920000000.')
			.regex(/0000000$/, 'A district’s CDS code ends in seven zeros, e.g. 27660920000000.'),
		name: z.string().trim().min(1, 'Enter your name.').max(200, 'Use at most 200 characters.'),
		email: z
			.string()
			.trim()
			.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter a valid e-mail address.'),
		password: z.string().max(1024),
		confirm: z.string().max(1024)
	})
	.superRefine((v, ctx) => {
		const problem = passwordProblem(v.password);
		if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
		else if (v.password !== v.confirm)
			ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match.' });
	});
export type SetupInput = z.infer<typeof setupInput>;

/**
 * Creates the district and its first administrator. Everything is checked before anything is
 * written; a failure of the district's row removes nothing because it is written last, inside the
 * same transaction as its audit entry.
 */
export async function setUpDistrict(db: Db, input: SetupInput): Promise<Account> {
	if (districtExists(db)) throw new Error('This district is already set up.');
	if (findAccountByEmail(db, normalizeEmail(input.email)))
		throw new Error('An account with this e-mail already exists.');
	const admin = await createUser(db, {
		email: input.email,
		name: input.name,
		role: 'admin',
		password: input.password
	});
	const actor = { id: admin.id, email: admin.email };
	write(db, actor, ({ tx: t, audit }) => {
		const row = t
			.insert(district)
			.values({ name: input.districtName, cdsCode: input.cdsCode })
			.returning()
			.get();
		audit({
			action: 'create',
			entity: 'district',
			entityId: row.id,
			after: row,
			note: 'first-run setup'
		});
	});
	return admin;
}
