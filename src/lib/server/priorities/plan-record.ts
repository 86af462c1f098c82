/**
 * The plan as adopted (issue 29, item 4). A priority is drafted freely, adoption date or not; when
 * its plan reads as the board adopted it, staff record it: its measures, baselines, targets and
 * carrying structures are kept as they are then, the public record the change log starts from.
 * A district whose plan was adopted before Throughline enters it, then records it: no change log.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { priorities } from '../db/schema/priorities.ts';
import { measures, measureTargets } from '../db/schema/measures.ts';
import { structurePriorities, structures } from '../db/schema/structures.ts';
import { targetValues, yearLabel, type PlanAsAdopted } from './plan-changes.ts';

/** The priority's plan as it reads now. */
export function currentPlan(db: Db, priorityId: number): PlanAsAdopted {
	const list = db
		.select()
		.from(measures)
		.where(eq(measures.priorityId, priorityId))
		.orderBy(asc(measures.sortOrder), asc(measures.id))
		.all();
	const targets = list.length
		? db
				.select()
				.from(measureTargets)
				.where(
					inArray(
						measureTargets.measureId,
						list.map((m) => m.id)
					)
				)
				.all()
		: [];
	return {
		measures: list.map((m) => ({
			name: m.name,
			nameEs: m.nameEs,
			unit: m.unit,
			baseline: { year: yearLabel(db, m.baselineYearId), value: m.baselineValue },
			targets: targetValues(
				db,
				targets.filter((t) => t.measureId === m.id)
			)
		})),
		structures: db
			.select({ name: structures.name, nameEs: structures.nameEs })
			.from(structurePriorities)
			.innerJoin(structures, eq(structures.id, structurePriorities.structureId))
			.where(eq(structurePriorities.priorityId, priorityId))
			.orderBy(asc(structures.name))
			.all()
	};
}

export type RecordedPlan = { ok: true } | { ok: false; errors: { form: string[] } };

/**
 * Records the plan as adopted: refused for a priority the board has not adopted (no adoption date
 * or meeting) or whose plan is already on record. Audited; `at` dates it (the demo's history).
 */
export function recordPlanAsAdopted(
	db: Db,
	actor: Actor,
	priorityId: number,
	at = new Date().toISOString()
): RecordedPlan {
	const p = db.select().from(priorities).where(eq(priorities.id, priorityId)).get();
	if (!p) return { ok: false, errors: { form: ['This priority no longer exists.'] } };
	if (!p.adoptedOn && !p.adoptedMeetingId)
		return {
			ok: false,
			errors: {
				form: [
					'Give the date (or the meeting) the board adopted this priority first: the plan as adopted is dated by it.'
				]
			}
		};
	if (p.planRecordedAt)
		return {
			ok: false,
			errors: {
				form: [
					'The plan as adopted is already on record; changes since go to the public change log with their reason.'
				]
			}
		};
	return write(db, actor, ({ tx, audit }) => {
		const plan = currentPlan(tx, priorityId);
		tx.update(priorities)
			.set({ planRecordedAt: at, planAsAdopted: plan })
			.where(eq(priorities.id, priorityId))
			.run();
		audit({
			action: 'freeze',
			entity: 'priority',
			entityId: priorityId,
			after: { planRecordedAt: at, planAsAdopted: plan },
			note: 'The plan as adopted, recorded',
			at
		});
		return { ok: true as const };
	});
}
