// Which years of a measure's series compare: the state's breaks (a table in the code,
// src/lib/series-breaks.ts) and the ones the district recorded for its own measures. A shared
// rule below the areas, so the priorities, schools and meetings compute "change since" alike.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { measures } from '../db/schema/measures.ts';
import { schoolYears } from '../db/schema/district.ts';
import { seriesBreaks } from '../db/schema/context.ts';
import { breaksOf, type SeriesBreak } from '../../series-breaks.ts';

/** Every break of each measure (state's and district's), oldest first, by measure id. */
export function breaksOfMeasures(db: Db, measureIds: number[]): Map<number, SeriesBreak[]> {
	const out = new Map<number, SeriesBreak[]>();
	if (!measureIds.length) return out;
	const codes = db
		.select({ id: measures.id, code: measures.code })
		.from(measures)
		.where(inArray(measures.id, measureIds))
		.all();
	const own = db
		.select({
			measureId: seriesBreaks.measureId,
			startYear: schoolYears.startYear,
			reason: seriesBreaks.reason,
			reasonEs: seriesBreaks.reasonEs
		})
		.from(seriesBreaks)
		.innerJoin(schoolYears, eq(schoolYears.id, seriesBreaks.schoolYearId))
		.where(inArray(seriesBreaks.measureId, measureIds))
		.all();
	for (const m of codes)
		out.set(
			m.id,
			breaksOf(
				m.code,
				own
					.filter((b) => b.measureId === m.id)
					.map((b) => ({
						startYear: b.startYear,
						kind: 'definition' as const,
						reason: b.reason,
						reasonEs: b.reasonEs ?? b.reason,
						by: 'district' as const
					}))
			)
		);
	return out;
}
