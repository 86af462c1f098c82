// The crosswalk between the LCAP and the throughline: a goal serves board priorities, an action is
// carried by a district structure, a metric is one of a priority's measures (the same figures,
// never copied). Each link is a change on the record.
import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
	lcapActions,
	lcapGoalPriorities,
	lcapGoals,
	lcapMetrics,
	measures,
	priorities,
	structures
} from '../db/schema/index.ts';
import { write } from '../audit/write.ts';
import type { Actor } from '../audit/index.ts';
import { optionalId, parse, type FormValues, type Saved } from '../forms.ts';

export const goalPrioritiesInput = z.object({
	priorityIds: z
		.array(z.string())
		.default([])
		.transform((ids) => [...new Set(ids.map(Number))])
		.refine(
			(ids) => ids.every((n) => Number.isInteger(n) && n > 0),
			'Choose priorities from the list.'
		)
});

/** Which board priorities a goal serves (the checked ones; none unlinks it). */
export function setGoalPriorities(db: Db, actor: Actor, goalId: number, values: FormValues): Saved {
	const parsed = parse(goalPrioritiesInput, values);
	if (!parsed.ok) return parsed;
	const ids = parsed.data.priorityIds;
	const goal = db.select().from(lcapGoals).where(eq(lcapGoals.id, goalId)).get();
	if (!goal) return { ok: false, errors: { form: ['This goal is gone.'] } };
	if (ids.length) {
		const known = db
			.select({ id: priorities.id })
			.from(priorities)
			.where(inArray(priorities.id, ids))
			.all();
		if (known.length !== ids.length)
			return { ok: false, errors: { priorityIds: ['Choose priorities from the list.'] } };
	}
	const before = db
		.select({ id: lcapGoalPriorities.priorityId })
		.from(lcapGoalPriorities)
		.where(eq(lcapGoalPriorities.goalId, goalId))
		.all()
		.map((r) => r.id)
		.sort((a, b) => a - b);
	const after = [...ids].sort((a, b) => a - b);
	if (before.join() === after.join()) return { ok: true, id: goalId };
	write(db, actor, ({ tx, audit }) => {
		tx.delete(lcapGoalPriorities).where(eq(lcapGoalPriorities.goalId, goalId)).run();
		for (const priorityId of ids)
			tx.insert(lcapGoalPriorities).values({ goalId, priorityId }).run();
		audit({
			action: 'update',
			entity: 'lcap_goal',
			entityId: goalId,
			before: { priorities: before },
			after: { priorities: after },
			note: `LCAP goal ${goal.number}: the priorities it serves`
		});
	});
	return { ok: true, id: goalId };
}

export const actionStructureInput = z.object({
	id: optionalId('action'),
	structureId: optionalId('structure')
});

/** The district structure that carries an action, or none. */
export function setActionStructure(db: Db, actor: Actor, values: FormValues): Saved {
	const parsed = parse(actionStructureInput, values);
	if (!parsed.ok) return parsed;
	const { id, structureId } = parsed.data;
	const action = id ? db.select().from(lcapActions).where(eq(lcapActions.id, id)).get() : undefined;
	if (!action) return { ok: false, errors: { form: ['This action is gone.'] } };
	if (
		structureId &&
		!db.select({ id: structures.id }).from(structures).where(eq(structures.id, structureId)).get()
	) {
		return { ok: false, errors: { structureId: ['Choose a structure from the list.'] } };
	}
	if (action.structureId === structureId) return { ok: true, id: action.id };
	write(db, actor, ({ tx, audit }) => {
		tx.update(lcapActions).set({ structureId }).where(eq(lcapActions.id, action.id)).run();
		audit({
			action: 'update',
			entity: 'lcap_action',
			entityId: action.id,
			before: { structureId: action.structureId },
			after: { structureId },
			note: `LCAP action ${action.number}: the structure that carries it`
		});
	});
	return { ok: true, id: action.id };
}

export const metricMeasureInput = z.object({
	id: optionalId('metric'),
	measureId: optionalId('measure')
});

/** The priority's measure an LCAP metric is, or none. */
export function setMetricMeasure(db: Db, actor: Actor, values: FormValues): Saved {
	const parsed = parse(metricMeasureInput, values);
	if (!parsed.ok) return parsed;
	const { id, measureId } = parsed.data;
	const metric = id ? db.select().from(lcapMetrics).where(eq(lcapMetrics.id, id)).get() : undefined;
	if (!metric) return { ok: false, errors: { form: ['This metric is gone.'] } };
	if (
		measureId &&
		!db
			.select({ id: measures.id })
			.from(measures)
			.where(and(eq(measures.id, measureId)))
			.get()
	) {
		return { ok: false, errors: { measureId: ['Choose a measure from the list.'] } };
	}
	if (metric.measureId === measureId) return { ok: true, id: metric.id };
	write(db, actor, ({ tx, audit }) => {
		tx.update(lcapMetrics).set({ measureId }).where(eq(lcapMetrics.id, metric.id)).run();
		audit({
			action: 'update',
			entity: 'lcap_metric',
			entityId: metric.id,
			before: { measureId: metric.measureId },
			after: { measureId },
			note: `LCAP metric ${metric.number}: the priority's measure it is`
		});
	});
	return { ok: true, id: metric.id };
}
