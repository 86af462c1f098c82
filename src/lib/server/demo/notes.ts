import { inserter, round1, type Context } from './context.ts';
import { measurePlans } from './catalog.ts';
import { districtValue } from './results.ts';
import { isDashboardMeasure } from '../../dashboard-releases.ts';

/**
 * A few dated event notes, so the demo's charts carry them: a district-wide strike, a new
 * reading curriculum for the literacy priority, a new principal at one school, and one internal
 * note (board and staff only, never public). Dates count back from the last year, so the
 * benchmark's longer history gets the same four.
 */
export function addEventNotes(context: Context): void {
	const insert = inserter(context.db, 'event_note', [
		'happened_on',
		'school_id',
		'priority_id',
		'text',
		'text_es',
		'internal',
		'created_at'
	]);
	const last = context.lastYear;
	const school = context.schools.find((s) => s.open);
	insert(
		`${last - 1}-02-06`,
		null,
		null,
		"Teachers' strike, 6 school days",
		'Huelga de docentes, 6 días de clase',
		0,
		context.stamp
	);
	const literacy = context.priorityIds.get('literacy');
	if (literacy !== undefined)
		insert(
			`${last - 2}-08-14`,
			null,
			literacy,
			'New K–5 reading curriculum in every elementary school',
			'Nuevo currículo de lectura de kínder a 5.º en todas las escuelas primarias',
			0,
			context.stamp
		);
	if (school)
		insert(
			`${last - 1}-08-12`,
			school.id,
			null,
			`New principal at ${school.name}`,
			`Nueva dirección en ${school.name}`,
			0,
			context.stamp
		);
	insert(
		`${last}-09-03`,
		null,
		null,
		'Fourteen classroom vacancies at the start of the year (internal: staffing negotiations)',
		null,
		1,
		context.stamp
	);
}

/**
 * One break the district recorded in its own measure's series: its reading assessment changed
 * two years ago, so the third graders' results before then do not compare with those after.
 */
export function addSeriesBreaks(context: Context): void {
	const measure = context.measureIds.get('grade3-reading');
	const year = context.yearIds.get(context.lastYear - 1);
	if (measure === undefined || year === undefined) return;
	inserter(context.db, 'series_break', [
		'measure_id',
		'school_year_id',
		'reason',
		'reason_es',
		'created_at'
	])(
		measure,
		year,
		'the district moved to a new reading assessment (spring window)',
		'el distrito cambió a una nueva evaluación de lectura (período de primavera)',
		context.stamp
	);
}

/**
 * The state's and the county's figure beside the district's Dashboard measures (all students),
 * for the years the state gave a Dashboard: made up like the rest of the demo — the state a little
 * ahead of the district, the county between the two.
 */
export function addAreaFigures(context: Context): void {
	const insert = inserter(context.db, 'area_figure', [
		'measure_id',
		'school_year_id',
		'level',
		'student_group',
		'value',
		'n',
		'updated_at'
	]);
	for (const plan of measurePlans) {
		const measureId = context.measureIds.get(plan.code);
		if (measureId === undefined || !isDashboardMeasure(plan.code)) continue;
		const better = plan.direction === 'higher' ? 1 : -1;
		for (let year = context.firstYear; year <= context.lastYear; year++) {
			if (year === 2019 || year === 2020) continue; // no state Dashboard (series-breaks.ts)
			const district = districtValue(context, plan.code, year);
			const yearId = context.yearIds.get(year);
			if (district === null || yearId === undefined) continue;
			for (const [level, share, n] of [
				['state', 0.5, 2_900_000],
				['county', 0.2, 35_000]
			] as const)
				insert(
					measureId,
					yearId,
					level,
					'ALL',
					round1(district + better * share * plan.spread),
					n,
					context.stamp
				);
		}
	}
}
