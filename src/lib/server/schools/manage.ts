import { byName } from '../db/sort.ts';
// Staff's work on the district's schools: the list at /manage/schools (search, type, status,
// paged), add, edit, exclude from the district's figures, and merge two records of one school.
// Every write runs in one transaction with its audit entry.
import { write } from '../audit/write.ts';
import { saveChanges, saveNew } from '../audit/rows.ts';
import { schoolTypes, type SchoolType } from '../../choices.ts';
import { and, asc, count, eq, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { district, schoolCdsAliases, schools } from '../db/schema/district.ts';
import { initiativeSchools } from '../db/schema/priorities.ts';
import {
	checkbox,
	choice,
	optionalDate,
	optionalText,
	parse,
	requiredText,
	type FieldErrors,
	type Parsed,
	type Saved
} from '../forms.ts';

export type School = typeof schools.$inferSelect;

export const schoolTypeNames: Record<SchoolType, string> = {
	elementary: 'Elementary',
	middle: 'Middle',
	high: 'High',
	'k-8': 'K-8',
	continuation: 'Continuation',
	alternative: 'Alternative',
	other: 'Other'
};

export const manageStatuses = ['open', 'closed', 'excluded', 'all'] as const;
export type ManageStatus = (typeof manageStatuses)[number];

export interface ManageFilter {
	q?: string;
	type?: SchoolType | '';
	status?: ManageStatus;
	page?: number;
}

export interface ManageRow {
	id: number;
	cdsCode: string;
	name: string;
	type: SchoolType;
	gradeSpan: string | null;
	charter: boolean;
	status: 'open' | 'closed';
	closedOn: string | null;
	excluded: boolean;
	/** Results recorded for it: a school an import created has results but no type or grades. */
	results: number;
	/** The current principal, from the leader tenures. */
	principal: string | null;
}

export const schoolsPerPage = 50;

/** The district's schools for staff, 50 a page, excluded ones included when asked. */
export function manageSchools(
	db: Db,
	filter: ManageFilter = {}
): { rows: ManageRow[]; total: number; page: number; pages: number } {
	const conditions: SQL[] = [];
	const q = filter.q?.trim();
	if (q) {
		const digits = q.replace(/[\s-]/g, '');
		conditions.push(
			/^\d+$/.test(digits)
				? or(like(schools.cdsCode, `${digits}%`), like(schools.name, `%${q}%`))!
				: like(schools.name, `%${q}%`)
		);
	}
	if (filter.type && (schoolTypes as readonly string[]).includes(filter.type)) {
		conditions.push(eq(schools.type, filter.type));
	}
	const status = filter.status ?? 'open';
	if (status === 'excluded') conditions.push(eq(schools.excluded, true));
	else if (status !== 'all') {
		conditions.push(eq(schools.status, status), eq(schools.excluded, false));
	}
	const where = conditions.length ? and(...conditions) : undefined;
	const total = db.select({ n: count() }).from(schools).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / schoolsPerPage));
	const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1) || 1), pages);
	const rows = db
		.select({
			id: schools.id,
			cdsCode: schools.cdsCode,
			name: schools.name,
			type: schools.type,
			gradeSpan: schools.gradeSpan,
			charter: schools.charter,
			status: schools.status,
			closedOn: schools.closedOn,
			excluded: schools.excluded,
			results: sql<number>`(select count(*) from result r where r.school_id = "school"."id")`,
			principal: sql<
				string | null
			>`(select t.person_name from leader_tenure t where t.role = 'principal'
				and t.school_id = "school"."id" and t.ended_on is null order by t.started_on desc limit 1)`
		})
		.from(schools)
		.where(where)
		.orderBy(byName(schools.name), asc(schools.cdsCode))
		.limit(schoolsPerPage)
		.offset((page - 1) * schoolsPerPage)
		.all();
	return { rows, total, page, pages };
}

export function getSchool(db: Db, id: number): School | undefined {
	return db.select().from(schools).where(eq(schools.id, id)).get();
}

/** A CDS code as people write it (36-67678-0000000, with spaces) → its 14 digits. */
export function normalCds(raw: string): string {
	return raw.replace(/[\s-]/g, '');
}

export const schoolInput = z
	.object({
		name: requiredText('school name', 200),
		cdsCode: z
			.string({ error: 'Enter the CDS code.' })
			.transform(normalCds)
			.superRefine((v, ctx) => {
				if (v.length === 0) ctx.addIssue({ code: 'custom', message: 'Enter the CDS code.' });
				else if (!/^\d+$/.test(v))
					ctx.addIssue({
						code: 'custom',
						message: 'A CDS code is 14 digits (county, district, school), digits only.'
					});
				else if (v.length !== 14)
					ctx.addIssue({
						code: 'custom',
						message: `A CDS code is 14 digits (county, district, school); this one has ${v.length}.`
					});
			}),
		type: choice('school type', schoolTypes),
		gradeSpan: optionalText('grade span', 20).refine(
			(v) => v === null || /^[A-Za-z0-9]+(?:\s*[-,]\s*[A-Za-z0-9]+)*$/.test(v),
			'Write the grade span as the state does, e.g. K-5, TK-8 or 9-12.'
		),
		charter: checkbox,
		status: choice('status', ['open', 'closed'] as const),
		openedOn: optionalDate('opening date'),
		closedOn: optionalDate('closing date')
	})
	.superRefine((v, ctx) => {
		if (v.status === 'open' && v.closedOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['closedOn'],
				message: 'An open school has no closing date: choose Closed, or clear the date.'
			});
		}
		if (v.openedOn && v.closedOn && v.closedOn < v.openedOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['closedOn'],
				message: 'The closing date is before the opening date.'
			});
		}
	});
export type SchoolInput = z.infer<typeof schoolInput>;

function conflicts(db: Db, input: SchoolInput, id?: number): FieldErrors {
	const errors: FieldErrors = {};
	const d = db.select({ cds: district.cdsCode, name: district.name }).from(district).get();
	if (d) {
		if (input.cdsCode === d.cds) {
			errors.cdsCode = [`${input.cdsCode} is the district's own code; a school's ends otherwise.`];
		} else if (!input.cdsCode.startsWith(d.cds.slice(0, 7))) {
			errors.cdsCode = [
				`A school of ${d.name} has a CDS code starting ${d.cds.slice(0, 7)} (the district's county and district digits).`
			];
		}
	}
	if (!errors.cdsCode) {
		const same = eq(schools.cdsCode, input.cdsCode);
		const taken = db
			.select({ name: schools.name })
			.from(schools)
			.where(id === undefined ? same : and(same, ne(schools.id, id)))
			.get();
		if (taken) {
			errors.cdsCode = [`A school with CDS code ${input.cdsCode} already exists: ${taken.name}.`];
		} else {
			const alias = db
				.select({ name: schools.name, id: schools.id })
				.from(schoolCdsAliases)
				.innerJoin(schools, eq(schools.id, schoolCdsAliases.schoolId))
				.where(eq(schoolCdsAliases.cdsCode, input.cdsCode))
				.get();
			if (alias && alias.id !== id) {
				errors.cdsCode = [
					`CDS code ${input.cdsCode} belonged to a school merged into ${alias.name}.`
				];
			}
		}
	}
	return errors;
}

function validated(db: Db, values: unknown, id?: number): Parsed<SchoolInput> {
	const parsed = parse(schoolInput, values);
	if (!parsed.ok) {
		// Say everything at once: a duplicate code too, when the rest is wrong.
		const raw = (values as Record<string, unknown>)?.cdsCode;
		if (!parsed.errors.cdsCode && typeof raw === 'string' && /^\d{14}$/.test(normalCds(raw))) {
			const more = conflicts(db, { cdsCode: normalCds(raw) } as SchoolInput, id);
			if (more.cdsCode) parsed.errors.cdsCode = more.cdsCode;
		}
		return parsed;
	}
	const errors = conflicts(db, parsed.data, id);
	return Object.keys(errors).length ? { ok: false, errors } : parsed;
}

export function createSchool(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(db, actor, schools, 'school', validated(db, values));
}

export function updateSchool(db: Db, actor: Actor, id: number, values: unknown): Saved {
	if (!getSchool(db, id)) return { ok: false, errors: { form: ['This school no longer exists.'] } };
	return saveChanges(db, actor, schools, 'school', id, validated(db, values, id));
}

const exclusionInput = z.object({
	reason: requiredText('reason', 500)
});

/** Leaves a school out of the district's figures, with the reason recorded. */
export function excludeSchool(
	db: Db,
	actor: Actor,
	id: number,
	values: unknown,
	on: string
): Saved {
	const before = getSchool(db, id);
	if (!before) return { ok: false, errors: { form: ['This school no longer exists.'] } };
	const parsed = parse(exclusionInput, values);
	if (!parsed.ok) return parsed;
	return write(db, actor, ({ tx, audit }) => {
		const after = tx
			.update(schools)
			.set({ excluded: true, excludedReason: parsed.data.reason, excludedOn: on })
			.where(eq(schools.id, id))
			.returning()
			.get();
		audit({
			action: 'exclude',
			entity: 'school',
			entityId: id,
			before: { excluded: before.excluded, excludedReason: before.excludedReason },
			after: { excluded: true, excludedReason: after.excludedReason, excludedOn: on },
			note: parsed.data.reason
		});
		return { ok: true as const, id };
	});
}

/** Counts the school in the district's figures again. */
export function includeSchool(db: Db, actor: Actor, id: number): boolean {
	const before = getSchool(db, id);
	if (!before) return false;
	write(db, actor, ({ tx, audit }) => {
		tx.update(schools)
			.set({ excluded: false, excludedReason: null, excludedOn: null })
			.where(eq(schools.id, id))
			.run();
		audit({
			action: 'include',
			entity: 'school',
			entityId: id,
			before: {
				excluded: before.excluded,
				excludedReason: before.excludedReason,
				excludedOn: before.excludedOn
			},
			after: { excluded: false }
		});
	});
	return true;
}

/** Other schools a school may be merged with, by name or CDS code. */
export function mergeCandidates(db: Db, id: number, q: string): School[] {
	const text = q.trim();
	if (!text) return [];
	const digits = normalCds(text);
	return db
		.select()
		.from(schools)
		.where(
			and(
				ne(schools.id, id),
				/^\d+$/.test(digits)
					? or(like(schools.cdsCode, `${digits}%`), like(schools.name, `%${text}%`))
					: like(schools.name, `%${text}%`)
			)
		)
		.orderBy(byName(schools.name))
		.limit(20)
		.all();
}

export interface MergePlan {
	keep: School;
	remove: School;
	/** What moves from the removed record to the kept one. */
	moves: {
		results: number;
		enrollment: number;
		checkIns: number;
		leaders: number;
		engagements: number;
		feedback: number;
		initiatives: number;
	};
	/** Values both records hold: the merge is refused while any remains. */
	conflicts: string[];
}

/** What merging `removeId` into `keepId` would move, and what stands in its way. */
export function mergePlan(db: Db, removeId: number, keepId: number): MergePlan | undefined {
	const keep = getSchool(db, keepId);
	const remove = getSchool(db, removeId);
	if (!keep || !remove || keepId === removeId) return undefined;
	const c = (table: string) =>
		db.get<{ n: number }>(
			sql`select count(*) as n from ${sql.identifier(table)} where school_id = ${removeId}`
		).n;
	const conflicts: string[] = [];
	const both = db.all<{ measure: string; year: string; grp: string }>(
		sql`select m.name as measure, y.label as year, a.student_group as grp
			 from result a
			 join result b on b.school_id = ${keepId} and b.measure_id = a.measure_id
				and b.school_year_id = a.school_year_id and b.student_group = a.student_group
			 join measure m on m.id = a.measure_id join school_year y on y.id = a.school_year_id
			 where a.school_id = ${removeId} order by m.name, y.start_year, a.student_group limit 21`
	);
	for (const r of both) conflicts.push(`Results: ${r.measure}, ${r.year}, ${r.grp}`);
	const bothCheckIns = db.all<{ structure: string; year: string }>(
		sql`select s.name as structure, y.label as year from check_in a
			 join check_in b on b.school_id = ${keepId} and b.structure_id = a.structure_id
				and b.school_year_id = a.school_year_id
			 join structure s on s.id = a.structure_id join school_year y on y.id = a.school_year_id
			 where a.school_id = ${removeId} order by s.name, y.start_year limit 21`
	);
	for (const r of bothCheckIns) conflicts.push(`Check-in: ${r.structure}, ${r.year}`);
	const bothEnrollment = db.all<{ year: string; grp: string }>(
		sql`select y.label as year, a.student_group as grp from enrollment a
			 join enrollment b on b.school_id = ${keepId} and b.school_year_id = a.school_year_id
				and b.student_group = a.student_group
				and (a.students is not b.students or a.share is not b.share)
			 join school_year y on y.id = a.school_year_id
			 where a.school_id = ${removeId} order by y.start_year, a.student_group limit 21`
	);
	for (const r of bothEnrollment) conflicts.push(`Enrollment: ${r.year}, ${r.grp}`);
	return {
		keep,
		remove,
		moves: {
			results: c('result'),
			enrollment: c('enrollment'),
			checkIns: c('check_in'),
			leaders: c('leader_tenure'),
			engagements: c('engagement'),
			feedback: c('feedback'),
			initiatives: c('initiative_school')
		},
		conflicts
	};
}

export type MergeOutcome =
	{ ok: true; plan: MergePlan } | { ok: false; reason: string; conflicts: string[] };

/**
 * Merges two records of one school: everything recorded for `removeId` (results, enrollment,
 * check-ins, leaders, engagements, feedback, initiative links, the codes merged into it) moves
 * to `keepId`, the removed record's code becomes an alias of the kept one (so a later file with
 * it reaches the kept school), and the removed record is deleted. One transaction with its audit
 * entry. Refused, with nothing changed, while both hold a value for the same measure, year and
 * student group (or the same check-in, or different enrollment figures).
 */
export function mergeSchools(db: Db, actor: Actor, removeId: number, keepId: number): MergeOutcome {
	return write(db, actor, ({ tx, audit }) => {
		const plan = mergePlan(tx, removeId, keepId);
		if (!plan)
			return { ok: false as const, reason: 'Choose two different schools.', conflicts: [] };
		if (plan.conflicts.length) {
			return {
				ok: false as const,
				reason: `Both ${plan.remove.name} and ${plan.keep.name} hold values for the same year and group. Delete or correct one of each pair, then merge:`,
				conflicts: plan.conflicts
			};
		}
		const move = (table: string) =>
			tx.run(
				sql`update ${sql.identifier(table)} set school_id = ${keepId} where school_id = ${removeId}`
			);
		move('result');
		// Equal enrollment figures on both: the kept record's stay.
		tx.run(
			sql`delete from enrollment where school_id = ${removeId} and exists (select 1 from enrollment k
				 where k.school_id = ${keepId} and k.school_year_id = enrollment.school_year_id
				 and k.student_group = enrollment.student_group)`
		);
		for (const table of ['enrollment', 'check_in', 'leader_tenure', 'engagement', 'feedback'])
			move(table);
		tx.run(
			sql`insert or ignore into initiative_school (initiative_id, school_id)
				 select initiative_id, ${keepId} from initiative_school where school_id = ${removeId}`
		);
		tx.delete(initiativeSchools).where(eq(initiativeSchools.schoolId, removeId)).run();
		move('school_cds_alias');
		tx.insert(schoolCdsAliases)
			.values({ cdsCode: plan.remove.cdsCode, schoolId: keepId })
			.onConflictDoUpdate({ target: schoolCdsAliases.cdsCode, set: { schoolId: keepId } })
			.run();
		tx.delete(schools).where(eq(schools.id, removeId)).run();
		audit({
			action: 'merge',
			entity: 'school',
			entityId: keepId,
			before: { kept: plan.keep, removed: plan.remove },
			after: { kept: keepId, moved: plan.moves },
			note: `${plan.remove.name} (${plan.remove.cdsCode}) merged into ${plan.keep.name} (${plan.keep.cdsCode})`
		});
		audit({
			action: 'merge',
			entity: 'school',
			entityId: removeId,
			before: plan.remove,
			after: null,
			note: `Merged into ${plan.keep.name} (${plan.keep.cdsCode}) and deleted`
		});
		return { ok: true as const, plan };
	});
}

/** The school types as a form's choices, with their names. */
export const schoolTypeChoices = schoolTypes.map((t) => ({ value: t, label: schoolTypeNames[t] }));
