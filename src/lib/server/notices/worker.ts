// The outbox's worker: sends what is queued, each notice once per person, with retries and
// back-off when the mail server is down or busy, and reports a refusal for good. It runs in the
// server (hooks.server.ts) only when SMTP_URL is set: the demo district sends nothing otherwise.
//
// Its own bookkeeping — claiming a row, scheduling a retry, the reminders' rows — is not audited
// (like the sign-in throttle's counters); what is audited is that a person was notified of
// something, or could not be.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbFile } from '../db/open.ts';
import { systemActor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { users } from '../db/schema/auth.ts';
import { noticeReaders, notices } from '../db/schema/notices.ts';
import { noticeKindInfo } from '../../notices.ts';
import type { Role } from '../../choices.ts';
import { deliveryOf, noticeLanguageOf } from './preferences.ts';
import { digestMail, noticeMail, type Addressing, type NoticeForMail } from './compose.ts';
import { isPermanentRefusal, refusalReason, type Mailer } from './mail.ts';
import { unsubscribeToken } from './unsubscribe.ts';

export interface Sending {
	mailer: Mailer;
	/** The site's address, for links: ORIGIN. */
	origin: string;
	/** Signs the one-click unsubscribe links. */
	secret: string;
	now: Date;
	/** Seconds before the first retry; later ones wait 5, 15, 60 and 240 times as long. */
	retrySeconds?: number;
}

export interface SendReport {
	sent: number;
	digests: number;
	retried: number;
	failed: number;
	dropped: number;
	/** Why the mail server did not take a message this round, when it did not. */
	unreachable: string | null;
}

/** Tries after a temporary failure, in multiples of the first wait; then the notice fails. */
const backoff = [1, 5, 15, 60, 240];
const digestDays = 7;
const batch = 200;

type Row = NoticeForMail & {
	recipientId: string;
	attempts: number;
	digest: boolean;
	createdAt: string;
	email: string | null;
	role: string | null;
	banned: boolean | null;
};

/** Sends every notice due now: each on its own, or a reader's weekly digest when it is due. */
export async function sendDueNotices(db: DbFile, s: Sending): Promise<SendReport> {
	const report: SendReport = {
		sent: 0,
		digests: 0,
		retried: 0,
		failed: 0,
		dropped: 0,
		unreachable: null
	};
	const now = s.now.toISOString();
	const rows: Row[] = db
		.select({
			id: notices.id,
			kind: notices.kind,
			title: notices.title,
			titleEs: notices.titleEs,
			path: notices.path,
			recipientId: notices.recipientId,
			attempts: notices.attempts,
			digest: notices.digest,
			createdAt: notices.createdAt,
			email: users.email,
			role: users.role,
			banned: users.banned
		})
		.from(notices)
		.leftJoin(users, eq(users.id, notices.recipientId))
		.where(and(eq(notices.status, 'pending'), lte(notices.nextAttemptAt, now)))
		.orderBy(asc(notices.id))
		.limit(batch)
		.all();
	const digests = new Map<string, Row[]>();
	for (const row of rows) {
		// Checked when sent, not when queued: someone deactivated or moved to another role since
		// receives nothing their account may no longer open.
		if (!row.email || row.banned) {
			drop(db, row, 'The account is deactivated.');
			report.dropped++;
			continue;
		}
		if (!row.role || !noticeKindInfo[row.kind].roles.includes(row.role as Role)) {
			drop(db, row, 'The account’s role may not receive this notice.');
			report.dropped++;
			continue;
		}
		const delivery = deliveryOf(db, row.recipientId, row.kind);
		if (delivery === 'off') {
			drop(db, row, 'Turned off by its recipient.');
			report.dropped++;
		} else if (delivery === 'digest' && !row.digest) {
			holdForDigest(db, row, s.now);
		} else if (row.digest) {
			digests.set(row.recipientId, [...(digests.get(row.recipientId) ?? []), row]);
		} else {
			const outcome = await sendOne(db, s, [row], addressing(db, s, row), report);
			report[outcome]++;
		}
	}
	for (const [recipientId, list] of digests) {
		const outcome = await sendOne(db, s, list, addressing(db, s, list[0]), report);
		report[outcome === 'sent' ? 'digests' : outcome]++;
		if (outcome === 'sent')
			db.insert(noticeReaders)
				.values({ userId: recipientId, lastDigestAt: now })
				.onConflictDoUpdate({ target: noticeReaders.userId, set: { lastDigestAt: now } })
				.run();
	}
	return report;
}

function addressing(db: DbFile, s: Sending, row: Row): Addressing {
	return {
		to: row.email!,
		language: noticeLanguageOf(db, row.recipientId),
		origin: s.origin,
		host: new URL(s.origin).hostname,
		unsubscribeUrl: (kind) =>
			`${s.origin}/notices/unsubscribe?t=${unsubscribeToken(s.secret, row.recipientId, kind)}`
	};
}

/** A digest notice waits for its reader's next digest: a week after the last one. */
function holdForDigest(db: DbFile, row: Row, now: Date) {
	const last = db
		.select({ at: noticeReaders.lastDigestAt })
		.from(noticeReaders)
		.where(eq(noticeReaders.userId, row.recipientId))
		.get()?.at;
	const waiting = db
		.select({ at: sql<string>`min(${notices.nextAttemptAt})` })
		.from(notices)
		.where(
			and(
				eq(notices.recipientId, row.recipientId),
				eq(notices.status, 'pending'),
				eq(notices.digest, true)
			)
		)
		.get()?.at;
	// Every digest notice of a reader waits for the same digest: a week after the last one, or,
	// with none sent yet, a week after the first notice held for it.
	const week = digestDays * 86_400_000;
	const at =
		waiting ??
		new Date(
			Math.max(now.getTime(), last ? Date.parse(last) + week : now.getTime() + week)
		).toISOString();
	db.update(notices).set({ digest: true, nextAttemptAt: at }).where(eq(notices.id, row.id)).run();
}

async function sendOne(
	db: DbFile,
	s: Sending,
	list: Row[],
	a: Addressing,
	report: SendReport
): Promise<'sent' | 'retried' | 'failed'> {
	const ids = list.map((r) => r.id);
	// Claimed first: another worker (or a second tick) skips a notice being sent.
	const claimed = db
		.update(notices)
		.set({ status: 'sending', attempts: sql`${notices.attempts} + 1` })
		.where(and(inArray(notices.id, ids), eq(notices.status, 'pending')))
		.run().changes;
	if (claimed !== ids.length) {
		db.update(notices)
			.set({ status: 'pending' })
			.where(and(inArray(notices.id, ids), eq(notices.status, 'sending')))
			.run();
		return 'retried';
	}
	const message =
		list.length === 1 && !list[0].digest ? noticeMail(list[0], a) : digestMail(list, a);
	try {
		await s.mailer.send(message);
	} catch (error) {
		const attempts = list[0].attempts + 1;
		const reason = refusalReason(error);
		if (isPermanentRefusal(error) || attempts > backoff.length) {
			settle(db, list, a.to, 'failed', reason);
			return 'failed';
		}
		report.unreachable = reason;
		const wait = (s.retrySeconds ?? 60) * backoff[attempts - 1] * 1000;
		db.update(notices)
			.set({
				status: 'pending',
				lastError: reason,
				nextAttemptAt: new Date(s.now.getTime() + wait).toISOString()
			})
			.where(inArray(notices.id, ids))
			.run();
		return 'retried';
	}
	settle(db, list, a.to, 'sent', null);
	return 'sent';
}

function settle(
	db: DbFile,
	list: Row[],
	to: string,
	status: 'sent' | 'failed',
	reason: string | null
) {
	const at = new Date().toISOString();
	write(db, systemActor, ({ tx, audit }) => {
		tx.update(notices)
			.set({ status, sentAt: status === 'sent' ? at : null, lastError: reason })
			.where(
				inArray(
					notices.id,
					list.map((r) => r.id)
				)
			)
			.run();
		for (const r of list)
			audit({
				action: status === 'sent' ? 'notify' : 'notify-failed',
				entity: 'notice',
				entityId: r.id,
				after: { kind: r.kind, to, title: r.title, digest: r.digest },
				note: reason
			});
	});
}

function drop(db: DbFile, row: Row, reason: string) {
	db.update(notices)
		.set({ status: 'dropped', lastError: reason })
		.where(eq(notices.id, row.id))
		.run();
}

/** After a crash, a notice left half-sent is sent again (same Message-ID): none is lost. */
export function releaseClaims(db: DbFile): number {
	return db.update(notices).set({ status: 'pending' }).where(eq(notices.status, 'sending')).run()
		.changes;
}
