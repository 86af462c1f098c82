/**
 * Implementation check-ins: every open school × structure × year since the structure started.
 * Depth grows with the years at most schools, faster where a structure is required; lagging
 * schools stay low; a new principal costs a school depth for a year or two.
 */
import { structurePlans, type StructurePlan } from './catalog.ts';
import { clamp, inserter, type Context, type DemoSchool } from './context.ts';
import { adaptations } from './names.ts';
import { openSchools } from './schools.ts';

function expectedDepth(
	plan: StructurePlan,
	school: DemoSchool,
	yearsIn: number,
	year: number
): number {
	const required = plan.authority === 'required';
	let depth = (required ? 0.9 : 0.5) + yearsIn * (required ? 0.55 : 0.4) + 0.75 * school.momentum;
	if (school.principalStarts.includes(year)) depth -= 1.2;
	else if (school.principalStarts.includes(year - 1)) depth -= 0.5;
	return depth;
}

function siteLed(context: Context, depth: number): boolean {
	if (depth === 4) return context.random.chance(0.7);
	if (depth === 3) return context.random.chance(0.35);
	if (depth === 2) return context.random.chance(0.08);
	return false;
}

export function addCheckIns(context: Context): void {
	const { random } = context;
	const insert = inserter(context.db, 'check_in', [
		'school_id',
		'structure_id',
		'school_year_id',
		'depth',
		'adaptation',
		'site_led',
		'evidence_url',
		'updated_at'
	]);
	for (const plan of structurePlans) {
		const structureId = context.structureIds.get(plan.key)!;
		const start = context.structureStart.get(plan.key)!;
		const pool = adaptations[plan.key];
		for (const school of openSchools(context)) {
			const fit = random.normal(0, 0.4);
			const declined =
				plan.authority === 'discretionary' && random.chance(school.momentum < -0.8 ? 0.5 : 0.15);
			const adaptation = pool ? random.pick(pool) : null;
			for (let year = start; year <= context.lastYear; year++) {
				const expected = declined ? 0.3 : expectedDepth(plan, school, year - start, year) + fit;
				const depth = clamp(Math.round(expected + random.normal(0, 0.35)), 0, 4);
				const adapted = adaptation !== null && depth >= 2 && random.chance(0.6) ? adaptation : null;
				const updatedAt =
					year === context.lastYear ? context.stamp : `${year + 1}-05-29T18:00:00.000Z`;
				insert(
					school.id,
					structureId,
					context.yearIds.get(year)!,
					depth,
					adapted,
					siteLed(context, depth) ? 1 : 0,
					null,
					updatedAt
				);
			}
		}
	}
}
