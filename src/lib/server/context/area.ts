// The state's and the county's figure beside the district's: for each measure, the newest school
// year the state's files gave them, for the measure's own student group.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { areaFigures } from '../db/schema/context.ts';
import { measures } from '../db/schema/measures.ts';
import { schoolYears } from '../db/schema/district.ts';

export interface AreaFigures {
	schoolYear: string;
	group: string;
	state: number | null;
	county: number | null;
}

export function areaFiguresOf(db: Db, measureIds: number[]): Record<number, AreaFigures> {
	if (!measureIds.length) return {};
	const rows = db
		.select({
			measureId: areaFigures.measureId,
			level: areaFigures.level,
			value: areaFigures.value,
			year: schoolYears.label,
			group: areaFigures.studentGroup
		})
		.from(areaFigures)
		.innerJoin(measures, eq(measures.id, areaFigures.measureId))
		.innerJoin(schoolYears, eq(schoolYears.id, areaFigures.schoolYearId))
		.where(
			and(
				inArray(areaFigures.measureId, measureIds),
				eq(areaFigures.studentGroup, measures.studentGroup)
			)
		)
		.orderBy(desc(schoolYears.startYear))
		.all();
	const out: Record<number, AreaFigures> = {};
	for (const r of rows) {
		const f = (out[r.measureId] ??= {
			schoolYear: r.year,
			group: r.group,
			state: null,
			county: null
		});
		if (f.schoolYear !== r.year) continue;
		f[r.level] = r.value;
	}
	return out;
}
