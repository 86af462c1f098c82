// The LCAP's public tables as open data: what /lcap shows, every year on file — the actions with
// their funds and the board priorities their goal serves, the metrics by student group as printed,
// and the Annual Update per action. No transcription notes.
import type { Db } from '../db/open.ts';
import {
	lcapYears,
	goalsOf,
	actionsOf,
	metricsOf,
	metricRowsOf,
	goalPriorities
} from '../lcap/queries.ts';
import { annualUpdateOf } from '../lcap/annual-update.ts';
import type { Row } from './tables.ts';

const dollars = (cents: number | null) => (cents === null ? null : cents / 100);

export function lcapActionRows(db: Db): Row[] {
	return lcapYears(db).flatMap((v) => {
		const goals = goalsOf(db, v.id);
		const byId = new Map(goals.map((g) => [g.id, g]));
		const serves = goalPriorities(
			db,
			goals.map((g) => g.id)
		);
		return actionsOf(db, v.id).map((a) => {
			const g = byId.get(a.goalId)!;
			return {
				lcap_year: v.year,
				goal: g.number,
				goal_name: g.name,
				goal_type: g.type,
				priorities: (serves.get(g.id) ?? []).map((p) => p.slug).join(';') || null,
				action: a.number,
				title: a.title,
				total_funds: dollars(a.totalCents),
				lcff_funds: dollars(a.lcffCents),
				other_state_funds: dollars(a.otherStateCents),
				local_funds: dollars(a.localCents),
				federal_funds: dollars(a.federalCents),
				contributing: a.contributing,
				student_groups: a.studentGroups || null,
				scope: a.scope || null,
				location: a.location || null
			};
		});
	});
}

export function lcapMetricRows(db: Db): Row[] {
	return lcapYears(db).flatMap((v) => {
		const metrics = metricsOf(db, v.id);
		const goals = new Map(goalsOf(db, v.id).map((g) => [g.id, g.number]));
		const byId = new Map(metrics.map((m) => [m.id, m]));
		return metricRowsOf(
			db,
			metrics.map((m) => m.id)
		).map((r) => {
			const m = byId.get(r.metricId)!;
			return {
				lcap_year: v.year,
				goal: goals.get(m.goalId) ?? null,
				metric: m.number,
				name: m.name,
				student_group: r.studentGroup || null,
				component: r.component || null,
				baseline: r.baseline || null,
				year_1_outcome: r.year1 || null,
				target_for_year_3: r.target || null,
				difference_from_baseline: r.difference || null
			};
		});
	});
}

export function lcapAnnualUpdateRows(db: Db): Row[] {
	return lcapYears(db).flatMap((v) =>
		(annualUpdateOf(db, v.id)?.rows ?? []).map((r) => ({
			lcap_year: v.year,
			goal: r.goalNumber,
			action: r.actionNumber,
			title: r.title,
			planned: dollars(r.plannedCents),
			estimated_actual: dollars(r.estimatedActualCents),
			now_action: r.nowNumber
		}))
	);
}
