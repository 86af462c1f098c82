import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema/auth.ts';
import { access } from '../auth/guard.ts';
import { type Role } from '../../choices.ts';

/**
 * A person's calendar subscription link is signed: an HMAC-SHA256 of their user id under a key
 * derived from the server's secret (BETTER_AUTH_SECRET or the one kept beside the database), so a
 * calendar app can fetch it without a session and nobody can make one for someone else. The key
 * is derived so the signature can never stand for a session cookie or anything else signed with
 * the secret.
 */
function calendarKey(secret: string): Buffer {
	return createHmac('sha256', secret).update('throughline calendar feed v1').digest();
}

export function calendarSignature(secret: string, userId: string): string {
	return createHmac('sha256', calendarKey(secret)).update(userId).digest('base64url');
}

/** Whether `signature` is this user's, compared in constant time. */
export function isCalendarSignature(secret: string, userId: string, signature: string): boolean {
	const expected = Buffer.from(calendarSignature(secret, userId));
	const given = Buffer.from(signature);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The path of a person's feed, signed; the board meetings page shows it with the site's origin. */
export function calendarFeedPath(secret: string, userId: string): string {
	const query = new URLSearchParams({ user: userId, sig: calendarSignature(secret, userId) });
	return `/board/calendar.ics?${query}`;
}

export type FeedRefusal = 'missing' | 'bad-signature' | 'no-such-user' | 'not-allowed';

/**
 * Who a feed request is for, or why it is refused: no or malformed link, a wrong signature, an
 * account that no longer exists, is deactivated, or whose role no longer reads board pages.
 */
export function feedReader(
	db: Db,
	secret: string,
	params: URLSearchParams,
	now = new Date()
): { ok: true; userId: string; role: Role } | { ok: false; why: FeedRefusal } {
	const userId = params.get('user');
	const signature = params.get('sig');
	if (!userId || !signature || userId.length > 200 || signature.length > 200)
		return { ok: false, why: 'missing' };
	if (!isCalendarSignature(secret, userId, signature)) return { ok: false, why: 'bad-signature' };
	const user = db
		.select({ role: users.role, banned: users.banned, banExpires: users.banExpires })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user) return { ok: false, why: 'no-such-user' };
	const banned = !!user.banned && (!user.banExpires || user.banExpires > now);
	const role = user.role as Role | null;
	if (banned || !role || !(access.board as readonly Role[]).includes(role))
		return { ok: false, why: 'not-allowed' };
	return { ok: true, userId, role };
}
