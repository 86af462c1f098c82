import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { priorities } from '../db/schema/priorities.ts';
import { agendaOf, duePriorityIds, getMeeting, timeShareOf } from './meetings.ts';
import { updatesOfMeeting, visibleVersions, type UpdateVersion } from './updates.ts';
import { evidenceFor, type Evidence } from './evidence.ts';
import { questionsOfMeeting } from './questions.ts';

export interface MeetingUpdate {
	updateId: number | null;
	priorityId: number;
	priorityTitle: string;
	due: boolean;
	/** The newest version this reader may see; null when none (e.g. a draft, for the board). */
	current: UpdateVersion | null;
	/** Earlier versions this reader may see, newest first. */
	history: UpdateVersion[];
	/** Staff only: the newest version is a draft not yet shared. */
	hasDraft: boolean;
	evidence: Evidence[];
}

/**
 * A meeting as a reader sees it: agenda, time share, the updates (drafts only for staff), and the
 * questions. `canEdit`: staff and the superintendent.
 */
export function meetingForReader(db: Db, meetingId: number, canEdit: boolean) {
	const meeting = getMeeting(db, meetingId);
	if (!meeting) return null;
	const agenda = agendaOf(db, meetingId);
	const due = new Set(duePriorityIds(db, meetingId));
	const updates = updatesOfMeeting(db, meetingId);
	const ids = [...new Set([...due, ...updates.map((u) => u.priorityId)])];
	const titles = ids.length
		? db
				.select({ id: priorities.id, title: priorities.title, sortOrder: priorities.sortOrder })
				.from(priorities)
				.where(inArray(priorities.id, ids))
				.orderBy(asc(priorities.sortOrder), asc(priorities.id))
				.all()
		: [];
	const rows: MeetingUpdate[] = titles.map((p) => {
		const u = updates.find((x) => x.priorityId === p.id);
		const visible = u ? visibleVersions(u.versions, canEdit) : [];
		const current = visible[0] ?? null;
		return {
			updateId: u?.id ?? null,
			priorityId: p.id,
			priorityTitle: p.title,
			due: due.has(p.id),
			current,
			history: visible.slice(1),
			hasDraft: !!u && u.versions[0]?.state === 'draft',
			evidence: current ? evidenceFor(db, current.evidenceMeasureIds) : []
		};
	});
	const questions = questionsOfMeeting(db, meetingId).filter((q) =>
		rows.some((r) => r.updateId === q.updateId && r.current)
	);
	return { meeting, agenda, share: timeShareOf(agenda), updates: rows, questions };
}

export function priorityTitle(db: Db, priorityId: number) {
	return db
		.select({ id: priorities.id, title: priorities.title, status: priorities.status })
		.from(priorities)
		.where(eq(priorities.id, priorityId))
		.get();
}
