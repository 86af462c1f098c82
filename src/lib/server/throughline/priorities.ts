import { formatDate } from '../../format.ts';
import { write } from '../audit/write.ts';
import { asc, eq, sql } from 'drizzle-orm';
import { byName } from '../db/sort.ts';
import { deleteRecorded, saveNew } from '../audit/rows.ts';
import { missingChoice, takenByAnother } from '../db/lookups.ts';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { priorities } from '../db/schema/priorities.ts';
import { boardMeetings } from '../db/schema/meetings.ts';
import {
	choice,
	integerIn,
	optionalDate,
	optionalId,
	optionalText,
	parseChecked,
	plainText,
	requiredText,
	type FieldErrors,
	type Parsed,
	type Saved
} from '../forms.ts';
import { priorityStatuses, type PriorityStatus } from '../../choices.ts';
import { slugOf, slugPattern } from '../../params.ts';
import { reasonFor, recordPlanChanges, statusPlanChanges } from '../priorities/plan-changes.ts';

export const priorityInput = z.object({
	title: requiredText('title', 200),
	slug: requiredText('slug', 80).regex(
		slugPattern,
		'Use lower-case letters, digits and single hyphens in the slug (e.g. early-literacy).'
	),
	description: plainText('description', 4000),
	rationale: plainText('rationale', 4000),
	sponsor: plainText('sponsor', 200),
	adoptedOn: optionalDate('adoption date'),
	adoptedMeetingId: optionalId('meeting'),
	status: choice('status', priorityStatuses),
	sortOrder: integerIn('order', 0, 999, 0),
	titleEs: optionalText('Spanish title', 200),
	descriptionEs: optionalText('Spanish description', 4000)
});
export type PriorityInput = z.infer<typeof priorityInput>;

export type Priority = typeof priorities.$inferSelect;

export function listPriorities(db: Db, filter: { status?: PriorityStatus } = {}): Priority[] {
	return db
		.select()
		.from(priorities)
		.where(filter.status ? eq(priorities.status, filter.status) : undefined)
		.orderBy(asc(priorities.sortOrder), byName(priorities.title))
		.all();
}

export function getPriority(db: Db, id: number): Priority | undefined {
	return db.select().from(priorities).where(eq(priorities.id, id)).get();
}

/** Meetings a priority can be adopted at, newest first. */
export function meetingChoices(db: Db): { id: number; label: string }[] {
	return db
		.select({ id: boardMeetings.id, heldOn: boardMeetings.heldOn, title: boardMeetings.title })
		.from(boardMeetings)
		.orderBy(sql`${boardMeetings.heldOn} desc`)
		.all()
		.map((m) => {
			const on = formatDate(m.heldOn);
			return { id: m.id, label: m.title ? `${on} — ${m.title}` : on };
		});
}

function conflicts(db: Db, input: PriorityInput, id?: number): FieldErrors {
	const errors: FieldErrors = {};
	if (takenByAnother(db, priorities, priorities.id, eq(priorities.slug, input.slug), id))
		errors.slug = ['Another priority already uses this slug.'];
	if (missingChoice(db, boardMeetings, boardMeetings.id, input.adoptedMeetingId))
		errors.adoptedMeetingId = ['Choose a meeting from the list.'];
	return errors;
}

/** A slug left blank is made from the title (the form fills it as one types, with JavaScript). */
function withSlug(values: unknown): unknown {
	if (!values || typeof values !== 'object') return values;
	const v = values as Record<string, unknown>;
	if (typeof v.slug === 'string' && v.slug.trim()) return values;
	return { ...v, slug: typeof v.title === 'string' ? slugOf(v.title) : '' };
}

function validated(db: Db, values: unknown, id?: number): Parsed<PriorityInput> {
	return parseChecked(priorityInput, withSlug(values), (data) => conflicts(db, data, id));
}

export function createPriority(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(db, actor, priorities, 'priority', validated(db, values));
}

export function updatePriority(db: Db, actor: Actor, id: number, values: unknown): Saved {
	const before = getPriority(db, id);
	if (!before) return { ok: false, errors: { form: ['This priority no longer exists.'] } };
	const parsed = validated(db, values, id);
	if (!parsed.ok) return parsed;
	// An adopted priority's status is part of its public record: the change needs a reason.
	const changes = statusPlanChanges(before, parsed.data);
	const reason = reasonFor(changes, values);
	if (!reason.ok) return reason;
	return write(db, actor, ({ tx, audit }) => {
		const after = tx
			.update(priorities)
			.set({ ...parsed.data, updatedAt: new Date().toISOString() })
			.where(eq(priorities.id, id))
			.returning()
			.get();
		const auditId = audit({
			action: 'update',
			entity: 'priority',
			entityId: id,
			before,
			after,
			note: reason.reason
		});
		recordPlanChanges(tx, changes, reason, auditId);
		return { ok: true as const, id };
	});
}

export function deletePriority(db: Db, actor: Actor, id: number): boolean {
	return deleteRecorded(db, actor, priorities, 'priority', id);
}
