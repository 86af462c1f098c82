/** The board's plan: priorities, measures, structures, policies, the links among them, and load. */
import {
	initiativePlans,
	measurePlans,
	notDoingPlans,
	policyPlans,
	priorityPlans,
	structurePlans
} from './catalog.ts';
import { inserter, yearFromLast, type Context } from './context.ts';
import { nthWeekday } from './dates.ts';
import { openSchools } from './schools.ts';

/** The day a priority was adopted: the second Thursday of August of its first year. */
export function adoptedOn(startYear: number): string {
	return nthWeekday(startYear, 8, 4, 2);
}

export function addPriorities(context: Context, sponsors: Map<string, string>): void {
	const insert = inserter(context.db, 'priority', [
		'slug',
		'title',
		'title_es',
		'description',
		'description_es',
		'rationale',
		'sponsor',
		'status',
		'adopted_on',
		'sort_order',
		'created_at',
		'updated_at'
	]);
	for (const plan of priorityPlans) {
		const adopted = yearFromLast(context, plan.adoptedFromLast);
		const last =
			plan.completedFromLast === undefined
				? context.lastYear
				: Math.max(adopted, context.lastYear - plan.completedFromLast);
		context.priorityYears.set(plan.key, { adopted, last });
		const id = insert(
			plan.slug,
			plan.title,
			plan.titleEs,
			plan.description,
			plan.descriptionEs,
			plan.rationale,
			sponsors.get(plan.key) ?? '',
			plan.status,
			adoptedOn(adopted),
			plan.sortOrder,
			`${adoptedOn(adopted)}T20:00:00.000Z`,
			context.stamp
		);
		context.priorityIds.set(plan.key, id);
	}
}

/** Measures are added without baselines; the results set them (see results.ts). */
export function addMeasures(context: Context): void {
	const insert = inserter(context.db, 'measure', [
		'code',
		'priority_id',
		'name',
		'name_es',
		'unit',
		'direction',
		'kind',
		'source',
		'headline',
		'sort_order',
		'created_at'
	]);
	measurePlans.forEach((plan, index) => {
		const id = insert(
			plan.code,
			context.priorityIds.get(plan.priority)!,
			plan.name,
			plan.nameEs,
			plan.unit,
			plan.direction,
			plan.kind,
			plan.source,
			plan.headline ? 1 : 0,
			index + 1,
			context.stamp
		);
		context.measureIds.set(plan.code, id);
	});
}

export function addStructures(context: Context): void {
	const insert = inserter(context.db, 'structure', [
		'name',
		'name_es',
		'category',
		'authority',
		'origin',
		'owner_role',
		'start_year_id',
		'description',
		'description_es',
		'sort_order',
		'created_at'
	]);
	const link = inserter(context.db, 'structure_priority', ['structure_id', 'priority_id']);
	structurePlans.forEach((plan, index) => {
		const start = yearFromLast(context, plan.startFromLast);
		const id = insert(
			plan.name,
			plan.nameEs,
			plan.category,
			plan.authority,
			plan.origin,
			plan.ownerRole,
			context.yearIds.get(start)!,
			plan.description,
			plan.descriptionEs,
			index + 1,
			context.stamp
		);
		context.structureIds.set(plan.key, id);
		context.structureStart.set(plan.key, start);
		for (const priority of plan.priorities) link(id, context.priorityIds.get(priority)!);
	});
}

export function addPolicies(context: Context): void {
	const insert = inserter(context.db, 'policy', [
		'kind',
		'number',
		'title',
		'adopted_on',
		'revised_on',
		'url',
		'created_at'
	]);
	const link = inserter(context.db, 'policy_structure', ['policy_id', 'structure_id', 'relation']);
	for (const plan of policyPlans) {
		const url = `https://policies.samplevalleyusd.example/${plan.kind.toLowerCase()}-${plan.number}`;
		const id = insert(
			plan.kind,
			plan.number,
			plan.title,
			plan.adopted,
			plan.revised,
			url,
			context.stamp
		);
		for (const { structure, relation } of plan.links) {
			link(id, context.structureIds.get(structure)!, relation);
		}
	}
}

export function addNotDoingItems(context: Context): void {
	const insert = inserter(context.db, 'not_doing_item', [
		'title',
		'title_es',
		'decision',
		'decided_on',
		'reason',
		'reason_es',
		'created_at'
	]);
	for (const plan of notDoingPlans) {
		const decidedOn = nthWeekday(yearFromLast(context, plan.decidedFromLast) + 1, 3, 4, 2);
		insert(
			plan.title,
			plan.titleEs,
			plan.decision,
			decidedOn,
			plan.reason,
			plan.reasonEs,
			`${decidedOn}T20:00:00.000Z`
		);
	}
}

/** Initiatives and the schools running them; a few schools carry more than the limit of four. */
export function addInitiatives(context: Context): void {
	const { random } = context;
	const insert = inserter(context.db, 'initiative', [
		'name',
		'description',
		'priority_id',
		'active',
		'start_year',
		'created_at'
	]);
	const assign = inserter(context.db, 'initiative_school', ['initiative_id', 'school_id']);
	const active: number[] = [];
	const inactive: number[] = [];
	for (const plan of initiativePlans) {
		const start = plan.priority
			? context.priorityYears.get(plan.priority)!.adopted
			: random.int(context.firstYear - 3, context.lastYear - 1);
		const id = insert(
			plan.name,
			plan.description,
			plan.priority ? context.priorityIds.get(plan.priority)! : null,
			plan.active ? 1 : 0,
			start,
			context.stamp
		);
		(plan.active ? active : inactive).push(id);
	}
	const schools = random.shuffle(openSchools(context));
	const overloaded = Math.max(3, Math.round(schools.length * 0.08));
	schools.forEach((school, index) => {
		const count = index < overloaded ? random.int(5, 6) : random.int(1, 4);
		for (const id of random.shuffle(active).slice(0, count)) assign(id, school.id);
	});
	for (const id of inactive) {
		for (const school of schools.slice(overloaded, overloaded + random.int(3, 6)))
			assign(id, school.id);
	}
}
