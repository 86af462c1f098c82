/**
 * The public's tables, row by row: only what the public pages show. Priorities that are not
 * retired, their measures and targets, results with the pages' suppression (a group under the
 * suppression size, or of unknown size, has no value and no n), structures and policies as the
 * priority pages list them, published updates, held meetings and the plan's change log. Never a
 * draft, an internal note, an e-mail address or a person's account.
 */
import { and, asc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbFile } from '../db/open.ts';
import { schools, schoolYears, studentGroups } from '../db/schema/district.ts';
import { measures, measureTargets, results } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import { districtSettings } from '../priorities/queries.ts';
import { shownResultColumns, toPublicResult } from '../results/suppression.ts';
import { carriersOfPriority } from '../throughline/carriers.ts';
import { authorityWords } from '../throughline/structures.ts';
import { publishedUpdates } from '../meetings/updates.ts';
import { publicMeetingList } from '../meetings/public-record.ts';
import { listSchools } from '../schools/queries.ts';
import { allPublicPlanChanges } from '../priorities/plan-changes.ts';
import { planValueText } from '../../plan-changes.ts';
import { indicatorByCode } from '../imports/indicators.ts';
import { schoolYearLabel, schoolYearOf, startYearOfLabel } from '../../school-year.ts';
import type { Filter } from './filters.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export const districtData = 'district data';

/**
 * Where a result comes from: the state's file name for a California School Dashboard indicator
 * (a 2023-24 result is in the 2024 Dashboard's file), else "district data".
 */
export function sourceOf(measureCode: string, year: string): string {
	const indicator = indicatorByCode(measureCode);
	const start = startYearOfLabel(year);
	if (!indicator || indicator.isNew || indicator.enrollment || start === null) return districtData;
	if (indicator.code === 'grad-dass') return `graddownload${start + 1}dassonly.txt`;
	return `${indicator.code}download${start + 1}.txt`;
}

const notRetired = ne(priorities.status, 'retired');

/** The public priorities a filter keeps: none retired, and only the one asked for, if any. */
const publicPriorities = (filter: Filter) =>
	and(notRetired, filter.priority ? eq(priorities.slug, filter.priority) : undefined);

/** The public measures a filter keeps: of a public priority, and only the one asked for, if any. */
const publicMeasures = (filter: Filter) =>
	and(publicPriorities(filter), filter.measure ? eq(measures.code, filter.measure) : undefined);

/** Measures in the order the priority pages list them. */
const measureOrder = [asc(priorities.sortOrder), asc(measures.sortOrder), asc(measures.id)];

/** The public priorities a filter keeps, in the pages' order: ids to look up what they carry. */
function publicPriorityList(db: Db, filter: Filter) {
	return db
		.select({ id: priorities.id, slug: priorities.slug })
		.from(priorities)
		.where(publicPriorities(filter))
		.orderBy(asc(priorities.sortOrder), asc(priorities.id))
		.all();
}

export function priorityRows(db: Db, filter: Filter = {}): Row[] {
	return db
		.select({
			slug: priorities.slug,
			title: priorities.title,
			title_es: priorities.titleEs,
			status: priorities.status,
			sponsor: priorities.sponsor,
			adopted_on: priorities.adoptedOn,
			description: priorities.description,
			description_es: priorities.descriptionEs
		})
		.from(priorities)
		.where(publicPriorities(filter))
		.orderBy(sql`${priorities.status} <> 'active'`, asc(priorities.sortOrder), asc(priorities.id))
		.all();
}

export function measureRows(db: Db, filter: Filter = {}): Row[] {
	return db
		.select({
			code: measures.code,
			name: measures.name,
			name_es: measures.nameEs,
			priority: priorities.slug,
			kind: measures.kind,
			unit: measures.unit,
			better_when: measures.direction,
			measure_source: measures.source,
			baseline_year: schoolYears.label,
			baseline_value: measures.baselineValue,
			description: measures.description,
			description_es: measures.descriptionEs,
			headline: measures.headline
		})
		.from(measures)
		.innerJoin(priorities, eq(priorities.id, measures.priorityId))
		.leftJoin(schoolYears, eq(schoolYears.id, measures.baselineYearId))
		.where(publicMeasures(filter))
		.orderBy(...measureOrder)
		.all();
}

export function targetRows(db: Db, filter: Filter = {}): Row[] {
	return db
		.select({
			measure: measures.code,
			priority: priorities.slug,
			school_year: schoolYears.label,
			student_group: measureTargets.studentGroup,
			target: measureTargets.value,
			unit: measures.unit
		})
		.from(measureTargets)
		.innerJoin(measures, eq(measures.id, measureTargets.measureId))
		.innerJoin(priorities, eq(priorities.id, measures.priorityId))
		.innerJoin(schoolYears, eq(schoolYears.id, measureTargets.schoolYearId))
		.where(
			and(
				publicMeasures(filter),
				filter.year ? eq(schoolYears.label, filter.year) : undefined,
				filter.group ? eq(measureTargets.studentGroup, filter.group) : undefined
			)
		)
		.orderBy(
			...measureOrder,
			sql`${measureTargets.studentGroup} <> 'ALL'`,
			asc(measureTargets.studentGroup),
			asc(schoolYears.startYear)
		)
		.all();
}

/**
 * Results of the public priorities' measures: the district's by student group, and each school's
 * (not excluded from the district's figures) by student group, as the priority and school pages
 * show them. Who took which test (SBA, CAA) is not a student group and is left out.
 */
export function resultRows(db: Db, filter: Filter = {}): Row[] {
	const query = resultQuery(db, filter);
	if (!query) return [];
	return query.select.all().map((r) => publicResultRow(r, query.settings));
}

/**
 * The measures and school years a results filter can hold, in the files' order: a large table is
 * read one measure and year at a time, each a small sort, so its first rows come at once instead
 * of after a sort of the whole table.
 */
function measureYears(db: Db, filter: Filter) {
	const shown = db
		.select({ id: measures.id, code: measures.code })
		.from(measures)
		.innerJoin(priorities, eq(priorities.id, measures.priorityId))
		.where(publicMeasures(filter))
		.orderBy(...measureOrder)
		.all();
	const years = db
		.select({ id: schoolYears.id, label: schoolYears.label })
		.from(schoolYears)
		.where(filter.year ? eq(schoolYears.label, filter.year) : undefined)
		.orderBy(asc(schoolYears.startYear))
		.all();
	return shown.flatMap((measure) => years.map((year) => ({ measure, year })));
}

/**
 * The same rows read one at a time from SQLite's cursor, a measure and year at a time: a download
 * of every result of a large district is written as it is read, never held whole (issue 30).
 */
export function* iterateResultRows(db: DbFile, filter: Filter = {}): Generator<Row> {
	const names = Object.keys(resultSelection);
	for (const { measure, year } of measureYears(db, filter)) {
		const query = resultQuery(db, filter, [
			eq(results.measureId, measure.id),
			eq(results.schoolYearId, year.id)
		]);
		if (!query) return;
		const { sql: text, params } = query.select.toSQL();
		const statement = db.$client.prepare(text).raw(true);
		for (const values of statement.iterate(...params) as Iterable<unknown[]>) {
			const row = {} as Record<string, unknown>;
			for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
			yield publicResultRow(row as ResultRecord, query.settings);
		}
	}
}

/** One page of the rows `resultRows` gives, and how many there are: an API page of a large table. */
export function resultPage(db: Db, filter: Filter, offset: number, limit: number) {
	const query = resultQuery(db, filter);
	if (!query) return { rows: [], total: 0 };
	const total = (query.count.get() as unknown as { n: number }).n;
	const rows = query.select
		.limit(limit)
		.offset(offset)
		.all()
		.map((r) => publicResultRow(r, query.settings));
	return { rows, total };
}

/**
 * The school years and sources of the rows `resultRows` gives, without reading them: whether each
 * measure and year holds one, an index probe each.
 */
export function resultYearsAndSources(db: Db, filter: Filter = {}) {
	const held = measureYears(db, filter).filter(
		({ measure, year }) =>
			resultQuery(db, filter, [
				eq(results.measureId, measure.id),
				eq(results.schoolYearId, year.id)
			])
				?.select.limit(1)
				.get() !== undefined
	);
	return {
		years: [...new Set(held.map((h) => h.year.label))].sort(),
		sources: [...new Set(held.map((h) => sourceOf(h.measure.code, h.year.label)))].sort()
	};
}

const resultSelection = {
	measure: measures.code,
	priority: priorities.slug,
	unit: measures.unit,
	year: schoolYears.label,
	cdsCode: schools.cdsCode,
	schoolName: schools.name,
	group: results.studentGroup,
	groupName: studentGroups.name,
	groupNameEs: studentGroups.nameEs,
	...shownResultColumns
};

function resultQuery(db: Db, filter: Filter, narrower: SQL[] = []) {
	const settings = districtSettings(db);
	if (!settings) return null;
	const conditions: (SQL | undefined)[] = [
		publicMeasures(filter),
		eq(studentGroups.kind, 'student-group'),
		or(isNull(results.schoolId), eq(schools.excluded, false))
	];
	if (filter.year) conditions.push(eq(schoolYears.label, filter.year));
	if (filter.group) conditions.push(eq(results.studentGroup, filter.group));
	if (filter.school === 'district') conditions.push(isNull(results.schoolId));
	else if (filter.school) conditions.push(eq(schools.cdsCode, filter.school));
	const where = and(...conditions, ...narrower);
	const joined = <T extends Record<string, unknown>>(selection: T) =>
		db
			.select(selection as never)
			.from(results)
			.innerJoin(measures, eq(measures.id, results.measureId))
			.innerJoin(priorities, eq(priorities.id, measures.priorityId))
			.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
			.innerJoin(studentGroups, eq(studentGroups.code, results.studentGroup))
			.leftJoin(schools, eq(schools.id, results.schoolId))
			.where(where);
	const select = db
		.select(resultSelection)
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.innerJoin(priorities, eq(priorities.id, measures.priorityId))
		.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
		.innerJoin(studentGroups, eq(studentGroups.code, results.studentGroup))
		.leftJoin(schools, eq(schools.id, results.schoolId))
		.where(where)
		.orderBy(
			...measureOrder,
			asc(schoolYears.startYear),
			sql`${results.schoolId} IS NOT NULL`,
			asc(schools.name),
			asc(studentGroups.sortOrder),
			asc(results.studentGroup)
		);
	// Whether any row is there: unordered, it stops at the first.
	const exists = joined({ one: sql<number>`1` }).limit(1);
	const count = joined({ n: sql<number>`count(*)` });
	return { settings, select, exists, count };
}

type ResultRecord = ReturnType<
	NonNullable<ReturnType<typeof resultQuery>>['select']['all']
>[number];

function publicResultRow(
	r: ResultRecord,
	settings: NonNullable<ReturnType<typeof districtSettings>>
): Row {
	const shown = toPublicResult({ ...r, studentGroup: r.group }, settings.suppressionSize);
	return {
		measure: r.measure,
		priority: r.priority,
		school_year: r.year,
		school_cds_code: r.cdsCode ?? settings.cdsCode,
		school_name: r.schoolName ?? settings.name,
		level: r.cdsCode ? 'school' : 'district',
		student_group: r.group,
		student_group_name: r.groupName,
		student_group_name_es: r.groupNameEs,
		value: shown.value,
		unit: r.unit,
		n: shown.n,
		suppressed: shown.suppressed,
		state_color: shown.state?.color ?? null,
		state_status_level: shown.state?.status ?? null,
		source: sourceOf(r.measure, r.year)
	};
}

/** The structures that carry each public priority, one row per priority and structure. */
export function structureRows(db: Db, filter: Filter = {}): Row[] {
	return publicPriorityList(db, filter).flatMap((p) =>
		carriersOfPriority(db, p.id).structures.map((s) => ({
			priority: p.slug,
			structure: s.name,
			structure_es: s.nameEs,
			category: s.category,
			authority: authorityWords[s.authority],
			origin: s.origin,
			policies: s.policies.map((l) => `${l.kind} ${l.number} ${l.title}`).join('; ')
		}))
	);
}

/** The board policies behind the structures that carry each public priority. */
export function policyRows(db: Db, filter: Filter = {}): Row[] {
	return publicPriorityList(db, filter).flatMap((p) =>
		carriersOfPriority(db, p.id).structures.flatMap((s) =>
			s.policies.map((l) => ({
				priority: p.slug,
				structure: s.name,
				kind: l.kind,
				number: l.number,
				title: l.title,
				relation: l.relation,
				url: l.url
			}))
		)
	);
}

/** Published updates only: the newest published version of each, never a draft or a shared one. */
export function updateRows(db: Db, filter: Filter = {}): Row[] {
	const ids = publicPriorityList(db, filter).map((p) => p.id);
	return publishedUpdates(db, { priorityIds: ids })
		.filter((u) => !filter.year || yearOfDate(u.meetingDate) === filter.year)
		.map((u) => ({
			priority: u.prioritySlug,
			meeting_date: u.meetingDate,
			school_year: yearOfDate(u.meetingDate),
			status: u.status,
			summary: u.summary,
			summary_es: u.summaryEs,
			narrative: u.narrative,
			narrative_es: u.narrativeEs,
			learned: u.learned,
			learned_es: u.learnedEs,
			adjustments: u.adjustments,
			adjustments_es: u.adjustmentsEs,
			next_steps: u.nextSteps,
			next_steps_es: u.nextStepsEs,
			published_at: u.publishedAt,
			version: u.version
		}));
}

/** The school year a date falls in, e.g. "2024-25". */
export const yearOfDate = (iso: string) => schoolYearLabel(schoolYearOf(iso));

export function meetingRows(db: Db, filter: Filter = {}): Row[] {
	return publicMeetingList(db)
		.filter((m) => !filter.year || yearOfDate(m.heldOn) === filter.year)
		.map((m) => ({
			id: m.id,
			held_on: m.heldOn,
			school_year: yearOfDate(m.heldOn),
			kind: m.kind,
			title: m.title,
			published_updates: m.publishedUpdates,
			record: `/meetings/${m.id}`
		}));
}

export function planChangeRows(db: Db, filter: Filter = {}): Row[] {
	return allPublicPlanChanges(db)
		.filter((c) => !filter.priority || c.prioritySlug === filter.priority)
		.map((c) => ({
			priority: c.prioritySlug,
			changed_on: c.changedAt.slice(0, 10),
			change: c.kind,
			subject: c.subject,
			before: planValueText(c.kind, 'before', c.before, 'en'),
			after: planValueText(c.kind, 'after', c.after, 'en'),
			before_es: planValueText(c.kind, 'before', c.before, 'es'),
			after_es: planValueText(c.kind, 'after', c.after, 'es'),
			reason: c.reason,
			reason_es: c.reasonEs
		}));
}

/** The district's schools as the public list shows them (open and closed; none excluded). */
export function schoolRows(db: Db, filter: Filter = {}): Row[] {
	return listSchools(db, { status: 'all' })
		.filter((s) => !filter.school || s.cdsCode === filter.school)
		.map((s) => ({
			school_cds_code: s.cdsCode,
			school_name: s.name,
			type: s.type,
			grade_span: s.gradeSpan,
			status: s.status
		}));
}
