import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { boardMeetings, progressUpdates, progressUpdateVersions } from '../db/schema/meetings.ts';
import { priorities } from '../db/schema/priorities.ts';
import { district } from '../db/schema/district.ts';
import { write } from '../audit/write.ts';
import { updateStatuses } from '../../choices.ts';

export type UpdateVersion = typeof progressUpdateVersions.$inferSelect;

const text = (max: number, message: string) => z.string().trim().max(max, message).default('');
const optionalText = (max: number, message: string) =>
	z
		.string()
		.trim()
		.max(max, message)
		.nullable()
		.default(null)
		.transform((s) => s || null);

export const updateInput = z.object({
	status: z.enum(updateStatuses, { error: 'Choose on track, watch or off track.' }),
	summary: z
		.string()
		.trim()
		.min(1, 'Write a one-line summary.')
		.max(300, 'Keep the summary under 300 characters.'),
	summaryEs: optionalText(300, 'Keep the Spanish summary under 300 characters.'),
	narrative: text(8000, 'Keep the narrative under 8,000 characters.'),
	narrativeEs: optionalText(8000, 'Keep the Spanish narrative under 8,000 characters.'),
	learned: text(4000, 'Keep "what we learned" under 4,000 characters.'),
	learnedEs: optionalText(4000, 'Keep the Spanish text under 4,000 characters.'),
	adjustments: text(4000, 'Keep the support adjustments under 4,000 characters.'),
	adjustmentsEs: optionalText(4000, 'Keep the Spanish text under 4,000 characters.'),
	nextSteps: text(4000, 'Keep the next steps under 4,000 characters.'),
	nextStepsEs: optionalText(4000, 'Keep the Spanish text under 4,000 characters.'),
	/** For the presenter view only: board and staff read them, the public never does. */
	speakerNotes: text(4000, 'Keep the speaker notes under 4,000 characters.'),
	evidenceMeasureIds: z
		.array(z.coerce.number().int().positive('Choose measures from the list.'))
		.max(8, 'Choose at most 8 measures.')
		.default([])
});
export type UpdateInput = z.infer<typeof updateInput>;

export interface UpdateWithVersions {
	id: number;
	priorityId: number;
	meetingId: number;
	versions: UpdateVersion[];
}

export function findUpdate(db: Db, priorityId: number, meetingId: number) {
	return db
		.select()
		.from(progressUpdates)
		.where(
			and(eq(progressUpdates.priorityId, priorityId), eq(progressUpdates.meetingId, meetingId))
		)
		.get();
}

export function versionsOf(db: Db, updateId: number): UpdateVersion[] {
	return db
		.select()
		.from(progressUpdateVersions)
		.where(eq(progressUpdateVersions.updateId, updateId))
		.orderBy(desc(progressUpdateVersions.version))
		.all();
}

/** Who may read a version: staff and the superintendent read everything, the board no drafts. */
export function visibleVersions(versions: UpdateVersion[], canEdit: boolean): UpdateVersion[] {
	return canEdit ? versions : versions.filter((v) => v.state !== 'draft');
}

/** Updates of one meeting, newest version first in each. */
export function updatesOfMeeting(db: Db, meetingId: number): UpdateWithVersions[] {
	const ups = db
		.select()
		.from(progressUpdates)
		.where(eq(progressUpdates.meetingId, meetingId))
		.all();
	if (ups.length === 0) return [];
	const vs = db
		.select()
		.from(progressUpdateVersions)
		.where(
			inArray(
				progressUpdateVersions.updateId,
				ups.map((u) => u.id)
			)
		)
		.orderBy(desc(progressUpdateVersions.version))
		.all();
	return ups.map((u) => ({
		id: u.id,
		priorityId: u.priorityId,
		meetingId: u.meetingId,
		versions: vs.filter((v) => v.updateId === u.id)
	}));
}

export class WorkflowError extends Error {}

function touchData(db: Db) {
	db.update(district).set({ dataUpdatedAt: new Date().toISOString() }).run();
}

/**
 * Saves an update. The first save creates the update and its version 1 (a draft). Editing a draft
 * or shared version changes it in place; editing after publishing starts a new draft version, so
 * the published text stays as it was.
 */
export function saveUpdate(
	db: Db,
	actor: Actor,
	priorityId: number,
	meetingId: number,
	input: UpdateInput
): { updateId: number; version: number } {
	return write(db, actor, ({ tx, audit }) => {
		let update = findUpdate(tx, priorityId, meetingId);
		if (!update) {
			update = tx.insert(progressUpdates).values({ priorityId, meetingId }).returning().get();
			audit({
				action: 'create',
				entity: 'progress_update',
				entityId: update.id,
				after: update
			});
		}
		const latest = versionsOf(tx, update.id)[0];
		const now = new Date().toISOString();
		if (latest && latest.state !== 'published') {
			const after = tx
				.update(progressUpdateVersions)
				.set({ ...input, updatedAt: now })
				.where(eq(progressUpdateVersions.id, latest.id))
				.returning()
				.get();
			audit({
				action: 'update',
				entity: 'progress_update_version',
				entityId: latest.id,
				before: latest,
				after
			});
			return { updateId: update.id, version: after.version };
		}
		const row = tx
			.insert(progressUpdateVersions)
			.values({
				...input,
				updateId: update.id,
				version: (latest?.version ?? 0) + 1,
				state: 'draft',
				authorId: actor.id
			})
			.returning()
			.get();
		audit({
			action: 'create',
			entity: 'progress_update_version',
			entityId: row.id,
			after: row
		});
		return { updateId: update.id, version: row.version };
	});
}

/** Shares the draft with the board (staff or superintendent). */
export function shareUpdate(db: Db, actor: Actor, updateId: number): UpdateVersion {
	return write(db, actor, ({ tx, audit }) => {
		const latest = versionsOf(tx, updateId)[0];
		if (!latest) throw new WorkflowError('There is no update to share.');
		if (latest.state !== 'draft') throw new WorkflowError('Only a draft can be shared.');
		const after = tx
			.update(progressUpdateVersions)
			.set({ state: 'shared', updatedAt: new Date().toISOString() })
			.where(eq(progressUpdateVersions.id, latest.id))
			.returning()
			.get();
		audit({
			action: 'share',
			entity: 'progress_update_version',
			entityId: latest.id,
			before: { state: latest.state },
			after: { state: after.state }
		});
		return after;
	});
}

/**
 * Publishes the newest version (the superintendent only; the route authorizes 'publish'). It
 * becomes public and frozen.
 */
export function publishUpdate(db: Db, actor: Actor, updateId: number): UpdateVersion {
	return write(db, actor, ({ tx, audit }) => {
		const latest = versionsOf(tx, updateId)[0];
		if (!latest) throw new WorkflowError('There is no update to publish.');
		if (latest.state === 'published') throw new WorkflowError('This version is already published.');
		const now = new Date().toISOString();
		const after = tx
			.update(progressUpdateVersions)
			.set({ state: 'published', publishedAt: now, publishedBy: actor.id, updatedAt: now })
			.where(eq(progressUpdateVersions.id, latest.id))
			.returning()
			.get();
		touchData(tx);
		audit({
			action: 'publish',
			entity: 'progress_update_version',
			entityId: latest.id,
			before: { state: latest.state },
			after: { state: after.state, publishedAt: now }
		});
		return after;
	});
}

// ---------------------------------------------------------------------------------------------
// What the public may read

/** The fields of a published version the public may read: no state, author or internal ids. */
export interface PublishedUpdate {
	priorityId: number;
	prioritySlug: string;
	priorityTitle: string;
	meetingId: number;
	meetingDate: string;
	version: number;
	status: UpdateVersion['status'];
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
	evidenceMeasureIds: number[];
	publishedAt: string;
}

/**
 * Published updates, newest meeting first: for each update, its newest published version only.
 * Never drafts, never shared-only versions, never internal fields.
 */
export function publishedUpdates(
	db: Db,
	options: { priorityId?: number; priorityIds?: number[]; meetingId?: number; limit?: number } = {}
): PublishedUpdate[] {
	if (options.priorityIds?.length === 0) return [];
	const rows = db
		.select({
			updateId: progressUpdateVersions.updateId,
			priorityId: progressUpdates.priorityId,
			prioritySlug: priorities.slug,
			priorityTitle: priorities.title,
			meetingId: progressUpdates.meetingId,
			meetingDate: boardMeetings.heldOn,
			version: progressUpdateVersions.version,
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
			evidenceMeasureIds: progressUpdateVersions.evidenceMeasureIds,
			publishedAt: progressUpdateVersions.publishedAt
		})
		.from(progressUpdateVersions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, progressUpdateVersions.updateId))
		.innerJoin(priorities, eq(priorities.id, progressUpdates.priorityId))
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.where(
			and(
				eq(progressUpdateVersions.state, 'published'),
				isNotNull(progressUpdateVersions.publishedAt),
				options.priorityId === undefined
					? undefined
					: eq(progressUpdates.priorityId, options.priorityId),
				options.priorityIds === undefined
					? undefined
					: inArray(progressUpdates.priorityId, options.priorityIds),
				options.meetingId === undefined
					? undefined
					: eq(progressUpdates.meetingId, options.meetingId)
			)
		)
		.orderBy(
			desc(boardMeetings.heldOn),
			asc(priorities.sortOrder),
			asc(priorities.id),
			desc(progressUpdateVersions.version)
		)
		.all();
	const seen = new Set<number>();
	const out: PublishedUpdate[] = [];
	for (const { updateId, publishedAt, ...row } of rows) {
		if (seen.has(updateId)) continue;
		seen.add(updateId);
		out.push({ ...row, publishedAt: publishedAt as string });
		if (options.limit !== undefined && out.length >= options.limit) break;
	}
	return out;
}

export function latestPublishedUpdate(db: Db, priorityId: number): PublishedUpdate | null {
	return publishedUpdates(db, { priorityId, limit: 1 })[0] ?? null;
}

/** The newest published update of each priority, for the public summary: one query for all. */
export function latestPublishedByPriority(
	db: Db,
	priorityIds: number[]
): Map<number, PublishedUpdate> {
	const latest = new Map<number, PublishedUpdate>();
	for (const u of publishedUpdates(db, { priorityIds })) {
		if (!latest.has(u.priorityId)) latest.set(u.priorityId, u);
	}
	return latest;
}

// ---------------------------------------------------------------------------------------------
// What the board may read about one priority

export interface BoardUpdate {
	updateId: number;
	meetingId: number;
	meetingDate: string;
	meetingTitle: string;
	version: number;
	/** Shared with the board, or published to the public. Never a draft. */
	state: Exclude<UpdateVersion['state'], 'draft'>;
	status: UpdateVersion['status'];
	summary: string;
	publishedAt: string | null;
}

/**
 * A priority's progress updates as the board sees them, newest meeting first: of each update its
 * newest version that is shared or published (as `visibleVersions` does for the board). An update
 * with nothing but drafts is not listed. `limit` caps the rows; `total` counts them all.
 */
export function boardUpdatesOfPriority(
	db: Db,
	priorityId: number,
	limit = 6
): { rows: BoardUpdate[]; total: number } {
	const versions = db
		.select({
			updateId: progressUpdates.id,
			meetingId: progressUpdates.meetingId,
			meetingDate: boardMeetings.heldOn,
			meetingTitle: boardMeetings.title,
			version: progressUpdateVersions.version,
			state: progressUpdateVersions.state,
			status: progressUpdateVersions.status,
			summary: progressUpdateVersions.summary,
			publishedAt: progressUpdateVersions.publishedAt
		})
		.from(progressUpdateVersions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, progressUpdateVersions.updateId))
		.innerJoin(boardMeetings, eq(boardMeetings.id, progressUpdates.meetingId))
		.where(
			and(eq(progressUpdates.priorityId, priorityId), ne(progressUpdateVersions.state, 'draft'))
		)
		.orderBy(
			desc(boardMeetings.heldOn),
			desc(progressUpdates.id),
			desc(progressUpdateVersions.version)
		)
		.all();
	const seen = new Set<number>();
	const rows: BoardUpdate[] = [];
	for (const v of versions) {
		if (seen.has(v.updateId)) continue;
		seen.add(v.updateId);
		rows.push({ ...v, state: v.state as BoardUpdate['state'] });
	}
	return { rows: rows.slice(0, limit), total: rows.length };
}

/**
 * The speaker notes of the version a slide shows (board and staff only: the presenter view). The
 * deck, and so a meeting's public record, never holds them.
 */
export function speakerNotesOf(
	db: Db,
	meetingId: number,
	priorityId: number,
	version: number
): string {
	return (
		db
			.select({ notes: progressUpdateVersions.speakerNotes })
			.from(progressUpdateVersions)
			.innerJoin(progressUpdates, eq(progressUpdates.id, progressUpdateVersions.updateId))
			.where(
				and(
					eq(progressUpdates.meetingId, meetingId),
					eq(progressUpdates.priorityId, priorityId),
					eq(progressUpdateVersions.version, version)
				)
			)
			.get()?.notes ?? ''
	);
}
