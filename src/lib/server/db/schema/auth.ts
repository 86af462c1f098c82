import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// The tables better-auth (with its admin plugin) reads and writes. Column names follow its schema.

export const users = sqliteTable('user', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
	image: text('image'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	role: text('role'),
	banned: integer('banned', { mode: 'boolean' }).default(false),
	banReason: text('ban_reason'),
	banExpires: integer('ban_expires', { mode: 'timestamp_ms' }),
	/** Set by better-auth's two-factor plugin once an authenticator app is confirmed. */
	twoFactorEnabled: integer('two_factor_enabled', { mode: 'boolean' }).default(false)
});

export const sessions = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		token: text('token').notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		impersonatedBy: text('impersonated_by')
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const accounts = sqliteTable(
	'account',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
		refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
		scope: text('scope'),
		password: text('password'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('account_user_idx').on(t.userId)]
);

export const verifications = sqliteTable('verification', {
	id: text('id').primaryKey(),
	identifier: text('identifier').notNull(),
	value: text('value').notNull(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
});

/**
 * Failed sign-ins (password or code), by account e-mail and by address, for the throttle
 * (auth/throttle.ts). A row is written before the password is checked, so parallel guesses count
 * at once; a success removes its own row and marks the account's earlier failures `cleared`
 * (they stay 30 days for the owner's account page).
 */
export const signInFailures = sqliteTable(
	'sign_in_failure',
	{
		id: integer('id').primaryKey(),
		email: text('email').notNull(),
		address: text('address').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** `password` or `code` (the second step). */
		kind: text('kind').notNull().default('password'),
		cleared: integer('cleared', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		index('sign_in_failure_email_idx').on(t.email, t.at),
		index('sign_in_failure_address_idx').on(t.address, t.at)
	]
);

/** better-auth's two-factor plugin: the TOTP secret and recovery codes, both encrypted. */
export const twoFactors = sqliteTable(
	'two_factor',
	{
		id: text('id').primaryKey(),
		secret: text('secret').notNull(),
		backupCodes: text('backup_codes').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** False between "set up" and the first correct code. */
		verified: integer('verified', { mode: 'boolean' }).default(true),
		failedVerificationCount: integer('failed_verification_count').default(0),
		lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
		/**
		 * The 30-second time step of the last authenticator code accepted (ours, not better-auth's):
		 * a code of that step or an earlier one is refused, so an observed code cannot be used again.
		 */
		lastUsedStep: integer('last_used_step')
	},
	(t) => [index('two_factor_user_idx').on(t.userId)]
);
