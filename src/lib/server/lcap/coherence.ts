// The coherence share: of the LCAP's actions and dollars, how many carry a board priority through
// a district structure (the action is carried by a structure that carries an active priority),
// and how many carry none — in all, by goal, by priority, and for the contributing
// (supplemental and concentration) funds; and which active priorities get no LCAP money at all.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
	lcapGoalPriorities,
	priorities,
	structurePriorities,
	structures
} from '../db/schema/index.ts';
import { actionsOf, goalsOf } from './queries.ts';

export interface Share {
	actions: number;
	carriedActions: number;
	cents: number;
	carriedCents: number;
	contributingCents: number;
	carriedContributingCents: number;
}

export interface GoalShare extends Share {
	id: number;
	number: string;
	name: string;
	priorities: { slug: string; title: string }[];
}

export interface PriorityShare {
	id: number;
	slug: string;
	title: string;
	/** Actions in goals the board linked to the priority. */
	goalActions: number;
	goalCents: number;
	/** Actions carried by a structure that carries the priority. */
	carriedActions: number;
	carriedCents: number;
	carriedContributingCents: number;
	structures: string[];
}

export interface CoherenceShare {
	total: Share;
	byGoal: GoalShare[];
	byPriority: PriorityShare[];
	/** Active priorities no LCAP action carries, and whether a goal at least names them. */
	withoutMoney: { slug: string; title: string; inAGoal: boolean }[];
	/** The actions that carry no priority, largest first. */
	uncarried: {
		number: string;
		title: string;
		cents: number;
		contributing: boolean | null;
		structure: string | null;
	}[];
}

function emptyShare(): Share {
	return {
		actions: 0,
		carriedActions: 0,
		cents: 0,
		carriedCents: 0,
		contributingCents: 0,
		carriedContributingCents: 0
	};
}

function add(s: Share, cents: number, carried: boolean, contributing: boolean) {
	s.actions++;
	s.cents += cents;
	if (contributing) s.contributingCents += cents;
	if (carried) {
		s.carriedActions++;
		s.carriedCents += cents;
		if (contributing) s.carriedContributingCents += cents;
	}
}

export function coherenceShare(db: Db, versionId: number): CoherenceShare {
	const goals = goalsOf(db, versionId);
	const actions = actionsOf(db, versionId);
	const active = db
		.select({ id: priorities.id, slug: priorities.slug, title: priorities.title })
		.from(priorities)
		.where(eq(priorities.status, 'active'))
		.orderBy(asc(priorities.sortOrder), asc(priorities.id))
		.all();
	const activeIds = new Set(active.map((p) => p.id));
	const structureNames = new Map(
		db
			.select({ id: structures.id, name: structures.name })
			.from(structures)
			.all()
			.map((s) => [s.id, s.name])
	);
	// structure → the active priorities it carries
	const carries = new Map<number, number[]>();
	for (const r of db.select().from(structurePriorities).all()) {
		if (!activeIds.has(r.priorityId)) continue;
		carries.set(r.structureId, [...(carries.get(r.structureId) ?? []), r.priorityId]);
	}
	const goalLinks = db.select().from(lcapGoalPriorities).all();
	const goalIds = new Set(goals.map((g) => g.id));
	const prioritiesOfGoal = new Map<number, number[]>();
	for (const l of goalLinks) {
		if (!goalIds.has(l.goalId)) continue;
		prioritiesOfGoal.set(l.goalId, [...(prioritiesOfGoal.get(l.goalId) ?? []), l.priorityId]);
	}
	const byId = new Map(active.map((p) => [p.id, p]));

	const total = emptyShare();
	const byGoal = new Map<number, GoalShare>(
		goals.map((g) => [
			g.id,
			{
				...emptyShare(),
				id: g.id,
				number: g.number,
				name: g.name,
				priorities: (prioritiesOfGoal.get(g.id) ?? []).flatMap((id) => {
					const p = byId.get(id);
					return p ? [{ slug: p.slug, title: p.title }] : [];
				})
			}
		])
	);
	const byPriority = new Map<number, PriorityShare>(
		active.map((p) => [
			p.id,
			{
				...p,
				goalActions: 0,
				goalCents: 0,
				carriedActions: 0,
				carriedCents: 0,
				carriedContributingCents: 0,
				structures: []
			}
		])
	);
	const uncarried: CoherenceShare['uncarried'] = [];
	for (const a of actions) {
		const carried = a.structureId !== null ? (carries.get(a.structureId) ?? []) : [];
		const contributing = a.contributing === true;
		add(total, a.totalCents, carried.length > 0, contributing);
		const g = byGoal.get(a.goalId);
		if (g) add(g, a.totalCents, carried.length > 0, contributing);
		for (const pid of carried) {
			const p = byPriority.get(pid)!;
			p.carriedActions++;
			p.carriedCents += a.totalCents;
			if (contributing) p.carriedContributingCents += a.totalCents;
			const name = structureNames.get(a.structureId!)!;
			if (!p.structures.includes(name)) p.structures.push(name);
		}
		for (const pid of prioritiesOfGoal.get(a.goalId) ?? []) {
			const p = byPriority.get(pid);
			if (!p) continue;
			p.goalActions++;
			p.goalCents += a.totalCents;
		}
		if (!carried.length) {
			uncarried.push({
				number: a.number,
				title: a.title,
				cents: a.totalCents,
				contributing: a.contributing,
				structure: a.structureId !== null ? (structureNames.get(a.structureId) ?? null) : null
			});
		}
	}
	uncarried.sort((x, y) => y.cents - x.cents);
	const priorityList = [...byPriority.values()];
	return {
		total,
		byGoal: [...byGoal.values()],
		byPriority: priorityList,
		withoutMoney: priorityList
			.filter((p) => p.carriedCents === 0)
			.map((p) => ({ slug: p.slug, title: p.title, inAGoal: p.goalActions > 0 })),
		uncarried
	};
}
