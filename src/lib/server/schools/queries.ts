import { byName } from '../db/sort.ts';
import { and, asc, desc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { leaderTenures } from '../db/schema/leadership.ts';
import type { Db } from '../db/open.ts';
import { schoolYears, enrollments, schools, studentGroups } from '../db/schema/district.ts';
import { measures, results } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import { shownResultColumns, toPublicResult } from '../results/suppression.ts';
import type { PublicResult } from '../../priorities/results.ts';
import type { Unit } from '../../format.ts';
import { inFigures } from '../results/counted.ts';
import { schoolTypes, type SchoolType } from '../../choices.ts';

export interface SchoolFilter {
	q?: string;
	type?: SchoolType | '';
	status?: 'open' | 'closed' | 'all';
}

export interface SchoolListing {
	cdsCode: string;
	name: string;
	type: SchoolType;
	gradeSpan: string | null;
	status: 'open' | 'closed';
}

/**
 * The district's schools for the public list, filtered by name or CDS code, type and open/closed.
 * Schools excluded from the district's figures are left out.
 */
export function listSchools(db: Db, filter: SchoolFilter = {}): SchoolListing[] {
	const conditions: (SQL | undefined)[] = [inFigures()];
	const q = filter.q?.trim();
	if (q) conditions.push(or(like(schools.name, `%${q}%`), like(schools.cdsCode, `${q}%`)));
	if (filter.type && (schoolTypes as readonly string[]).includes(filter.type)) {
		conditions.push(eq(schools.type, filter.type));
	}
	const status = filter.status ?? 'open';
	if (status !== 'all') conditions.push(eq(schools.status, status));
	return db
		.select({
			cdsCode: schools.cdsCode,
			name: schools.name,
			type: schools.type,
			gradeSpan: schools.gradeSpan,
			status: schools.status
		})
		.from(schools)
		.where(and(...conditions))
		.orderBy(byName(schools.name))
		.all();
}

export function schoolByCds(db: Db, cds: string) {
	return db.select().from(schools).where(eq(schools.cdsCode, cds)).get();
}

/** A school of the public pages: none for one excluded from the district's figures. */
export function publicSchoolByCds(db: Db, cds: string) {
	return db
		.select()
		.from(schools)
		.where(and(eq(schools.cdsCode, cds), inFigures()))
		.get();
}

export interface SchoolMeasure {
	id: number;
	code: string;
	name: string;
	nameEs: string | null;
	unit: Unit;
	direction: 'higher' | 'lower';
	priority: { slug: string; title: string; titleEs: string | null };
	groups: {
		code: string;
		name: string;
		nameEs: string | null;
		byYear: Record<string, PublicResult>;
	}[];
}

/** A school's results on each active or completed priority's measures, by group and year. */
export function schoolResults(
	db: Db,
	schoolId: number,
	suppressionSize: number
): { measures: SchoolMeasure[]; years: string[] } {
	const rows = db
		.select({
			measureId: measures.id,
			measureCode: measures.code,
			measureName: measures.name,
			measureNameEs: measures.nameEs,
			unit: measures.unit,
			slug: priorities.slug,
			title: priorities.title,
			titleEs: priorities.titleEs,
			code: studentGroups.code,
			groupName: studentGroups.name,
			groupNameEs: studentGroups.nameEs,
			year: schoolYears.label,
			...shownResultColumns
		})
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.innerJoin(priorities, eq(priorities.id, measures.priorityId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.innerJoin(studentGroups, eq(studentGroups.code, results.studentGroup))
		.where(
			and(
				eq(results.schoolId, schoolId),
				inArray(priorities.status, ['active', 'completed']),
				// Who took which test (SBA, CAA) is not a student group: never on the public pages.
				eq(studentGroups.kind, 'student-group')
			)
		)
		.orderBy(
			asc(priorities.sortOrder),
			asc(measures.sortOrder),
			asc(measures.id),
			asc(studentGroups.sortOrder),
			sql`${schoolYears.startYear}`
		)
		.all();
	const byMeasure = new Map<number, SchoolMeasure>();
	const years = new Set<string>();
	for (const r of rows) {
		years.add(r.year);
		let m = byMeasure.get(r.measureId);
		if (!m) {
			m = {
				id: r.measureId,
				code: r.measureCode,
				name: r.measureName,
				nameEs: r.measureNameEs,
				unit: r.unit,
				direction: r.direction,
				priority: { slug: r.slug, title: r.title, titleEs: r.titleEs },
				groups: []
			};
			byMeasure.set(r.measureId, m);
		}
		let g = m.groups.find((x) => x.code === r.code);
		if (!g) {
			g = { code: r.code, name: r.groupName, nameEs: r.groupNameEs, byYear: {} };
			m.groups.push(g);
		}
		g.byYear[r.year] = toPublicResult({ ...r, studentGroup: r.code }, suppressionSize);
	}
	return { measures: [...byMeasure.values()], years: [...years].sort() };
}

/** The school's current principal, from the leader tenures (public: the state publishes it too). */
export function currentPrincipal(db: Db, schoolId: number): string | null {
	const row = db
		.select({ name: leaderTenures.personName })
		.from(leaderTenures)
		.where(
			and(
				eq(leaderTenures.role, 'principal'),
				eq(leaderTenures.schoolId, schoolId),
				isNull(leaderTenures.endedOn)
			)
		)
		.orderBy(desc(leaderTenures.startedOn))
		.get();
	return row?.name ?? null;
}

export interface SchoolEnrollment {
	year: string;
	/** All students (the census's total). */
	total: number | null;
	/** Each group's students and share, groups under the suppression size left out. */
	groups: {
		code: string;
		name: string;
		nameEs: string | null;
		students: number;
		share: number | null;
	}[];
}

/**
 * A school's census enrollment in its newest year with one: context for its page, not a measure.
 * Groups smaller than the suppression size are not shown.
 */
export function schoolEnrollment(
	db: Db,
	schoolId: number,
	suppressionSize: number
): SchoolEnrollment | null {
	const rows = db
		.select({
			year: schoolYears.label,
			startYear: schoolYears.startYear,
			code: studentGroups.code,
			name: studentGroups.name,
			nameEs: studentGroups.nameEs,
			students: enrollments.students,
			share: enrollments.share
		})
		.from(enrollments)
		.innerJoin(schoolYears, eq(schoolYears.id, enrollments.schoolYearId))
		.innerJoin(studentGroups, eq(studentGroups.code, enrollments.studentGroup))
		.where(and(eq(enrollments.schoolId, schoolId), eq(studentGroups.kind, 'student-group')))
		.orderBy(sql`${schoolYears.startYear} DESC`, asc(studentGroups.sortOrder))
		.all();
	if (rows.length === 0) return null;
	const newest = rows.filter((r) => r.startYear === rows[0].startYear);
	return {
		year: rows[0].year,
		total: newest.find((r) => r.code === 'ALL')?.students ?? null,
		groups: newest
			.filter((r) => r.code !== 'ALL' && r.students !== null && r.students >= suppressionSize)
			.map((r) => ({
				code: r.code,
				name: r.name,
				nameEs: r.nameEs,
				students: r.students!,
				share: r.share
			}))
	};
}

/** The open schools as choices for a form's list, by name. */
export function openSchoolChoices(db: Db): { id: number; name: string }[] {
	return db
		.select({ id: schools.id, name: schools.name })
		.from(schools)
		.where(eq(schools.status, 'open'))
		.orderBy(asc(schools.name))
		.all();
}
