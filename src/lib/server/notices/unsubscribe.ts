// One-click unsubscribe (RFC 8058): a signed link per person and kind, so it works without signing
// in and can only turn off what it names.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { noticeKinds, type NoticeKind } from '../../notices.ts';

/** A kind of notice, or every kind a person receives in the weekly digest. */
export type Unsubscribable = NoticeKind | 'digest';

const encode = (s: string) => Buffer.from(s).toString('base64url');

function signature(secret: string, payload: string): string {
	return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}

export function unsubscribeToken(secret: string, userId: string, kind: Unsubscribable): string {
	const payload = encode(`${userId}\n${kind}`);
	return `${payload}.${signature(secret, payload)}`;
}

/** Who and which kind a token names, or null when it is not one of ours. */
export function readUnsubscribeToken(
	secret: string,
	token: string
): { userId: string; kind: Unsubscribable } | null {
	const [payload, given, extra] = token.split('.');
	if (!payload || !given || extra !== undefined) return null;
	const expected = Buffer.from(signature(secret, payload));
	const actual = Buffer.from(given);
	if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
	const [userId, kind] = Buffer.from(payload, 'base64url').toString().split('\n');
	if (!userId || (kind !== 'digest' && !(noticeKinds as readonly string[]).includes(kind)))
		return null;
	return { userId, kind: kind as Unsubscribable };
}
