import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { boardMeetings, progressUpdates, progressUpdateVersions } from '../db/schema/meetings.ts';

export interface PublishedUpdate {
	priorityId: number;
	meetingDate: string;
	status: 'on track' | 'watch' | 'off track';
	summary: string;
	summaryEs: string | null;
	narrative: string;
	narrativeEs: string | null;
	learned: string;
	learnedEs: string | null;
	adjustments: string;
	adjustmentsEs: string | null;
	nextSteps: string;
	nextStepsEs: string | null;
	publishedAt: string;
}

/**
 * Published versions only: a draft or board-shared version never leaves this function, and of
 * each update only its newest published version counts.
 */
export function publishedUpdates(db: Db, priorityIds: number[]): PublishedUpdate[] {
	if (priorityIds.length === 0) return [];
	const rows = db
		.select({
			updateId: progressUpdates.id,
			version: progressUpdateVersions.version,
			priorityId: progressUpdates.priorityId,
			meetingDate: boardMeetings.heldOn,
			status: progressUpdateVersions.status,
			summary: progressUpdateVersions.summary,
			summaryEs: progressUpdateVersions.summaryEs,
			narrative: progressUpdateVersions.narrative,
			narrativeEs: progressUpdateVersions.narrativeEs,
			learned: progressUpdateVersions.learned,
			learnedEs: progressUpdateVersions.learnedEs,
			adjustments: progressUpdateVersions.adjustments,
			adjustmentsEs: progressUpdateVersions.adjustmentsEs,
			nextSteps: progressUpdateVersions.nextSteps,
			nextStepsEs: progressUpdateVersions.nextStepsEs,
			publishedAt: progressUpdateVersions.publishedAt
		})
		.from(progressUpdateVersions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, progressUpdateVersions.updateId))
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.where(
			and(
				inArray(progressUpdates.priorityId, priorityIds),
				eq(progressUpdateVersions.state, 'published'),
				isNotNull(progressUpdateVersions.publishedAt)
			)
		)
		.orderBy(desc(boardMeetings.heldOn), desc(progressUpdateVersions.version))
		.all();
	const seen = new Set<number>();
	const out: PublishedUpdate[] = [];
	for (const { updateId, version: _version, publishedAt, ...r } of rows) {
		if (seen.has(updateId)) continue;
		seen.add(updateId);
		out.push({ ...r, publishedAt: publishedAt as string });
	}
	return out;
}

/** The newest published update of each priority. */
export function latestPublishedByPriority(
	db: Db,
	priorityIds: number[]
): Map<number, PublishedUpdate> {
	const latest = new Map<number, PublishedUpdate>();
	for (const u of publishedUpdates(db, priorityIds)) {
		if (!latest.has(u.priorityId)) latest.set(u.priorityId, u);
	}
	return latest;
}
