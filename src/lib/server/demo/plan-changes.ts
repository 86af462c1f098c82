import type { Context } from './context.ts';
import { systemActor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { getMeasure } from '../throughline/measures.ts';
import {
	measurePlanChanges,
	recordPlanChanges,
	type PlanAsAdopted
} from '../priorities/plan-changes.ts';
import { recordPlanAsAdopted } from '../priorities/plan-record.ts';

/**
 * One change to the adopted plan, so the demo's public change log has something to read: in the
 * autumn of the last year the board made the chronic absenteeism targets less steep, with its
 * reason. What it was before is the current targets with the final one a point lower.
 */
export function addPlanChanges(context: Context): void {
	const id = context.measureIds.get('chronic');
	const measure = id === undefined ? undefined : getMeasure(context.db, id);
	if (!measure || measure.targets.length < 2) return;
	const after = measure.targets.map((t) => ({ ...t }));
	const before = after.map((t, i) => (i === after.length - 1 ? { ...t, value: t.value - 1 } : t));
	const changes = measurePlanChanges(
		context.db,
		{ ...measure, targets: before },
		{ ...measure, targets: after }
	);
	// The plan as adopted had the old targets: the change below is from them.
	const priorityId = measure.priorityId;
	if (priorityId !== null) {
		const row = context.db.$client
			.prepare('select plan_as_adopted as plan from priority where id = ?')
			.get(priorityId) as { plan: string | null };
		const plan = row.plan ? (JSON.parse(row.plan) as PlanAsAdopted) : null;
		const kept = plan?.measures.find((m) => m.name === measure.name);
		if (plan && kept) {
			const last = kept.targets.filter((t) => t.group === 'ALL').at(-1);
			if (last) last.value -= 1;
			context.db.$client
				.prepare('update priority set plan_as_adopted = ? where id = ?')
				.run(JSON.stringify(plan), priorityId);
		}
	}
	const at = `${context.lastYear}-09-18T19:00:00.000Z`;
	const reason = {
		reason:
			'Attendance recovered more slowly than planned after the 2021-22 spike; the board kept the direction and eased the last target by one point so that it stays within reach.',
		reasonEs:
			'La asistencia se recuperó más despacio de lo previsto después del aumento de 2021-22; la junta mantuvo la dirección y suavizó la última meta en un punto para que siga siendo alcanzable.'
	};
	write(context.db, systemActor, ({ tx, audit }) => {
		const auditId = audit({
			action: 'update',
			entity: 'measure',
			entityId: measure.id,
			before: { targets: before },
			after: { targets: after },
			note: reason.reason,
			at
		});
		recordPlanChanges(tx, changes, reason, auditId, at);
	});
}

/** Each adopted priority's plan as adopted, recorded on its adoption date. */
export function recordAdoptedPlans(context: Context): void {
	const rows = context.db.$client
		.prepare('select id, adopted_on as adoptedOn from priority where adopted_on is not null')
		.all() as { id: number; adoptedOn: string }[];
	for (const p of rows)
		recordPlanAsAdopted(context.db, systemActor, p.id, `${p.adoptedOn}T21:00:00.000Z`);
}
