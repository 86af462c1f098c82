import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { meetingSnapshots, progressUpdates } from '../db/schema/meetings.ts';
import { type Actor } from '../audit/index.ts';
import { formatValue } from '../../format.ts';
import { presentation, type PrioritySlide } from './presentation.ts';
import { publishUpdate, type UpdateVersion } from './updates.ts';
import { write } from '../audit/write.ts';

/** A meeting's slides (and so its packet) as `presentation` builds them. */
export type Deck = NonNullable<ReturnType<typeof presentation>>;

export interface MeetingRecord {
	id: number;
	frozenAt: string;
	reason: 'published' | 'held';
	deck: Deck;
}

/**
 * Freezes what the board is shown at this meeting, as it reads now, and returns the record's id.
 * Call it inside the transaction of the change that occasions it.
 */
export function freezeMeeting(
	db: Db,
	actor: Actor,
	meetingId: number,
	reason: MeetingRecord['reason'],
	/** When, if not now: the demo seed freezes with its frozen clock. */
	at?: string
): number {
	return write(db, actor, ({ tx, audit }) => {
		const deck = presentation(tx, meetingId);
		if (!deck) throw new Error(`No meeting ${meetingId}.`);
		const frozenAt = at ?? new Date().toISOString();
		const { id } = tx
			.insert(meetingSnapshots)
			.values({ meetingId, frozenAt, reason, frozenBy: actor.email, deck })
			.returning({ id: meetingSnapshots.id })
			.get();
		audit({
			action: 'freeze',
			entity: 'board_meeting',
			entityId: meetingId,
			after: { record: id, reason, frozenAt },
			at: frozenAt
		});
		return id;
	});
}

/**
 * Publishes an update and, in the same transaction, freezes its meeting's record: what the
 * public can now read is what the meeting's record holds.
 */
export function publishAndFreeze(db: Db, actor: Actor, updateId: number): UpdateVersion {
	return write(db, actor, ({ tx }) => {
		const published = publishUpdate(tx, actor, updateId);
		const update = tx
			.select({ meetingId: progressUpdates.meetingId })
			.from(progressUpdates)
			.where(eq(progressUpdates.id, updateId))
			.get();
		if (update) freezeMeeting(tx, actor, update.meetingId, 'published');
		return published;
	});
}

/** The newest frozen record of a meeting, or null when it has none yet. */
export function meetingRecord(db: Db, meetingId: number): MeetingRecord | null {
	const row = db
		.select()
		.from(meetingSnapshots)
		.where(and(eq(meetingSnapshots.meetingId, meetingId)))
		.orderBy(desc(meetingSnapshots.frozenAt), desc(meetingSnapshots.id))
		.limit(1)
		.get();
	return row
		? { id: row.id, frozenAt: row.frozenAt, reason: row.reason, deck: row.deck as Deck }
		: null;
}

/**
 * What reads differently today than in the record: each result or target of a priority's trend
 * that changed, appeared or went away, each standing, and each update text — in words, for the
 * "Show today's data" view.
 */
export function changesSince(then: Deck, now: Deck): string[] {
	const changes: string[] = [];
	const priorities = (d: Deck) =>
		new Map(
			d.slides
				.filter((s): s is PrioritySlide => s.kind === 'priority')
				.map((s) => [s.priorityId, s])
		);
	const before = priorities(then);
	const after = priorities(now);
	for (const [id, was] of before) {
		const is = after.get(id);
		if (!is) {
			changes.push(`${was.title}: no longer an active priority.`);
			continue;
		}
		if (was.trend && is.trend) {
			const unit = is.trend.unit;
			const old = new Map(was.trend.points.map((p) => [p.schoolYear, p]));
			for (const p of is.trend.points) {
				const o = old.get(p.schoolYear);
				for (const key of ['value', 'target'] as const) {
					const a = o?.[key] ?? null;
					const b = p[key];
					if (a === b) continue;
					const what = key === 'value' ? 'result' : 'target';
					changes.push(
						`${was.title} — ${is.trend.name}, ${p.schoolYear} ${what}: ${formatValue(a, unit)} then, ${formatValue(b, unit)} now.`
					);
				}
			}
			if (was.trend.standing !== is.trend.standing)
				changes.push(`${was.title}: “${was.trend.standing}” then, “${is.trend.standing}” now.`);
		}
		if (JSON.stringify(was.update) !== JSON.stringify(is.update))
			changes.push(`${was.title}: the progress update has changed since.`);
	}
	for (const [id, is] of after)
		if (!before.has(id)) changes.push(`${is.title}: a new priority since.`);
	return changes;
}

/**
 * The deck a reader is shown for a meeting: its frozen record by default, once it has one;
 * today's data when asked (`live`), with what changed since the record.
 */
export function deckForReader(db: Db, meetingId: number, live: boolean) {
	const record = meetingRecord(db, meetingId);
	if (record && !live)
		return { deck: record.deck, frozenAt: record.frozenAt, live: false, changes: [] as string[] };
	const deck = presentation(db, meetingId);
	if (!deck) return null;
	return {
		deck,
		frozenAt: record?.frozenAt ?? null,
		live: true,
		changes: record ? changesSince(record.deck, deck) : []
	};
}
