// The LCAP as the public reads it: each goal with the priorities it serves, its actions and their
// funds, its metrics as printed; the Annual Update by goal and the mid-year reports presented at a
// meeting now on record. No transcription notes, no report not yet presented.
import type { Db } from '../db/open.ts';
import { annualUpdateOf } from './annual-update.ts';
import { midYearReport, midYearReports } from './mid-year.ts';
import {
	actionsOf,
	goalPriorities,
	goalsOf,
	lcapVersion,
	lcapYears,
	metricRowsOf,
	metricsOf
} from './queries.ts';

function matches(q: string, ...texts: string[]): boolean {
	return texts.some((t) => t.toLowerCase().includes(q));
}

export function publicLcap(db: Db, year: string | null, query: string) {
	const version = lcapVersion(db, year);
	const years = lcapYears(db).map((v) => v.year);
	if (!version) return null;
	const q = query.trim().toLowerCase().slice(0, 100);
	const goals = goalsOf(db, version.id);
	const links = goalPriorities(
		db,
		goals.map((g) => g.id)
	);
	const actions = actionsOf(db, version.id);
	const metrics = metricsOf(db, version.id);
	const rows = metricRowsOf(
		db,
		metrics.map((m) => m.id)
	);
	const view = goals.map((g) => {
		const own = actions.filter((a) => a.goalId === g.id);
		const shown = q
			? own.filter((a) => matches(q, a.number, a.title, a.description, a.studentGroups))
			: own;
		return {
			number: g.number,
			type: g.type,
			name: g.name,
			description: g.description,
			school: g.equityMultiplierSchool,
			statePriorities: g.statePriorities ? g.statePriorities.split(',').map(Number) : [],
			priorities: (links.get(g.id) ?? []).map((p) => ({
				slug: p.slug,
				title: p.title,
				titleEs: p.titleEs
			})),
			totalCents: own.reduce((s, a) => s + a.totalCents, 0),
			actions: shown.map((a) => ({
				number: a.number,
				title: a.title,
				description: a.description,
				totalCents: a.totalCents,
				lcffCents: a.lcffCents,
				otherCents: a.otherStateCents + a.localCents + a.federalCents,
				contributing: a.contributing,
				studentGroups: a.studentGroups,
				scope: a.scope,
				location: a.location
			})),
			metrics: metrics
				.filter((m) => m.goalId === g.id && (!q || matches(q, m.number, m.name, m.description)))
				.map((m) => ({
					number: m.number,
					name: m.name,
					source: m.source,
					rows: rows
						.filter((r) => r.metricId === m.id && (r.studentGroup || r.component))
						.map((r) => ({
							group: r.studentGroup || r.component,
							baseline: r.baseline,
							year1: r.year1,
							target: r.target
						}))
				}))
		};
	});
	const au = annualUpdateOf(db, version.id);
	const onRecord = midYearReports(db)
		.filter((r) => r.heldAt !== null)
		.map((r) => midYearReport(db, r.id)!)
		.map((r) => ({
			year: r.year,
			asOf: r.asOf,
			meetingId: r.meeting!.id,
			heldOn: r.meeting!.heldOn,
			budgetCents: r.budgetCents,
			spentCents: r.spentCents,
			byStatus: r.byStatus
		}));
	return {
		year: version.year,
		cycle: version.cycle,
		adoptedOn: version.adoptedOn,
		years,
		query: query.trim().slice(0, 100),
		totalCents: actions.reduce((s, a) => s + a.totalCents, 0),
		actionCount: actions.length,
		shownActions: view.reduce((s, g) => s + g.actions.length, 0),
		goals: q ? view.filter((g) => g.actions.length || g.metrics.length) : view,
		annualUpdate: au
			? {
					plannedCents: au.plannedCents,
					estimatedActualCents: au.estimatedActualCents,
					byGoal: au.byGoal
				}
			: null,
		midYear: onRecord
	};
}
