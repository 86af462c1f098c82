import { resultsThrough } from '../school-years/index.ts';
import type { Db } from '../db/open.ts';
import { derived } from '../cache/derived.ts';
import { schoolYears } from '../db/schema/district.ts';
import type { Unit } from '../../format.ts';
import { breaksOfMeasures } from '../results/breaks.ts';
import { notComparableWith, type NotComparable, type SeriesBreak } from '../../series-breaks.ts';
import {
	districtSeries,
	districtSettings,
	groupTargetsOf,
	groupTargetsOfMeasures,
	headlineMeasure,
	measuresOfPriorities,
	measuresWithOtherGroupsOnly,
	notDoingList,
	priorityBySlug,
	publicPriorities,
	resultsByGroup,
	resultsBySchool,
	targetsOf,
	type GroupRow,
	type GroupTargets,
	type Measure,
	type PublicPriority,
	type PublicYearResult
} from './queries.ts';
import type { SchoolRow } from '../../priorities/results.ts';
import {
	changeOverTime,
	describeTrend,
	standingAgainstTarget,
	type Standing,
	type YearValue
} from './status.ts';

export interface MeasureTrend {
	id: number;
	/** Its stable key: the address of its public definition, /measures/<code>. */
	code: string;
	name: string;
	nameEs: string | null;
	unit: Unit;
	direction: 'higher' | 'lower';
	/** Whose results it reads: 'ALL', or one student group's code (English learners' progress). */
	studentGroup: string;
	kind: 'outcome' | 'implementation';
	source: string;
	baseline: { year: string | null; value: number | null };
	series: PublicYearResult[];
	targets: YearValue[];
	/** Targets set for single student groups: a dashed series each on the charts, with the group's name. */
	groupTargets: GroupTargets[];
	standing: Standing;
	/** The trend in one plain sentence, for the chart's caption and screen readers. */
	summary: string;
	/** The same without a break's reasons, for the board overview's tile (its chart marks the break). */
	brief: string;
	change: { from: string; to: string; improvement: number } | null;
	/** The series' breaks (the state's and the district's): the charts draw their gaps and marks. */
	breaks: SeriesBreak[];
	/** The newest result does not compare with older ones: the year and why, said instead of a change. */
	notComparable: NotComparable | null;
}

function trendOf(
	measure: Measure,
	series: PublicYearResult[],
	targets: YearValue[],
	baselineYear: string | null,
	groupsOnly: boolean,
	groupTargets: GroupTargets[] = [],
	breaks: SeriesBreak[] = []
): MeasureTrend {
	const change = changeOverTime(series, measure.direction, breaks);
	const standing = standingAgainstTarget(series, targets, measure.direction, measure.unit, {
		baselineYear,
		groupsOnly
	});
	return {
		id: measure.id,
		code: measure.code,
		name: measure.name,
		nameEs: measure.nameEs,
		unit: measure.unit,
		direction: measure.direction,
		studentGroup: measure.studentGroup,
		kind: measure.kind,
		source: measure.source,
		baseline: { year: baselineYear, value: measure.baselineValue },
		series,
		targets,
		groupTargets,
		standing,
		summary: describeTrend(series, standing, measure.direction, measure.unit, breaks),
		brief: describeTrend(series, standing, measure.direction, measure.unit, breaks, true),
		change: change
			? { from: change.from.year, to: change.to.year, improvement: change.improvement }
			: null,
		breaks,
		notComparable: notComparableWith(series, breaks)
	};
}

function trendsFor(db: Db, list: Measure[], suppressionSize: number): Map<number, MeasureTrend> {
	const ids = list.map((m) => m.id);
	const series = districtSeries(db, ids, suppressionSize);
	const targets = targetsOf(db, ids);
	const groupTargets = groupTargetsOfMeasures(db, ids);
	const labels = yearLabels(db);
	const breaks = breaksOfMeasures(db, ids);
	const groupsOnly = measuresWithOtherGroupsOnly(
		db,
		ids.filter((id) => !series.get(id)?.length)
	);
	return new Map(
		list.map((m) => [
			m.id,
			trendOf(
				m,
				series.get(m.id) ?? [],
				targets.get(m.id) ?? [],
				m.baselineYearId === null ? null : (labels.get(m.baselineYearId) ?? null),
				groupsOnly.has(m.id),
				groupTargets.get(m.id) ?? [],
				breaks.get(m.id) ?? []
			)
		])
	);
}

function yearLabels(db: Db): Map<number, string> {
	return new Map(
		db
			.select()
			.from(schoolYears)
			.all()
			.map((y) => [y.id, y.label])
	);
}

export interface PriorityHeadline {
	priority: PublicPriority;
	headline: MeasureTrend | null;
}

export interface HeadlineSummary {
	district: {
		name: string;
		dataUpdatedAt: string | null;
		resultsThrough: string | null;
		suppressionSize: number;
	} | null;
	active: PriorityHeadline[];
	completed: PriorityHeadline[];
	notDoing: ReturnType<typeof notDoingList>;
}

/**
 * Each public priority's headline trend and standing, as the home page (with each one's update,
 * views/public-summary.ts) and the slides show them.
 */
export function headlineSummary(db: Db): HeadlineSummary {
	const settings = districtSettings(db);
	if (!settings) return { district: null, active: [], completed: [], notDoing: [] };
	const list = publicPriorities(db);
	const ids = list.map((p) => p.id);
	const allMeasures = measuresOfPriorities(db, ids);
	const headlines = list
		.map((p) => headlineMeasure(allMeasures, p.id))
		.filter((m): m is Measure => !!m);
	const trends = trendsFor(db, headlines, settings.suppressionSize);
	const summaries = list.map((priority) => {
		const headline = headlineMeasure(allMeasures, priority.id);
		return { priority, headline: headline ? (trends.get(headline.id) ?? null) : null };
	});
	return {
		district: {
			name: settings.name,
			dataUpdatedAt: settings.dataUpdatedAt,
			resultsThrough: resultsThrough(db),
			suppressionSize: settings.suppressionSize
		},
		active: summaries.filter((s) => s.priority.status === 'active'),
		completed: summaries.filter((s) => s.priority.status !== 'active'),
		notDoing: notDoingList(db)
	};
}

export interface MeasureDetail extends MeasureTrend {
	/** Each group's results, with its own targets and standing where the board set them. */
	groups: (GroupRow & { targets?: YearValue[]; standing?: Standing })[];
	schools: SchoolRow[];
	years: string[];
}

export interface PriorityResults {
	priority: PublicPriority;
	measures: MeasureDetail[];
	suppressionSize: number;
	dataUpdatedAt: string | null;
	resultsThrough: string | null;
	/** For links to the district's page on the state's Dashboard. */
	districtCdsCode: string;
}

/** The priority's measures in the board's order, each with its district trend and standing. */
function measureTrendsOf(db: Db, priorityId: number, suppressionSize: number): MeasureTrend[] {
	const list = measuresOfPriorities(db, [priorityId]);
	const trends = trendsFor(db, list, suppressionSize);
	return list.map((m) => trends.get(m.id) as MeasureTrend);
}

/**
 * A priority's results as its public page shows them (with its updates, views/public-summary.ts):
 * every measure over the years, by group and by school, with targets.
 */
export function priorityResults(db: Db, slug: string): PriorityResults | null {
	const settings = districtSettings(db);
	const priority = priorityBySlug(db, slug);
	if (!settings || !priority || priority.status === 'retired') return null;
	const measures = measureTrendsOf(db, priority.id, settings.suppressionSize).map((trend) => {
		const groupTargets = groupTargetsOf(db, trend.id);
		const groups = resultsByGroup(db, trend.id, settings.suppressionSize).map((g) => {
			const targets = groupTargets.get(g.code);
			if (!targets) return g;
			// The group's own standing, from its shown results only (a suppressed year has none).
			const series = Object.entries(g.byYear).map(([year, r]) => ({
				year,
				startYear: Number(year.slice(0, 4)),
				value: r.suppressed ? null : r.value
			}));
			return {
				...g,
				targets,
				standing: standingAgainstTarget(series, targets, trend.direction, trend.unit)
			};
		});
		// Kept apart: the by-school table reads only results and schools, so publishing an update
		// or any other write elsewhere leaves it as it is (issue 30).
		const schools = derived(db, `schools of measure ${trend.id} ${settings.suppressionSize}`, () =>
			resultsBySchool(db, trend.id, settings.suppressionSize)
		);
		const years = [
			...new Set([...trend.series.map((s) => s.year), ...trend.targets.map((t) => t.year)])
		].sort();
		return { ...trend, groups, schools, years };
	});
	return {
		priority,
		measures,
		suppressionSize: settings.suppressionSize,
		dataUpdatedAt: settings.dataUpdatedAt,
		resultsThrough: resultsThrough(db),
		districtCdsCode: settings.cdsCode
	};
}

export interface BoardPriority {
	priority: PublicPriority;
	/** The public may read its page (/priorities/[slug]): every status but retired. */
	isPublic: boolean;
	measures: MeasureTrend[];
	suppressionSize: number;
	dataUpdatedAt: string | null;
	resultsThrough: string | null;
	districtCdsCode: string;
}

/**
 * A priority as the board reviews it: whatever its status (a retired one too, which the public
 * never sees), each measure's trend and standing against target. No by-school or by-group tables:
 * those are on the public page.
 */
export function boardPriority(db: Db, slug: string): BoardPriority | null {
	const settings = districtSettings(db);
	const priority = priorityBySlug(db, slug);
	if (!settings || !priority) return null;
	return {
		priority,
		isPublic: priority.status !== 'retired',
		measures: measureTrendsOf(db, priority.id, settings.suppressionSize),
		suppressionSize: settings.suppressionSize,
		dataUpdatedAt: settings.dataUpdatedAt,
		resultsThrough: resultsThrough(db),
		districtCdsCode: settings.cdsCode
	};
}
