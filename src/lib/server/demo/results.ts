/**
 * Results per school, per student group, per year, and the district's (an n-weighted mean of its
 * schools). Each school has a level and a momentum: improving schools keep growing after their
 * priority is adopted, stalled ones stop after two years, and a new principal slows a school down.
 */
import { groupProfiles, measurePlans, yearShocks, type MeasurePlan } from './catalog.ts';
import { clamp, inserter, round1, type Context, type DemoSchool } from './context.ts';

/** Sums per "year|group" for the district's row. */
type Totals = Map<string, { sum: number; n: number }>;

function resultUpdatedAt(context: Context, year: number): string {
	const at = `${year + 1}-06-10T16:00:00.000Z`;
	return at < context.stamp ? at : context.stamp;
}

/** Writes one measure's result for a year, for a school or (schoolId null) the district. */
function resultInserter(context: Context, measureId: number) {
	const insert = inserter(context.db, 'result', [
		'measure_id',
		'school_year_id',
		'school_id',
		'student_group',
		'value',
		'n',
		'updated_at'
	]);
	return (year: number, schoolId: number | null, group: string, value: number, n: number) =>
		insert(
			measureId,
			context.yearIds.get(year)!,
			schoolId,
			group,
			value,
			n,
			resultUpdatedAt(context, year)
		);
}

/** How many years of improvement a school has banked on a measure by a given year. */
function yearsOfGrowth(school: DemoSchool, year: number, adopted: number): number {
	let years = Math.max(0, year - adopted + 1);
	if (school.profile === 'stalled') years = Math.min(years, 2);
	if (school.principalStarts.includes(year)) years -= 0.6;
	return Math.max(0, years);
}

function schoolValue(
	context: Context,
	plan: MeasurePlan,
	school: DemoSchool,
	year: number,
	adopted: number
): number {
	const sign = plan.direction === 'higher' ? 1 : -1;
	const slope = plan.gain * clamp(1 + 0.7 * school.momentum, 0.1, 2.2);
	const shock = (yearShocks[plan.code]?.[year] ?? 0) * plan.spread;
	const levelWeight = plan.kind === 'outcome' ? 1 : 0.6;
	const better =
		school.level * plan.spread * levelWeight +
		slope * yearsOfGrowth(school, year, adopted) +
		shock +
		context.random.normal(0, 0.15 * plan.spread);
	return plan.base + sign * better;
}

function addMeasureResults(context: Context, plan: MeasurePlan, totals: Totals): void {
	const { random } = context;
	const measureId = context.measureIds.get(plan.code)!;
	const adopted = context.priorityYears.get(plan.priority)!.adopted;
	const sign = plan.direction === 'higher' ? 1 : -1;
	const insert = resultInserter(context, measureId);
	const record = (year: number, schoolId: number, group: string, value: number, n: number) => {
		const rounded = round1(clamp(value, plan.min, plan.max));
		insert(year, schoolId, group, rounded, n);
		const key = `${year}|${group}`;
		const total = totals.get(key) ?? { sum: 0, n: 0 };
		total.sum += rounded * n;
		total.n += n;
		totals.set(key, total);
	};
	for (const school of context.schools) {
		const coverage = plan.coverage[school.type];
		if (!coverage) continue;
		for (let year = context.firstYear; year <= school.lastOpenYear; year++) {
			if (plan.kind === 'implementation' && year < adopted) continue;
			const all = schoolValue(context, plan, school, year, adopted);
			const n = Math.max(
				1,
				Math.round(school.enrollment * coverage * (1 + random.normal(0, 0.04)))
			);
			record(year, school.id, 'ALL', all, n);
			if (!plan.byGroup) continue;
			for (const group of context.groups) {
				const size = Math.round(n * school.shares[group] * (1 + random.normal(0, 0.1)));
				if (size < 1) continue;
				const noise = plan.spread * 0.3 * Math.sqrt(30 / Math.max(size, 4));
				const value =
					all +
					sign * groupProfiles[group].offset * plan.spread +
					random.normal(0, Math.min(noise, plan.spread));
				record(year, school.id, group, value, size);
			}
		}
	}
}

function addDistrictResults(context: Context, plan: MeasurePlan, totals: Totals): void {
	const measureId = context.measureIds.get(plan.code)!;
	const insert = resultInserter(context, measureId);
	for (const [key, total] of totals) {
		const [year, group] = key.split('|');
		if (total.n === 0) continue;
		insert(Number(year), null, group, round1(total.sum / total.n), total.n);
	}
}

/** Baseline = the district's result the year before adoption (or the first year we have). */
function setBaselineAndTargets(context: Context, plan: MeasurePlan, totals: Totals): void {
	const { adopted, last } = context.priorityYears.get(plan.priority)!;
	const baselineYear =
		plan.kind === 'implementation' ? adopted : Math.max(context.firstYear, adopted - 1);
	const total = totals.get(`${baselineYear}|ALL`);
	if (!total || total.n === 0) return;
	const baseline = round1(total.sum / total.n);
	const measureId = context.measureIds.get(plan.code)!;
	context.db.$client
		.prepare('update measure set baseline_year_id = ?, baseline_value = ? where id = ?')
		.run(context.yearIds.get(baselineYear)!, baseline, measureId);
	const insert = inserter(context.db, 'measure_target', ['measure_id', 'school_year_id', 'value']);
	const sign = plan.direction === 'higher' ? 1 : -1;
	for (let year = baselineYear + 1; year <= last; year++) {
		const value = round1(
			clamp(baseline + sign * plan.targetStep * (year - baselineYear), plan.min, plan.max)
		);
		insert(measureId, context.yearIds.get(year)!, value);
	}
}

export function addResults(context: Context): void {
	for (const plan of measurePlans) {
		const totals: Totals = new Map();
		addMeasureResults(context, plan, totals);
		addDistrictResults(context, plan, totals);
		setBaselineAndTargets(context, plan, totals);
	}
}

/** The district's all-students value of a measure in a year, from the stored results. */
export function districtValue(context: Context, code: string, year: number): number | null {
	const row = context.db.$client
		.prepare(
			"select value from result where measure_id = ? and school_year_id = ? and school_id is null and student_group = 'ALL'"
		)
		.get(context.measureIds.get(code), context.yearIds.get(year)) as { value: number } | undefined;
	return row?.value ?? null;
}

export function targetValue(context: Context, code: string, year: number): number | null {
	const row = context.db.$client
		.prepare(
			"select value from measure_target where measure_id = ? and school_year_id = ? and student_group = 'ALL'"
		)
		.get(context.measureIds.get(code), context.yearIds.get(year)) as { value: number } | undefined;
	return row?.value ?? null;
}
