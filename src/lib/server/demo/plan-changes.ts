import type { Context } from './context.ts';
import { systemActor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { getMeasure } from '../throughline/measures.ts';
import { measurePlanChanges, recordPlanChanges } from '../priorities/plan-changes.ts';

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
