// The state's student groups (and test-taker categories) as the district names them. Imports
// create them with the state's English and Spanish names; staff may change either name, so that
// no group name stays in English on the Spanish pages.
import { write } from '../audit/write.ts';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { studentGroups } from '../db/schema/district.ts';
import { results } from '../db/schema/measures.ts';
import { choice, optionalText, parse, requiredText, type Parsed } from '../forms.ts';
import { isKnownStudentGroup } from '../imports/groups.ts';
import { studentGroupKinds } from '../../choices.ts';

export const studentGroupNames = z.object({
	name: requiredText('English name', 120),
	nameEs: optionalText('Spanish name', 120)
});

export const studentGroupKind = z.object({
	kind: choice('kind (a student group, or who took a test)', studentGroupKinds)
});

export interface StudentGroupRow {
	code: string;
	name: string;
	nameEs: string | null;
	kind: 'student-group' | 'test-takers';
	/** One of the state's codes, whose kind is the state's; others' kind staff may set. */
	stateCode: boolean;
	/** How many results name the group: where it is used. */
	results: number;
}

/** Every group, in the state's order; `missingSpanish` keeps only those without a Spanish name. */
export function listStudentGroups(
	db: Db,
	filter: { missingSpanish?: boolean } = {}
): StudentGroupRow[] {
	return groupRows(db, filter).map((g) => ({ ...g, stateCode: isKnownStudentGroup(g.code) }));
}

function groupRows(db: Db, filter: { missingSpanish?: boolean }) {
	const used = db
		.select({ code: results.studentGroup, n: sql<number>`count(*)`.as('n') })
		.from(results)
		.groupBy(results.studentGroup)
		.as('used');
	return db
		.select({
			code: studentGroups.code,
			name: studentGroups.name,
			nameEs: studentGroups.nameEs,
			kind: studentGroups.kind,
			results: sql<number>`coalesce(${used.n}, 0)`
		})
		.from(studentGroups)
		.leftJoin(used, eq(used.code, studentGroups.code))
		.where(
			filter.missingSpanish
				? sql`${studentGroups.nameEs} IS NULL OR trim(${studentGroups.nameEs}) = ''`
				: undefined
		)
		.orderBy(asc(studentGroups.sortOrder), asc(studentGroups.code))
		.all();
}

/** Renames one group (English and Spanish), audited in the same transaction. */
export function renameStudentGroup(
	db: Db,
	actor: Actor,
	code: string,
	values: unknown
): Parsed<typeof studentGroups.$inferSelect> {
	const before = db.select().from(studentGroups).where(eq(studentGroups.code, code)).get();
	if (!before) return { ok: false, errors: { form: [`There is no student group “${code}”.`] } };
	const parsed = parse(studentGroupNames, values);
	if (!parsed.ok) return parsed;
	return saveGroup(db, actor, before, parsed.data);
}

type Group = typeof studentGroups.$inferSelect;

/** Changes one stored group, audited in the same transaction. */
function saveGroup(
	db: Db,
	actor: Actor,
	before: Group,
	changes: Partial<Group>
): { ok: true; data: Group } {
	return write(db, actor, ({ tx, audit }) => {
		const after = tx
			.update(studentGroups)
			.set(changes)
			.where(eq(studentGroups.code, before.code))
			.returning()
			.get();
		audit({ action: 'update', entity: 'student_group', entityId: before.code, before, after });
		return { ok: true as const, data: after };
	});
}

/**
 * Marks a code the state's catalog does not know as a student group or as who took a test (never
 * a group: off the public by-group tables, not offered for targets), audited. The state's own
 * codes keep the state's kind.
 */
export function setStudentGroupKind(
	db: Db,
	actor: Actor,
	code: string,
	values: unknown
): Parsed<typeof studentGroups.$inferSelect> {
	const before = db.select().from(studentGroups).where(eq(studentGroups.code, code)).get();
	if (!before) return { ok: false, errors: { form: [`There is no student group “${code}”.`] } };
	if (isKnownStudentGroup(code))
		return {
			ok: false,
			errors: { kind: [`${code} is one of the state's codes: its kind is the state's.`] }
		};
	const parsed = parse(studentGroupKind, values);
	if (!parsed.ok) return parsed;
	if (parsed.data.kind === before.kind) return { ok: true, data: before };
	return saveGroup(db, actor, before, { kind: parsed.data.kind });
}

/** The student groups a target may be set for (not the whole district, not test takers). */
export function targetGroupChoices(db: Db): { code: string; name: string }[] {
	return db
		.select({ code: studentGroups.code, name: studentGroups.name })
		.from(studentGroups)
		.where(sql`${studentGroups.kind} = 'student-group' AND ${studentGroups.code} <> 'ALL'`)
		.orderBy(asc(studentGroups.sortOrder), asc(studentGroups.code))
		.all();
}
