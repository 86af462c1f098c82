import { byName } from '../db/sort.ts';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { district, schoolYears, schools, studentGroups } from '../db/schema/district.ts';
import { measureTargets, measures, results } from '../db/schema/measures.ts';
import { notDoingItems, priorities } from '../db/schema/priorities.ts';
import { shownResultColumns, toPublicResult } from '../results/suppression.ts';
import type { PublicResult, SchoolRow } from '../../priorities/results.ts';
import type { YearValue } from './status.ts';
import { inFigures } from '../results/counted.ts';

export type Settings = typeof district.$inferSelect;
export type Measure = typeof measures.$inferSelect;

export function districtSettings(db: Db): Settings | undefined {
	return db.select().from(district).limit(1).get();
}

const publicPriorityColumns = {
	id: priorities.id,
	slug: priorities.slug,
	title: priorities.title,
	titleEs: priorities.titleEs,
	description: priorities.description,
	descriptionEs: priorities.descriptionEs,
	sponsor: priorities.sponsor,
	status: priorities.status,
	adoptedOn: priorities.adoptedOn
};

export type PublicPriority = {
	id: number;
	slug: string;
	title: string;
	titleEs: string | null;
	description: string;
	descriptionEs: string | null;
	sponsor: string;
	status: 'active' | 'completed' | 'retired';
	adoptedOn: string | null;
};

/** Active priorities first (in the board's order), then completed ones. Retired ones are not shown. */
export function publicPriorities(db: Db): PublicPriority[] {
	const rows = db
		.select(publicPriorityColumns)
		.from(priorities)
		.where(ne(priorities.status, 'retired'))
		.orderBy(asc(priorities.sortOrder), asc(priorities.id))
		.all();
	return [
		...rows.filter((p) => p.status === 'active'),
		...rows.filter((p) => p.status !== 'active')
	];
}

export function priorityBySlug(db: Db, slug: string): PublicPriority | undefined {
	return db.select(publicPriorityColumns).from(priorities).where(eq(priorities.slug, slug)).get();
}

export function measuresOfPriorities(db: Db, priorityIds: number[]): Measure[] {
	if (priorityIds.length === 0) return [];
	return db
		.select()
		.from(measures)
		.where(inArray(measures.priorityId, priorityIds))
		.orderBy(asc(measures.sortOrder), asc(measures.id))
		.all();
}

/** The measure a priority is summarised by: the one marked headline, else its first. */
export function headlineMeasure(all: Measure[], priorityId: number): Measure | undefined {
	const own = all.filter((m) => m.priorityId === priorityId);
	return own.find((m) => m.headline) ?? own[0];
}

export function targetsOf(db: Db, measureIds: number[]): Map<number, YearValue[]> {
	const byMeasure = new Map<number, YearValue[]>();
	if (measureIds.length === 0) return byMeasure;
	const rows = db
		.select({
			measureId: measureTargets.measureId,
			year: schoolYears.label,
			startYear: schoolYears.startYear,
			value: measureTargets.value
		})
		.from(measureTargets)
		.innerJoin(measures, eq(measures.id, measureTargets.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, measureTargets.schoolYearId))
		.where(
			and(
				inArray(measureTargets.measureId, measureIds),
				eq(measureTargets.studentGroup, measures.studentGroup)
			)
		)
		.orderBy(asc(schoolYears.startYear))
		.all();
	for (const { measureId, ...t } of rows) {
		const list = byMeasure.get(measureId) ?? [];
		list.push(t);
		byMeasure.set(measureId, list);
	}
	return byMeasure;
}

/** A measure's targets for single student groups (not the measure's own group), by group code. */
export function groupTargetsOf(db: Db, measureId: number): Map<string, YearValue[]> {
	const byGroup = new Map<string, YearValue[]>();
	const rows = db
		.select({
			group: measureTargets.studentGroup,
			year: schoolYears.label,
			startYear: schoolYears.startYear,
			value: measureTargets.value
		})
		.from(measureTargets)
		.innerJoin(measures, eq(measures.id, measureTargets.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, measureTargets.schoolYearId))
		.where(
			and(
				eq(measureTargets.measureId, measureId),
				ne(measureTargets.studentGroup, measures.studentGroup)
			)
		)
		.orderBy(asc(schoolYears.startYear))
		.all();
	for (const { group, ...t } of rows) byGroup.set(group, [...(byGroup.get(group) ?? []), t]);
	return byGroup;
}

/** A student group's own targets for a measure, drawn beside the measure's own targets. */
export interface GroupTargets {
	code: string;
	name: string;
	nameEs: string | null;
	targets: YearValue[];
}

/**
 * The targets the measures have for single student groups (not a measure's own group), by measure
 * and then group, in the groups' order of first target: each a dashed series on the charts.
 */
export function groupTargetsOfMeasures(db: Db, measureIds: number[]): Map<number, GroupTargets[]> {
	const byMeasure = new Map<number, GroupTargets[]>();
	if (measureIds.length === 0) return byMeasure;
	const rows = db
		.select({
			measureId: measureTargets.measureId,
			code: measureTargets.studentGroup,
			name: studentGroups.name,
			nameEs: studentGroups.nameEs,
			year: schoolYears.label,
			startYear: schoolYears.startYear,
			value: measureTargets.value
		})
		.from(measureTargets)
		.innerJoin(measures, eq(measures.id, measureTargets.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, measureTargets.schoolYearId))
		.leftJoin(studentGroups, eq(studentGroups.code, measureTargets.studentGroup))
		.where(
			and(
				inArray(measureTargets.measureId, measureIds),
				ne(measureTargets.studentGroup, measures.studentGroup)
			)
		)
		.orderBy(asc(measureTargets.studentGroup), asc(schoolYears.startYear))
		.all();
	for (const { measureId, code, name, nameEs, ...t } of rows) {
		const list = byMeasure.get(measureId) ?? [];
		let group = list.find((g) => g.code === code);
		if (!group) {
			group = { code, name: name ?? code, nameEs: nameEs ?? null, targets: [] };
			list.push(group);
		}
		group.targets.push(t);
		byMeasure.set(measureId, list);
	}
	return byMeasure;
}

export type PublicYearResult = YearValue & PublicResult;

/**
 * Of these measures, those with district results for some student group but none for their own
 * group (a measure of all students whose file held only group rows): their pages say so rather
 * than "no results yet".
 */
export function measuresWithOtherGroupsOnly(db: Db, measureIds: number[]): Set<number> {
	if (measureIds.length === 0) return new Set();
	const rows = db
		.select({ id: results.measureId })
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.where(
			and(
				inArray(results.measureId, measureIds),
				isNull(results.schoolId),
				ne(results.studentGroup, measures.studentGroup)
			)
		)
		.groupBy(results.measureId)
		.all();
	return new Set(rows.map((r) => r.id));
}

/**
 * District-wide results per measure, oldest year first, suppressed as needed: of each measure's
 * own student group (all students, or English learners for their progress indicator), or of
 * the group given.
 */
export function districtSeries(
	db: Db,
	measureIds: number[],
	suppressionSize: number,
	group?: string
): Map<number, PublicYearResult[]> {
	const byMeasure = new Map<number, PublicYearResult[]>();
	if (measureIds.length === 0) return byMeasure;
	const rows = db
		.select({
			measureId: results.measureId,
			year: schoolYears.label,
			startYear: schoolYears.startYear,
			studentGroup: results.studentGroup,
			...shownResultColumns
		})
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.where(
			and(
				inArray(results.measureId, measureIds),
				isNull(results.schoolId),
				eq(results.studentGroup, group ?? measures.studentGroup)
			)
		)
		.orderBy(asc(schoolYears.startYear))
		.all();
	for (const { measureId, year, startYear, ...r } of rows) {
		const list = byMeasure.get(measureId) ?? [];
		list.push({ year, startYear, ...toPublicResult(r, suppressionSize) });
		byMeasure.set(measureId, list);
	}
	return byMeasure;
}

export interface GroupRow {
	code: string;
	name: string;
	nameEs: string | null;
	/** Who took which test (SBA, CAA): not a student group, listed only where asked for. */
	testTakers: boolean;
	byYear: Record<string, PublicResult>;
}

/**
 * A measure's district-wide results by student group and year. The test-taker categories of the
 * academic files are not student groups: left out unless `testTakers` (the board's views).
 */
export function resultsByGroup(
	db: Db,
	measureId: number,
	suppressionSize: number,
	options: { testTakers?: boolean } = {}
): GroupRow[] {
	const rows = db
		.select({
			code: studentGroups.code,
			name: studentGroups.name,
			nameEs: studentGroups.nameEs,
			kind: studentGroups.kind,
			sortOrder: studentGroups.sortOrder,
			year: schoolYears.label,
			...shownResultColumns
		})
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.innerJoin(studentGroups, eq(studentGroups.code, results.studentGroup))
		.where(
			and(
				eq(results.measureId, measureId),
				isNull(results.schoolId),
				options.testTakers ? undefined : eq(studentGroups.kind, 'student-group')
			)
		)
		.orderBy(asc(studentGroups.sortOrder), asc(studentGroups.code))
		.all();
	const groups = new Map<string, GroupRow>();
	for (const r of rows) {
		const group = groups.get(r.code) ?? {
			code: r.code,
			name: r.name,
			nameEs: r.nameEs,
			testTakers: r.kind === 'test-takers',
			byYear: {}
		};
		group.byYear[r.year] = toPublicResult({ ...r, studentGroup: r.code }, suppressionSize);
		groups.set(r.code, group);
	}
	return [...groups.values()];
}

/** A measure's results at each school, by year, for the measure's own student group. */
export function resultsBySchool(db: Db, measureId: number, suppressionSize: number): SchoolRow[] {
	const rows = db
		.select({
			cdsCode: schools.cdsCode,
			name: schools.name,
			type: schools.type,
			year: schoolYears.label,
			studentGroup: results.studentGroup,
			...shownResultColumns
		})
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.innerJoin(schools, eq(schools.id, results.schoolId))
		.where(
			and(
				eq(results.measureId, measureId),
				eq(results.studentGroup, measures.studentGroup),
				inFigures()
			)
		)
		.orderBy(byName(schools.name))
		.all();
	const bySchool = new Map<string, SchoolRow>();
	for (const r of rows) {
		const row = bySchool.get(r.cdsCode) ?? {
			cdsCode: r.cdsCode,
			name: r.name,
			type: r.type,
			byYear: {}
		};
		row.byYear[r.year] = toPublicResult(r, suppressionSize);
		bySchool.set(r.cdsCode, row);
	}
	return [...bySchool.values()];
}

export function notDoingList(db: Db) {
	return db
		.select({
			id: notDoingItems.id,
			title: notDoingItems.title,
			titleEs: notDoingItems.titleEs,
			decision: notDoingItems.decision,
			decidedOn: notDoingItems.decidedOn,
			reason: notDoingItems.reason,
			reasonEs: notDoingItems.reasonEs
		})
		.from(notDoingItems)
		.orderBy(asc(notDoingItems.decidedOn))
		.all();
}
