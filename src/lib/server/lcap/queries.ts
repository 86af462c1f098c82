// Reading the LCAP: its years, one year's goals with their actions and metrics, and the links the
// board made to its priorities, structures and measures.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
	lcapActions,
	lcapCycles,
	lcapGoalPriorities,
	lcapGoals,
	lcapMetricRows,
	lcapMetrics,
	lcapVersions,
	measures,
	priorities,
	structures
} from '../db/schema/index.ts';

export type LcapVersion = typeof lcapVersions.$inferSelect & { cycle: string };

export function lcapYears(db: Db): LcapVersion[] {
	return db
		.select({ v: lcapVersions, cycle: lcapCycles.label })
		.from(lcapVersions)
		.innerJoin(lcapCycles, eq(lcapCycles.id, lcapVersions.cycleId))
		.orderBy(desc(lcapVersions.year))
		.all()
		.map((r) => ({ ...r.v, cycle: r.cycle }));
}

/** The year asked for, else the newest. */
export function lcapVersion(db: Db, year?: string | null): LcapVersion | null {
	const all = lcapYears(db);
	return (year ? all.find((v) => v.year === year) : all[0]) ?? null;
}

export function goalsOf(db: Db, versionId: number) {
	return db
		.select()
		.from(lcapGoals)
		.where(eq(lcapGoals.versionId, versionId))
		.orderBy(asc(lcapGoals.sortOrder))
		.all();
}

export function goalById(db: Db, id: number) {
	return db.select().from(lcapGoals).where(eq(lcapGoals.id, id)).get() ?? null;
}

export function actionsOf(db: Db, versionId: number) {
	return db
		.select()
		.from(lcapActions)
		.where(eq(lcapActions.versionId, versionId))
		.orderBy(asc(lcapActions.sortOrder))
		.all();
}

export function metricsOf(db: Db, versionId: number) {
	return db
		.select()
		.from(lcapMetrics)
		.where(eq(lcapMetrics.versionId, versionId))
		.orderBy(asc(lcapMetrics.sortOrder))
		.all();
}

export function metricRowsOf(db: Db, metricIds: number[]) {
	if (!metricIds.length) return [];
	return db
		.select()
		.from(lcapMetricRows)
		.where(inArray(lcapMetricRows.metricId, metricIds))
		.orderBy(asc(lcapMetricRows.sortOrder))
		.all();
}

/** goal id → the priorities it serves. */
export function goalPriorities(db: Db, goalIds: number[]) {
	const map = new Map<
		number,
		{ id: number; slug: string; title: string; titleEs: string | null }[]
	>();
	if (!goalIds.length) return map;
	const rows = db
		.select({
			goalId: lcapGoalPriorities.goalId,
			id: priorities.id,
			slug: priorities.slug,
			title: priorities.title,
			titleEs: priorities.titleEs
		})
		.from(lcapGoalPriorities)
		.innerJoin(priorities, eq(priorities.id, lcapGoalPriorities.priorityId))
		.where(inArray(lcapGoalPriorities.goalId, goalIds))
		.orderBy(asc(priorities.sortOrder))
		.all();
	for (const { goalId, ...p } of rows) {
		const list = map.get(goalId) ?? [];
		list.push(p);
		map.set(goalId, list);
	}
	return map;
}

/** What a goal's crosswalk form offers: the priorities, structures and measures to link to. */
export function crosswalkChoices(db: Db) {
	return {
		priorities: db
			.select({ value: priorities.id, label: priorities.title, status: priorities.status })
			.from(priorities)
			.orderBy(asc(priorities.sortOrder), asc(priorities.id))
			.all(),
		structures: db
			.select({ value: structures.id, label: structures.name })
			.from(structures)
			.orderBy(asc(structures.sortOrder), asc(structures.id))
			.all(),
		measures: db
			.select({ value: measures.id, label: measures.name })
			.from(measures)
			.where(inArray(measures.priorityId, db.select({ id: priorities.id }).from(priorities)))
			.orderBy(asc(measures.name))
			.all()
	};
}

/** One goal with its actions and metrics, for its crosswalk page. */
export function goalWithParts(db: Db, goalId: number) {
	const goal = goalById(db, goalId);
	if (!goal) return null;
	const version = db.select().from(lcapVersions).where(eq(lcapVersions.id, goal.versionId)).get()!;
	return {
		goal,
		year: version.year,
		priorityIds: (goalPriorities(db, [goalId]).get(goalId) ?? []).map((p) => p.id),
		actions: db
			.select()
			.from(lcapActions)
			.where(eq(lcapActions.goalId, goalId))
			.orderBy(asc(lcapActions.sortOrder))
			.all(),
		metrics: db
			.select()
			.from(lcapMetrics)
			.where(eq(lcapMetrics.goalId, goalId))
			.orderBy(asc(lcapMetrics.sortOrder))
			.all()
	};
}
