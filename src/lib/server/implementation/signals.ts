// Reach signals for the board overview: required structures that have not spread.

import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { schools, schoolYears } from '../db/schema/district.ts';
import { checkIns } from '../db/schema/implementation.ts';
import { structures } from '../db/schema/structures.ts';
import type { Signal } from '../../signals.ts';
import type { SignalSource } from '../signals/types.ts';
import { spread } from './measures.ts';
import { currentSchoolYear } from './queries.ts';
import { openInFigures } from '../results/counted.ts';

/** A required structure in its third year or later whose spread this year is under 50%. */
export function requiredStructuresNotSpread(db: Db, today: string): Signal[] {
	const year = currentSchoolYear(db, today);
	if (!year) return [];
	const required = db
		.select({ id: structures.id, name: structures.name, start: schoolYears.startYear })
		.from(structures)
		.innerJoin(schoolYears, eq(structures.startYearId, schoolYears.id))
		.where(eq(structures.authority, 'required'))
		.all()
		.filter((s) => year.startYear - s.start >= 2);
	if (required.length === 0) return [];
	const depths = new Map<number, number[]>();
	for (const c of db
		.select({ structureId: checkIns.structureId, depth: checkIns.depth })
		.from(checkIns)
		.innerJoin(schools, eq(checkIns.schoolId, schools.id))
		.where(and(eq(checkIns.schoolYearId, year.id), openInFigures()))
		.all()) {
		const list = depths.get(c.structureId);
		if (list) list.push(c.depth);
		else depths.set(c.structureId, [c.depth]);
	}
	return required.flatMap((s) => {
		const share = spread(depths.get(s.id) ?? []);
		if (share === null || share >= 0.5) return [];
		const yearNumber = year.startYear - s.start + 1;
		return [
			{
				key: `required-not-spread:${s.id}`,
				area: 'reach' as const,
				message: `“${s.name}” is required districtwide and in its year ${yearNumber}, but only ${Math.round(share * 100)}% of schools that checked in are at implementing or above in ${year.label}.`,
				href: `/board/coherence?year=${year.id}`,
				fixLabel: 'See the coherence matrix',
				subject: { entity: 'structure', id: s.id }
			}
		];
	});
}

export const reachSignals: SignalSource = (db, { today }) => requiredStructuresNotSpread(db, today);
