import { byName } from '../db/sort.ts';
import { currentStartYear } from '../../school-year.ts';
import { schoolYearRow } from '../school-years/index.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { schools, schoolYears } from '../db/schema/district.ts';
import { measures, measureTargets } from '../db/schema/measures.ts';
import { initiatives, initiativeSchools, priorities } from '../db/schema/priorities.ts';
import {
	policies,
	policyStructures,
	structurePriorities,
	structures
} from '../db/schema/structures.ts';
import type { Signal } from '../../signals.ts';
import type { SignalContext, SignalSource } from '../signals/types.ts';
import { openInFigures } from '../results/counted.ts';

/** The school year signals look at: the pinned one, else the one the context's today falls in. */
export function currentSchoolYear(db: Db, context: SignalContext) {
	const pinned = context.settings.currentSchoolYearId
		? db
				.select({ startYear: schoolYears.startYear })
				.from(schoolYears)
				.where(eq(schoolYears.id, context.settings.currentSchoolYearId))
				.get()
		: undefined;
	return schoolYearRow(db, currentStartYear(context.today, pinned?.startYear));
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** The throughline's gaps, in plain words, each with a link to what would fix it. */
export const throughlineSignals: SignalSource = (db, context) => {
	const signals: Signal[] = [];
	const active = db
		.select()
		.from(priorities)
		.where(eq(priorities.status, 'active'))
		.orderBy(asc(priorities.sortOrder), byName(priorities.title))
		.all();
	const activeIds = active.map((p) => p.id);

	// 1. More active priorities than the board's cap.
	const cap = context.settings.priorityCap;
	if (active.length > cap)
		signals.push({
			key: 'priority-cap',
			area: 'throughline',
			message: `The district has ${plural(active.length, 'active priority', 'active priorities')}, more than the board's cap of ${cap}. Focus needs fewer priorities: complete or retire one, or add it to the not-doing list.`,
			href: '/manage/priorities?status=active',
			fixLabel: 'Review the active priorities'
		});

	// 2. A priority carried by no required structure: it relies on influence only.
	const carriers = activeIds.length
		? db
				.select({ priorityId: structurePriorities.priorityId, authority: structures.authority })
				.from(structurePriorities)
				.innerJoin(structures, eq(structures.id, structurePriorities.structureId))
				.where(inArray(structurePriorities.priorityId, activeIds))
				.all()
		: [];
	for (const p of active) {
		const mine = carriers.filter((c) => c.priorityId === p.id);
		if (mine.some((c) => c.authority === 'required')) continue;
		signals.push({
			key: `influence-only:${p.id}`,
			area: 'throughline',
			message: mine.length
				? `“${p.title}” relies on influence only: the ${plural(mine.length, 'structure')} carrying it ${mine.length === 1 ? 'is' : 'are'} left to site discretion, none is required districtwide.`
				: `“${p.title}” relies on influence only: no district structure carries it.`,
			href: '/manage/structures',
			fixLabel: 'Link a required structure to it',
			subject: { entity: 'priority', id: p.id }
		});
	}

	// 3. A structure that no policy establishes, funds or requires.
	const authorised = new Set(
		db
			.select({ id: policyStructures.structureId })
			.from(policyStructures)
			.where(inArray(policyStructures.relation, ['establishes', 'funds', 'requires']))
			.all()
			.map((r) => r.id)
	);
	for (const s of db
		.select({ id: structures.id, name: structures.name })
		.from(structures)
		.orderBy(asc(structures.sortOrder), byName(structures.name))
		.all()) {
		if (authorised.has(s.id)) continue;
		signals.push({
			key: `structure-without-policy:${s.id}`,
			area: 'throughline',
			message: `No board policy establishes, funds or requires the structure “${s.name}”, so it can lapse with a change of staff.`,
			href: `/manage/structures/${s.id}#policies`,
			fixLabel: 'Link a policy to it',
			subject: { entity: 'structure', id: s.id }
		});
	}

	// 4. A policy linked to no structure: a policy on paper.
	const linked = new Set(
		db
			.select({ id: policyStructures.policyId })
			.from(policyStructures)
			.all()
			.map((r) => r.id)
	);
	for (const p of db
		.select()
		.from(policies)
		.orderBy(asc(policies.number), asc(policies.kind))
		.all()) {
		if (linked.has(p.id)) continue;
		signals.push({
			key: `policy-on-paper:${p.id}`,
			area: 'throughline',
			message: `${p.kind} ${p.number} “${p.title}” is a policy on paper: no district structure carries it out.`,
			href: `/manage/policies/${p.id}`,
			fixLabel: 'Link it to a structure',
			subject: { entity: 'policy', id: p.id }
		});
	}

	// 5. A priority with no measure; a measure with no target for the current school year.
	const priorityMeasures = activeIds.length
		? db
				.select()
				.from(measures)
				.where(inArray(measures.priorityId, activeIds))
				.orderBy(asc(measures.sortOrder), byName(measures.name))
				.all()
		: [];
	for (const p of active) {
		if (priorityMeasures.some((m) => m.priorityId === p.id)) continue;
		signals.push({
			key: `priority-without-measure:${p.id}`,
			area: 'throughline',
			message: `“${p.title}” has no measure, so the board cannot tell whether it is working.`,
			href: `/manage/measures/new?priority=${p.id}`,
			fixLabel: 'Add a measure',
			subject: { entity: 'priority', id: p.id }
		});
	}
	const year = currentSchoolYear(db, context);
	if (year && priorityMeasures.length) {
		const targeted = new Set(
			db
				.select({ id: measureTargets.measureId })
				.from(measureTargets)
				.innerJoin(measures, eq(measures.id, measureTargets.measureId))
				.where(
					and(
						eq(measureTargets.schoolYearId, year.id),
						// The measure's own group: English learners' targets for their progress.
						eq(measureTargets.studentGroup, measures.studentGroup),
						inArray(
							measureTargets.measureId,
							priorityMeasures.map((m) => m.id)
						)
					)
				)
				.all()
				.map((r) => r.id)
		);
		for (const m of priorityMeasures) {
			if (targeted.has(m.id)) continue;
			signals.push({
				key: `measure-without-target:${m.id}`,
				area: 'throughline',
				message: `The measure “${m.name}” has no target for ${year.label}.`,
				href: `/manage/measures/${m.id}#targets`,
				fixLabel: `Set its ${year.label} target`,
				subject: { entity: 'measure', id: m.id }
			});
		}
	}

	// 6. A school running more active initiatives than the limit.
	const limit = context.settings.initiativeLimit;
	const load = new Map<number, number>();
	for (const r of db
		.select({ schoolId: initiativeSchools.schoolId })
		.from(initiativeSchools)
		.innerJoin(initiatives, eq(initiatives.id, initiativeSchools.initiativeId))
		.where(eq(initiatives.active, true))
		.all())
		load.set(r.schoolId, (load.get(r.schoolId) ?? 0) + 1);
	const overloaded = [...load].filter(([, n]) => n > limit).map(([id]) => id);
	if (overloaded.length)
		for (const s of db
			.select({ id: schools.id, name: schools.name })
			.from(schools)
			.where(and(inArray(schools.id, overloaded), openInFigures()))
			.orderBy(byName(schools.name))
			.all())
			signals.push({
				key: `initiative-load:${s.id}`,
				area: 'load',
				message: `${s.name} is running ${plural(load.get(s.id)!, 'active initiative')}, more than the limit of ${limit}.`,
				href: `/manage/initiatives?school=${s.id}`,
				fixLabel: `Review ${s.name}'s initiatives`,
				subject: { entity: 'school', id: s.id }
			});

	return signals;
};
