// Which of the board's priorities address a Red group and indicator: a measure of that indicator
// (the Dashboard's measures carry the indicator's code) in an active priority, for that group or for
// all students, or a target the priority set for that group.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { measures, measureTargets } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import type { Addressing } from '../../accountability/index.ts';

interface MeasureOfPriority {
	measureId: number;
	indicator: string;
	measureGroup: string;
	measure: string;
	measureEs: string | null;
	slug: string;
	title: string;
	titleEs: string | null;
}

export interface AddressingIndex {
	(group: string, indicator: string): Addressing[];
}

/** Reads the active priorities' measures of the given indicators once; answers per group. */
export function addressingIndex(db: Db, indicators: readonly string[]): AddressingIndex {
	if (indicators.length === 0) return () => [];
	const rows: MeasureOfPriority[] = db
		.select({
			measureId: measures.id,
			indicator: measures.code,
			measureGroup: measures.studentGroup,
			measure: measures.name,
			measureEs: measures.nameEs,
			slug: priorities.slug,
			title: priorities.title,
			titleEs: priorities.titleEs
		})
		.from(measures)
		.innerJoin(priorities, eq(priorities.id, measures.priorityId))
		.where(
			and(
				inArray(measures.code, [...indicators]),
				isNotNull(measures.priorityId),
				eq(priorities.status, 'active')
			)
		)
		.all();
	const targetGroups = new Map<number, Set<string>>();
	if (rows.length) {
		for (const t of db
			.select({ measureId: measureTargets.measureId, group: measureTargets.studentGroup })
			.from(measureTargets)
			.where(
				inArray(
					measureTargets.measureId,
					rows.map((r) => r.measureId)
				)
			)
			.all()) {
			let s = targetGroups.get(t.measureId);
			if (!s) targetGroups.set(t.measureId, (s = new Set()));
			s.add(t.group);
		}
	}
	return (group, indicator) => {
		const out: Addressing[] = [];
		for (const r of rows) {
			if (r.indicator !== indicator) continue;
			const how: Addressing['how'] | null =
				r.measureGroup === group
					? 'group'
					: targetGroups.get(r.measureId)?.has(group)
						? 'target'
						: r.measureGroup === 'ALL'
							? 'all'
							: null;
			if (!how) continue;
			out.push({
				slug: r.slug,
				title: r.title,
				titleEs: r.titleEs,
				measure: r.measure,
				measureEs: r.measureEs,
				how
			});
		}
		return out;
	};
}
