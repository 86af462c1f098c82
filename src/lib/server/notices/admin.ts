// What Admin → Notices reads: the outbox by status, the failures with their reasons.
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { systemActor, type Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { users } from '../db/schema/auth.ts';
import { notices } from '../db/schema/notices.ts';
import { noticeStatuses, type NoticeStatus } from '../../notices.ts';

export function outboxCounts(db: Db): Record<NoticeStatus, number> {
	const counts = Object.fromEntries(noticeStatuses.map((s) => [s, 0])) as Record<
		NoticeStatus,
		number
	>;
	for (const row of db
		.select({ status: notices.status, n: count() })
		.from(notices)
		.groupBy(notices.status)
		.all())
		counts[row.status] = row.n;
	return counts;
}

export interface OutboxRow {
	id: number;
	kind: string;
	title: string;
	to: string | null;
	status: NoticeStatus;
	attempts: number;
	lastError: string | null;
	createdAt: string;
	sentAt: string | null;
	digest: boolean;
}

export function outboxPage(
	db: Db,
	filter: { status?: NoticeStatus | null },
	page: number,
	size = 50
): { rows: OutboxRow[]; total: number } {
	const where = filter.status ? eq(notices.status, filter.status) : undefined;
	const total = db.select({ n: count() }).from(notices).where(where).get()?.n ?? 0;
	const rows = db
		.select({
			id: notices.id,
			kind: notices.kind,
			title: notices.title,
			to: users.email,
			status: notices.status,
			attempts: notices.attempts,
			lastError: notices.lastError,
			createdAt: notices.createdAt,
			sentAt: notices.sentAt,
			digest: notices.digest
		})
		.from(notices)
		.leftJoin(users, eq(users.id, notices.recipientId))
		.where(where)
		.orderBy(desc(notices.id))
		.limit(size)
		.offset((page - 1) * size)
		.all();
	return { rows, total };
}

/** Sends the failed notices again (an administrator, after fixing the mail settings). */
export function retryFailed(db: Db, actor: Actor = systemActor): number {
	return write(db, actor, ({ tx, audit }) => {
		const failed = tx
			.select({ id: notices.id })
			.from(notices)
			.where(eq(notices.status, 'failed'))
			.all()
			.map((r) => r.id);
		if (failed.length === 0) return 0;
		tx.update(notices)
			.set({ status: 'pending', attempts: 0, nextAttemptAt: new Date().toISOString() })
			.where(and(inArray(notices.id, failed), eq(notices.status, 'failed')))
			.run();
		audit({
			action: 'update',
			entity: 'notice',
			entityId: null,
			after: { retried: failed.length },
			note: 'Failed notices sent again'
		});
		return failed.length;
	});
}
