// The outbox's rules: which changes cause which notices, to whom. `write` (audit/write.ts) hands
// every audit entry here inside the change's own transaction, so a notice is queued if and only if
// its change commits — a crash before the commit loses both, a crash after keeps both, and the
// worker (notices/) sends what is queued. Who may receive a kind is decided here by role; each
// person's choice (immediately, in the weekly digest, or off) is applied when it is sent.
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema/auth.ts';
import { notices } from '../db/schema/notices.ts';
import {
	boardMeetings,
	boardQuestions,
	monitoringCalendar,
	progressUpdates,
	progressUpdateVersions
} from '../db/schema/meetings.ts';
import { priorities } from '../db/schema/priorities.ts';
import { noticeKindInfo, type NoticeKind } from '../../notices.ts';

/** What an audit entry says of a change: all the rules read (audit/ stands above this floor). */
export interface RecordedChange {
	action: string;
	entity: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
}

export interface QueuedNotice {
	kind: NoticeKind;
	subject: string;
	title: string;
	titleEs?: string | null;
	path: string;
}

/** Queues the notices an audit entry causes; returns how many rows were queued. */
export function queueNoticesFor(db: Db, entry: RecordedChange): number {
	let queued = 0;
	for (const { notice, to } of noticesFor(db, entry)) queued += queueNotice(db, notice, to);
	return queued;
}

/**
 * Queues one notice for the people given (or, with none given, everyone whose role may receive
 * its kind); someone already holding it for this subject is left alone.
 */
export function queueNotice(db: Db, notice: QueuedNotice, to?: string[]): number {
	const recipients = to ?? recipientsOf(db, notice.kind);
	if (recipients.length === 0) return 0;
	return db
		.insert(notices)
		.values(
			recipients.map((recipientId) => ({
				kind: notice.kind,
				recipientId,
				subject: notice.subject,
				title: notice.title,
				titleEs: notice.titleEs ?? null,
				path: notice.path
			}))
		)
		.onConflictDoNothing()
		.run().changes;
}

/** The active people whose role may receive a kind of notice. */
export function recipientsOf(db: Db, kind: NoticeKind): string[] {
	return db
		.select({ id: users.id })
		.from(users)
		.where(
			and(
				inArray(users.role, [...noticeKindInfo[kind].roles]),
				or(isNull(users.banned), eq(users.banned, false))
			)
		)
		.all()
		.map((u) => u.id);
}

type Caused = { notice: QueuedNotice; to?: string[] };

function noticesFor(db: Db, entry: RecordedChange): Caused[] {
	const id = Number(entry.entityId);
	switch (`${entry.entity}:${entry.action}`) {
		case 'progress_update_version:share':
			return [...fromVersion(db, id, 'update-shared'), ...packetReady(db, versionMeeting(db, id))];
		case 'progress_update_version:publish':
			return fromVersion(db, id, 'update-published');
		case 'board_question:create':
			return fromQuestion(db, id, 'question-waiting');
		case 'board_question:update': {
			const before = entry.before as { answer?: string | null } | undefined;
			const after = entry.after as { answer?: string | null } | undefined;
			return !before?.answer && after?.answer ? fromQuestion(db, id, 'question-answered') : [];
		}
		case 'board_meeting:hold':
			return fromMeeting(db, id);
		default:
			return [];
	}
}

function versionRow(db: Db, versionId: number) {
	return db
		.select({
			versionId: progressUpdateVersions.id,
			version: progressUpdateVersions.version,
			meetingId: progressUpdates.meetingId,
			heldOn: boardMeetings.heldOn,
			slug: priorities.slug,
			title: priorities.title,
			titleEs: priorities.titleEs
		})
		.from(progressUpdateVersions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, progressUpdateVersions.updateId))
		.innerJoin(priorities, eq(priorities.id, progressUpdates.priorityId))
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.where(eq(progressUpdateVersions.id, versionId))
		.get();
}

function versionMeeting(db: Db, versionId: number): number | null {
	return versionRow(db, versionId)?.meetingId ?? null;
}

function fromVersion(db: Db, versionId: number, kind: NoticeKind): Caused[] {
	const v = versionRow(db, versionId);
	if (!v) return [];
	return [
		{
			notice: {
				kind,
				subject: `progress_update_version:${v.versionId}`,
				title: `${v.title} — ${v.heldOn}`,
				titleEs: v.titleEs ? `${v.titleEs} — ${v.heldOn}` : null,
				path: `/board/meetings/${v.meetingId}`
			}
		}
	];
}

function fromQuestion(db: Db, questionId: number, kind: NoticeKind): Caused[] {
	const q = db
		.select({
			askedBy: boardQuestions.askedBy,
			meetingId: progressUpdates.meetingId,
			title: priorities.title,
			titleEs: priorities.titleEs
		})
		.from(boardQuestions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, boardQuestions.updateId))
		.innerJoin(priorities, eq(priorities.id, progressUpdates.priorityId))
		.where(eq(boardQuestions.id, questionId))
		.get();
	if (!q) return [];
	// An answer goes to the one who asked; a question waiting, to everyone who may answer it.
	if (kind === 'question-answered' && !q.askedBy) return [];
	const to = kind === 'question-answered' ? allowed(db, kind, [q.askedBy!]) : undefined;
	return [
		{
			notice: {
				kind,
				subject: `board_question:${questionId}`,
				title: q.title,
				titleEs: q.titleEs,
				path: `/board/meetings/${q.meetingId}#questions`
			},
			to
		}
	];
}

/** Of the people given, those whose role may receive the kind. */
function allowed(db: Db, kind: NoticeKind, ids: string[]): string[] {
	const roles = new Set<string>(noticeKindInfo[kind].roles);
	return db
		.select({ id: users.id, role: users.role })
		.from(users)
		.where(inArray(users.id, ids))
		.all()
		.filter((u) => u.role !== null && roles.has(u.role))
		.map((u) => u.id);
}

/** The packet is ready once every update due at the meeting has reached the board. */
function packetReady(db: Db, meetingId: number | null): Caused[] {
	if (meetingId === null) return [];
	const due = db
		.select({ priorityId: monitoringCalendar.priorityId })
		.from(monitoringCalendar)
		.where(eq(monitoringCalendar.meetingId, meetingId))
		.all();
	if (due.length === 0) return [];
	const readable = new Set(
		db
			.selectDistinct({ priorityId: progressUpdates.priorityId })
			.from(progressUpdates)
			.innerJoin(progressUpdateVersions, eq(progressUpdateVersions.updateId, progressUpdates.id))
			.where(
				and(eq(progressUpdates.meetingId, meetingId), ne(progressUpdateVersions.state, 'draft'))
			)
			.all()
			.map((r) => r.priorityId)
	);
	if (!due.every((d) => readable.has(d.priorityId))) return [];
	const meeting = db.select().from(boardMeetings).where(eq(boardMeetings.id, meetingId)).get();
	if (!meeting) return [];
	return [
		{
			notice: {
				kind: 'packet-ready',
				subject: `board_meeting:${meetingId}:packet`,
				title: meetingTitle(meeting),
				path: `/board/meetings/${meetingId}/packet`
			}
		}
	];
}

function fromMeeting(db: Db, meetingId: number): Caused[] {
	const meeting = db.select().from(boardMeetings).where(eq(boardMeetings.id, meetingId)).get();
	if (!meeting) return [];
	return [
		{
			notice: {
				kind: 'record-public',
				subject: `board_meeting:${meetingId}:record`,
				title: meetingTitle(meeting),
				path: `/meetings/${meetingId}`
			}
		}
	];
}

function meetingTitle(m: { heldOn: string; title: string }): string {
	return m.title ? `${m.title} — ${m.heldOn}` : m.heldOn;
}
