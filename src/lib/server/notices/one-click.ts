// The one-click link's two steps, for the route: what a token names, and turning it off.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema/auth.ts';
import { noticeKindInfo } from '../../notices.ts';
import type { Role } from '../../choices.ts';
import { readUnsubscribeToken } from './unsubscribe.ts';
import { noticeLanguageOf, unsubscribe } from './preferences.ts';

export interface UnsubscribeTarget {
	userId: string;
	email: string;
	role: Role | null;
	what: string;
	language: 'en' | 'es';
	kind: Parameters<typeof unsubscribe>[2];
}

export function unsubscribeTarget(
	db: Db,
	secret: string,
	token: string | null
): UnsubscribeTarget | null {
	const read = token ? readUnsubscribeToken(secret, token) : null;
	if (!read) return null;
	const user = db.select().from(users).where(eq(users.id, read.userId)).get();
	if (!user) return null;
	return {
		userId: user.id,
		email: user.email,
		role: (user.role as Role | null) ?? null,
		kind: read.kind,
		what: whatIn(read.kind, noticeLanguageOf(db, user.id)),
		language: noticeLanguageOf(db, user.id)
	};
}

function whatIn(kind: UnsubscribeTarget['kind'], language: 'en' | 'es'): string {
	if (kind === 'digest') return language === 'es' ? 'el resumen semanal' : 'the weekly digest';
	return language === 'es' ? noticeKindInfo[kind].labelEs : noticeKindInfo[kind].label;
}

export function unsubscribeFrom(db: Db, target: UnsubscribeTarget) {
	return unsubscribe(
		db,
		{ id: target.userId, email: target.email, role: target.role },
		target.kind
	);
}
