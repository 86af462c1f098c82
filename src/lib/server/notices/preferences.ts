// Each person's choice of notices: per kind, immediately, in the weekly digest, or off; and the
// language their e-mail is written in.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { noticePreferences, noticeReaders } from '../db/schema/notices.ts';
import {
	noticeDeliveries,
	noticeKindInfo,
	noticeKinds,
	noticeLanguages,
	type NoticeDelivery,
	type NoticeKind,
	type NoticeLanguage
} from '../../notices.ts';
import type { Role } from '../../choices.ts';

export interface NoticeChoice {
	kind: NoticeKind;
	label: string;
	delivery: NoticeDelivery;
}

/** The kinds a role may receive, each with the person's choice or the kind's default. */
export function noticeChoicesOf(db: Db, userId: string, role: Role | null): NoticeChoice[] {
	const chosen = new Map(
		db
			.select()
			.from(noticePreferences)
			.where(eq(noticePreferences.userId, userId))
			.all()
			.map((p) => [p.kind, p.delivery])
	);
	return noticeKinds
		.filter((kind) => role !== null && noticeKindInfo[kind].roles.includes(role))
		.map((kind) => ({
			kind,
			label: noticeKindInfo[kind].label,
			delivery: chosen.get(kind) ?? noticeKindInfo[kind].delivery
		}));
}

export function deliveryOf(db: Db, userId: string, kind: NoticeKind): NoticeDelivery {
	return (
		db
			.select({ delivery: noticePreferences.delivery })
			.from(noticePreferences)
			.where(and(eq(noticePreferences.userId, userId), eq(noticePreferences.kind, kind)))
			.get()?.delivery ?? noticeKindInfo[kind].delivery
	);
}

export function noticeLanguageOf(db: Db, userId: string): NoticeLanguage {
	return (
		db
			.select({ language: noticeReaders.language })
			.from(noticeReaders)
			.where(eq(noticeReaders.userId, userId))
			.get()?.language ?? 'en'
	);
}

export const noticeChoicesInput = z.object({
	language: z.enum(noticeLanguages, { error: 'Choose English or Spanish.' }),
	deliveries: z.partialRecord(
		z.enum(noticeKinds),
		z.enum(noticeDeliveries, { error: 'Choose immediately, in the weekly digest, or off.' })
	)
});
export type NoticeChoicesInput = z.infer<typeof noticeChoicesInput>;

/** Reads the account page's form: a `delivery.<kind>` field per kind offered, and `language`. */
export function noticeChoicesFromForm(form: FormData, offered: NoticeKind[]) {
	const deliveries: Record<string, FormDataEntryValue | null> = {};
	for (const kind of offered) deliveries[kind] = form.get(`delivery.${kind}`);
	return noticeChoicesInput.safeParse({ language: form.get('language'), deliveries });
}

/** Saves a person's choices (only kinds their role may receive count). */
export function saveNoticeChoices(
	db: Db,
	actor: Actor,
	userId: string,
	role: Role | null,
	input: NoticeChoicesInput
): void {
	const before = {
		language: noticeLanguageOf(db, userId),
		choices: noticeChoicesOf(db, userId, role)
	};
	write(db, actor, ({ tx, audit }) => {
		tx.insert(noticeReaders)
			.values({ userId, language: input.language })
			.onConflictDoUpdate({ target: noticeReaders.userId, set: { language: input.language } })
			.run();
		for (const { kind } of before.choices) {
			const delivery = input.deliveries[kind];
			if (!delivery) continue;
			setDelivery(tx, userId, kind, delivery);
		}
		audit({
			action: 'notice-choices',
			entity: 'user',
			entityId: userId,
			before: summary(before.language, before.choices),
			after: summary(input.language, noticeChoicesOf(tx, userId, role))
		});
	});
}

function summary(language: NoticeLanguage, choices: NoticeChoice[]) {
	return { language, ...Object.fromEntries(choices.map((c) => [c.kind, c.delivery])) };
}

function setDelivery(db: Db, userId: string, kind: NoticeKind, delivery: NoticeDelivery) {
	db.insert(noticePreferences)
		.values({ userId, kind, delivery })
		.onConflictDoUpdate({
			target: [noticePreferences.userId, noticePreferences.kind],
			set: { delivery }
		})
		.run();
}

/**
 * Turns one kind off for one person (the one-click link), or with 'digest' every kind they get in
 * the weekly digest; audited as theirs. Returns the kinds turned off.
 */
export function unsubscribe(
	db: Db,
	user: { id: string; email: string; role: Role | null },
	what: NoticeKind | 'digest'
): NoticeKind[] {
	const choices = noticeChoicesOf(db, user.id, user.role);
	const kinds = choices
		.filter(
			(c) => c.delivery !== 'off' && (what === 'digest' ? c.delivery === 'digest' : c.kind === what)
		)
		.map((c) => c.kind);
	if (kinds.length === 0) return [];
	write(db, { id: user.id, email: user.email }, ({ tx, audit }) => {
		for (const kind of kinds) setDelivery(tx, user.id, kind, 'off');
		audit({
			action: 'unsubscribe',
			entity: 'user',
			entityId: user.id,
			before: Object.fromEntries(
				choices.filter((c) => kinds.includes(c.kind)).map((c) => [c.kind, c.delivery])
			),
			after: Object.fromEntries(kinds.map((k) => [k, 'off'])),
			note: 'One-click unsubscribe from an e-mail'
		});
	});
	return kinds;
}
