// Dated event notes: what happened when (a strike, a fire, a new curriculum, a new principal),
// district-wide or for one school or one priority, shown on every chart whose span includes them.
// Public unless marked internal: an internal note reaches board and staff pages only.
import { and, count, desc, eq, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { deleteRecorded, saveChanges, saveNew } from '../audit/rows.ts';
import { eventNotes } from '../db/schema/context.ts';
import { byName } from '../db/sort.ts';
import { schools, schoolYears } from '../db/schema/district.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	checkbox,
	optionalId,
	optionalText,
	parseChecked,
	requiredDate,
	requiredText,
	type FieldErrors,
	type Saved
} from '../forms.ts';
import { schoolYearLabel, schoolYearOf } from '../../school-year.ts';
import type { ChartNote } from '../../event-notes.ts';

export const noteInput = z.object({
	happenedOn: requiredDate('date of the event'),
	text: requiredText('note', 500),
	textEs: optionalText('Spanish note', 500),
	schoolId: optionalId('school'),
	priorityId: optionalId('priority'),
	internal: checkbox
});

export type EventNote = typeof eventNotes.$inferSelect;
type NoteData = z.infer<typeof noteInput>;

/** What the stored data refuses: a date outside the district's school years, two scopes, a gone school. */
function checkNote(db: Db, data: NoteData): FieldErrors {
	const errors: FieldErrors = {};
	const start = schoolYearOf(data.happenedOn);
	const year = db.select().from(schoolYears).where(eq(schoolYears.startYear, start)).get();
	if (!year) {
		const years = db.select().from(schoolYears).orderBy(schoolYears.startYear).all();
		errors.happenedOn = [
			years.length
				? `${data.happenedOn} falls in ${schoolYearLabel(start)}, which is not one of the district's school years (${years[0].label} to ${years.at(-1)!.label}).`
				: `The district has no school years yet: add them before notes.`
		];
	}
	if (data.schoolId !== null && data.priorityId !== null)
		errors.priorityId = ['A note is for one school or one priority, not both: leave one empty.'];
	if (
		data.schoolId !== null &&
		!db.select({ id: schools.id }).from(schools).where(eq(schools.id, data.schoolId)).get()
	)
		errors.schoolId = ['Choose a school from the list.'];
	if (
		data.priorityId !== null &&
		!db
			.select({ id: priorities.id })
			.from(priorities)
			.where(eq(priorities.id, data.priorityId))
			.get()
	)
		errors.priorityId = ['Choose a priority from the list.'];
	return errors;
}

export function createNote(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(
		db,
		actor,
		eventNotes,
		'event_note',
		parseChecked(noteInput, values, (d) => checkNote(db, d))
	);
}

export function updateNote(db: Db, actor: Actor, id: number, values: unknown): Saved {
	if (!getNote(db, id)) return { ok: false, errors: { form: ['This note no longer exists.'] } };
	return saveChanges(
		db,
		actor,
		eventNotes,
		'event_note',
		id,
		parseChecked(noteInput, values, (d) => checkNote(db, d))
	);
}

export function deleteNote(db: Db, actor: Actor, id: number): boolean {
	return deleteRecorded(db, actor, eventNotes, 'event_note', id);
}

export function getNote(db: Db, id: number): EventNote | undefined {
	return db.select().from(eventNotes).where(eq(eventNotes.id, id)).get();
}

export interface NoteRow extends EventNote {
	school: string | null;
	priority: string | null;
}

/** Staff's list, newest first, a page at a time. */
export function listNotes(db: Db, page = 1, perPage = 50): { rows: NoteRow[]; total: number } {
	const rows = db
		.select({ note: eventNotes, school: schools.name, priority: priorities.title })
		.from(eventNotes)
		.leftJoin(schools, eq(schools.id, eventNotes.schoolId))
		.leftJoin(priorities, eq(priorities.id, eventNotes.priorityId))
		.orderBy(desc(eventNotes.happenedOn), desc(eventNotes.id))
		.limit(perPage)
		.offset((page - 1) * perPage)
		.all()
		.map((r) => ({ ...r.note, school: r.school, priority: r.priority }));
	const total = db.select({ n: count() }).from(eventNotes).get()?.n ?? 0;
	return { rows, total };
}

/**
 * The notes a chart shows, for one reader: the district-wide ones, and those of the priority or
 * school the chart is about. `internal` only for board and staff pages; the public never gets one.
 */
export function chartNotes(
	db: Db,
	about: { priorityId?: number | null; schoolId?: number | null; anyPriority?: boolean },
	{ internal }: { internal: boolean }
): ChartNote[] {
	const scope: SQL[] = [and(isNull(eventNotes.schoolId), isNull(eventNotes.priorityId))!];
	if (about.priorityId) scope.push(eq(eventNotes.priorityId, about.priorityId));
	if (about.anyPriority) scope.push(isNotNull(eventNotes.priorityId));
	if (about.schoolId) scope.push(eq(eventNotes.schoolId, about.schoolId));
	return db
		.select({ note: eventNotes, school: schools.name, priority: priorities.title })
		.from(eventNotes)
		.leftJoin(schools, eq(schools.id, eventNotes.schoolId))
		.leftJoin(priorities, eq(priorities.id, eventNotes.priorityId))
		.where(and(or(...scope), internal ? undefined : eq(eventNotes.internal, false)))
		.orderBy(eventNotes.happenedOn, eventNotes.id)
		.all()
		.map(({ note, school, priority }) => ({
			id: note.id,
			happenedOn: note.happenedOn,
			text: note.text,
			textEs: note.textEs,
			internal: note.internal,
			school,
			priority,
			schoolId: note.schoolId,
			priorityId: note.priorityId
		}));
}

/** The notes of every priority's district charts (district-wide and per priority), for one reader. */
export function prioritiesChartNotes(db: Db, { internal }: { internal: boolean }): ChartNote[] {
	return chartNotes(db, { anyPriority: true }, { internal });
}

/** Every public note, for the open data: never an internal one. */
export function publicNotes(db: Db) {
	return db
		.select({
			id: eventNotes.id,
			date: eventNotes.happenedOn,
			school_cds_code: schools.cdsCode,
			school: schools.name,
			priority: priorities.slug,
			note: eventNotes.text,
			note_es: eventNotes.textEs
		})
		.from(eventNotes)
		.leftJoin(schools, eq(schools.id, eventNotes.schoolId))
		.leftJoin(priorities, eq(priorities.id, eventNotes.priorityId))
		.where(eq(eventNotes.internal, false))
		.orderBy(eventNotes.happenedOn, eventNotes.id)
		.all();
}

/** The choices of the note form: the schools by name and the priorities in their order. */
export function noteChoices(db: Db) {
	return {
		schools: db
			.select({ value: schools.id, label: schools.name })
			.from(schools)
			.orderBy(byName(schools.name))
			.all(),
		priorities: db
			.select({ value: priorities.id, label: priorities.title })
			.from(priorities)
			.orderBy(priorities.sortOrder, priorities.id)
			.all()
	};
}
