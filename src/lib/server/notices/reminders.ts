// Notices no change causes, found by looking: a monitoring report due in 14 or 3 days or overdue,
// and an audit trail that no longer verifies. Each is queued once per subject and person.
import type { DbFile } from '../db/open.ts';
import { verifyAuditChain } from '../db/audit-chain.ts';
import { monitoringCalendarOf } from '../meetings/meetings.ts';
import { queueNotice } from '../outbox/index.ts';
import { daysBetween } from '../../school-year.ts';

/** Overdue reports older than this are history, not news: the first run does not send them. */
const overdueWithinDays = 30;

export function queueDueReminders(db: DbFile, today: string): number {
	let queued = 0;
	for (const e of monitoringCalendarOf(db, today)) {
		const days = daysBetween(today, e.heldOn);
		const notStarted = e.state === 'not started' || e.state === 'draft';
		const step = e.overdue
			? days >= -overdueWithinDays
				? 'overdue'
				: null
			: notStarted && days >= 0 && days <= 3
				? '3'
				: notStarted && days >= 0 && days <= 14
					? '14'
					: null;
		if (!step) continue;
		queued += db.transaction((tx) =>
			queueNotice(tx, {
				kind: 'update-due',
				subject: `due:${e.meetingId}:${e.priorityId}:${step}`,
				title: `${e.priorityTitle} — ${e.heldOn}`,
				path: `/board/meetings/${e.meetingId}`
			})
		);
	}
	return queued;
}

/** Checks the audit trail's hash chain; a break is told to the administrators once per break. */
export function queueAuditChainCheck(db: DbFile): boolean {
	const report = verifyAuditChain(db.$client);
	if (report.ok || !report.firstBroken) return true;
	db.transaction((tx) =>
		queueNotice(tx, {
			kind: 'audit-chain',
			subject: `audit_log:${report.firstBroken!.id}:${report.firstBroken!.reason}`,
			title: `Entry ${report.firstBroken!.id} (${report.firstBroken!.reason})`,
			path: '/admin/audit'
		})
	);
	return false;
}
