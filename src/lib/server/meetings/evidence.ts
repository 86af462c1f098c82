import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { measures, measureTargets, results } from '../db/schema/measures.ts';
import { schoolYears } from '../db/schema/district.ts';

export interface EvidencePoint {
	schoolYear: string;
	startYear: number;
	value: number | null;
	target: number | null;
}

export interface Evidence {
	measureId: number;
	name: string;
	nameEs: string | null;
	unit: (typeof measures.$inferSelect)['unit'];
	direction: 'higher' | 'lower';
	baselineValue: number | null;
	points: EvidencePoint[];
}

export function measuresOfPriority(db: Db, priorityId: number) {
	return db
		.select({
			id: measures.id,
			name: measures.name,
			headline: measures.headline,
			unit: measures.unit
		})
		.from(measures)
		.where(eq(measures.priorityId, priorityId))
		.orderBy(asc(measures.sortOrder), asc(measures.id))
		.all();
}

/**
 * The chosen measures, live from the results: the district's value for all students in each
 * school year beside the year's target. District "ALL" values are never suppressed.
 */
export function evidenceFor(db: Db, measureIds: number[]): Evidence[] {
	if (measureIds.length === 0) return [];
	const ms = db.select().from(measures).where(inArray(measures.id, measureIds)).all();
	const years = db.select().from(schoolYears).orderBy(asc(schoolYears.startYear)).all();
	// Each measure's own student group: all students, or English learners for their progress.
	const rs = db
		.select({
			measureId: results.measureId,
			schoolYearId: results.schoolYearId,
			value: results.value
		})
		.from(results)
		.innerJoin(measures, eq(measures.id, results.measureId))
		.where(
			and(
				inArray(results.measureId, measureIds),
				isNull(results.schoolId),
				eq(results.studentGroup, measures.studentGroup)
			)
		)
		.all();
	const ts = db
		.select({
			measureId: measureTargets.measureId,
			schoolYearId: measureTargets.schoolYearId,
			value: measureTargets.value
		})
		.from(measureTargets)
		.innerJoin(measures, eq(measures.id, measureTargets.measureId))
		.where(
			and(
				inArray(measureTargets.measureId, measureIds),
				eq(measureTargets.studentGroup, measures.studentGroup)
			)
		)
		.all();
	const byId = new Map(ms.map((m) => [m.id, m]));
	return measureIds
		.map((id) => byId.get(id))
		.filter((m) => m !== undefined)
		.map((m) => {
			const points = years
				.map((y) => ({
					schoolYear: y.label,
					startYear: y.startYear,
					value: rs.find((r) => r.measureId === m.id && r.schoolYearId === y.id)?.value ?? null,
					target: ts.find((t) => t.measureId === m.id && t.schoolYearId === y.id)?.value ?? null
				}))
				.filter((p) => p.value !== null || p.target !== null);
			return {
				measureId: m.id,
				name: m.name,
				nameEs: m.nameEs,
				unit: m.unit,
				direction: m.direction,
				baselineValue: m.baselineValue,
				points
			};
		});
}
