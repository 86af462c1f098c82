import { formatDate } from '../../format.ts';
import { desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { boardMeetings } from '../db/schema/meetings.ts';
import { freezeMeeting, meetingRecord } from './snapshots.ts';
import { WorkflowError } from './updates.ts';
import type { Meeting } from './meetings.ts';
import { write } from '../audit/write.ts';

/**
 * Marks a meeting held (the superintendent or an administrator; the route authorizes 'hold'). Its
 * public record page opens from then on. A meeting with no record yet has one frozen now, in the
 * same transaction, as publishing does. A meeting is held once: its date must have come.
 */
export function markHeld(
	db: Db,
	actor: Actor,
	meetingId: number,
	today: string,
	/** When, if not now: the demo seed writes with its frozen clock. */
	at?: string
): { heldAt: string; recordId: number; frozenNow: boolean } {
	return write(db, actor, ({ tx: t, audit }) => {
		const meeting = t.select().from(boardMeetings).where(eq(boardMeetings.id, meetingId)).get();
		if (!meeting) throw new WorkflowError('There is no such meeting.');
		if (meeting.heldAt) throw new WorkflowError('This meeting is already marked held.');
		if (meeting.heldOn > today)
			throw new WorkflowError(
				`This meeting is on ${formatDate(meeting.heldOn)}: it can be marked held on or after that day.`
			);
		const heldAt = at ?? new Date().toISOString();
		t.update(boardMeetings)
			.set({ heldAt, heldBy: actor.email })
			.where(eq(boardMeetings.id, meetingId))
			.run();
		const existing = meetingRecord(t, meetingId);
		const recordId = existing?.id ?? freezeMeeting(t, actor, meetingId, 'held', at);
		audit({
			action: 'hold',
			entity: 'board_meeting',
			entityId: meetingId,
			before: { heldAt: null },
			after: { heldAt, record: recordId },
			at: heldAt
		});
		return { heldAt, recordId, frozenNow: !existing };
	});
}

export function isHeld(meeting: Pick<Meeting, 'heldAt'>): boolean {
	return meeting.heldAt !== null;
}

/** The meetings marked held, newest first: the public list at /meetings. */
export function heldMeetings(db: Db): Meeting[] {
	return db
		.select()
		.from(boardMeetings)
		.where(isNotNull(boardMeetings.heldAt))
		.orderBy(desc(boardMeetings.heldOn), desc(boardMeetings.id))
		.all();
}
