import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedSmallDistrict } from './fixture.ts';
import { deleteMeasure, updateMeasure, getMeasure } from '../throughline/measures.ts';
import { updatePriority, getPriority } from '../throughline/priorities.ts';
import { createStructure, setStructurePriorities } from '../throughline/structures.ts';
import { priorityChangeLog, publicPlanChanges } from './plan-changes.ts';
import { recordPlanAsAdopted } from './plan-record.ts';
import { planValueText } from '../../plan-changes.ts';
import { toValues } from '../../forms.ts';

let db: DbFile;
const actor = { id: 'u1', email: 'staff@example.org' };
beforeEach(() => {
	db = testDb();
	seedSmallDistrict(db);
	db.$client.prepare("update priority set adopted_on = '2022-08-15' where id = 1").run();
	// The board adopted it; its plan as adopted is on record (plan-record.ts).
	expect(recordPlanAsAdopted(db, actor, 1, '2022-08-16T02:00:00.000Z').ok).toBe(true);
});
afterEach(() => db.$client.close());

function measureValues(overrides: Record<string, string | string[]> = {}) {
	const { targets, ...m } = getMeasure(db, 1)!;
	return {
		...toValues(m),
		targetYear: targets.map((t) => t.label),
		targetValue: targets.map((t) => String(t.value)),
		targetGroup: targets.map((t) => t.studentGroup),
		...overrides
	};
}
const count = (sql: string) => Number(Object.values(db.$client.prepare(sql).get() as object)[0]);

describe('changes to an adopted plan', () => {
	it('refuse a target change without a reason, and save nothing', () => {
		const audits = count('select count(*) from audit_log');
		const saved = updateMeasure(db, actor, 1, measureValues({ targetValue: ['-38', '-25'] }));
		expect(saved.ok).toBe(false);
		if (saved.ok) return;
		expect(saved.errors.changeReason?.[0]).toContain('Give the reason');
		expect(getMeasure(db, 1)!.targets.map((t) => t.value)).toEqual([-38, -30]);
		expect(count('select count(*) from audit_log')).toBe(audits);
		expect(publicPlanChanges(db, 1)).toEqual([]);
	});

	it('record a target change with its reason, before and after in plain words', () => {
		const saved = updateMeasure(
			db,
			actor,
			1,
			measureValues({
				targetValue: ['-38', '-25'],
				changeReason: 'The board raised the 2023-24 target after the first year.',
				changeReasonEs: 'La junta subió la meta.'
			})
		);
		expect(saved.ok).toBe(true);
		const [change] = publicPlanChanges(db, 1);
		expect(change).toMatchObject({
			kind: 'targets',
			subject: 'ELA distance from standard',
			reason: 'The board raised the 2023-24 target after the first year.',
			reasonEs: 'La junta subió la meta.'
		});
		expect(planValueText('targets', 'before', change.before, 'en')).toBe(
			'2022-23: −38.0 points; 2023-24: −30.0 points'
		);
		expect(planValueText('targets', 'after', change.after, 'en')).toContain('2023-24: −25.0');
		// The audit entry carries the reason too, and the change points to it.
		expect(
			count(
				"select count(*) from plan_change p join audit_log a on a.id = p.audit_id where a.note like 'The board raised%'"
			)
		).toBe(1);
	});

	it('need no reason for a change that is not in the plan (a name), nor before adoption', () => {
		expect(updateMeasure(db, actor, 1, measureValues({ name: 'ELA: distance' })).ok).toBe(true);
		db.$client
			.prepare('update priority set adopted_on = null, plan_recorded_at = null where id = 1')
			.run();
		expect(updateMeasure(db, actor, 1, measureValues({ targetValue: ['-38', '-20'] })).ok).toBe(
			true
		);
		expect(publicPlanChanges(db, 1)).toEqual([]);
	});

	it('record a baseline, a status and a structure change', () => {
		expect(
			updateMeasure(
				db,
				actor,
				1,
				measureValues({ baselineValue: '-41', changeReason: 'Corrected by the state.' })
			).ok
		).toBe(true);
		const p = getPriority(db, 1)!;
		const priorityValues = { ...toValues(p), status: 'completed' };
		expect(updatePriority(db, actor, 1, priorityValues).ok).toBe(false);
		expect(
			updatePriority(db, actor, 1, { ...priorityValues, changeReason: 'Goal met two years early.' })
				.ok
		).toBe(true);
		const structure = createStructure(db, actor, {
			name: 'Collaboration time',
			category: 'time',
			authority: 'required',
			origin: 'repurposed'
		});
		if (!structure.ok) throw new Error(JSON.stringify(structure.errors));
		expect(setStructurePriorities(db, actor, structure.id, [1]).ok).toBe(false);
		expect(
			setStructurePriorities(db, actor, structure.id, [1], { changeReason: 'Reading needs time.' })
				.ok
		).toBe(true);
		const kinds = publicPlanChanges(db, 1).map((c) => c.kind);
		expect(kinds.sort()).toEqual(['baseline', 'status', 'structure-added']);
		const status = publicPlanChanges(db, 1).find((c) => c.kind === 'status')!;
		expect(planValueText('status', 'before', status.before, 'es')).toBe('activa');
		expect(planValueText('status', 'after', status.after, 'es')).toBe('completada');
		const baseline = publicPlanChanges(db, 1).find((c) => c.kind === 'baseline')!;
		expect(planValueText('baseline', 'after', baseline.after, 'en')).toBe('−41.0 points (2022-23)');
	});

	it('refuse to delete a measure of an adopted priority without a reason', () => {
		const refused = deleteMeasure(db, actor, 1, {});
		expect(refused).toMatchObject({ ok: false });
		expect(getMeasure(db, 1)).toBeDefined();
		expect(deleteMeasure(db, actor, 1, { changeReason: 'Replaced by the state test.' })).toBe(true);
		expect(getMeasure(db, 1)).toBeUndefined();
		expect(publicPlanChanges(db, 1).map((c) => [c.kind, c.subject, c.reason])).toEqual([
			['measure-removed', 'ELA distance from standard', 'Replaced by the state test.']
		]);
	});
});

describe('the plan as adopted (issue 29, item 4)', () => {
	it('is drafted freely until it is recorded, adoption date or not; then kept as the public record', () => {
		const fresh = testDb();
		seedSmallDistrict(fresh);
		fresh.$client.prepare("update priority set adopted_on = '2019-06-11' where id = 1").run();
		const values = () => {
			const { targets, ...m } = getMeasure(fresh, 1)!;
			return {
				...toValues(m),
				targetYear: targets.map((t) => t.label),
				targetGroup: targets.map((t) => t.studentGroup)
			};
		};
		// Entering the plan the board adopted before Throughline: no reason asked, nothing logged.
		const entered = updateMeasure(fresh, actor, 1, {
			...values(),
			targetValue: ['-36', '-28']
		});
		expect(entered.ok).toBe(true);
		expect(publicPlanChanges(fresh, 1)).toEqual([]);
		const before = priorityChangeLog(fresh, getPriority(fresh, 1)!.slug)!;
		expect(before.priority.adopted).toBe(false);
		expect(before.planAsAdopted).toBeNull();

		expect(recordPlanAsAdopted(fresh, actor, 1, '2019-06-12T03:00:00.000Z').ok).toBe(true);
		const log = priorityChangeLog(fresh, getPriority(fresh, 1)!.slug)!;
		expect(log.priority.adopted).toBe(true);
		expect(log.planAsAdopted?.measures[0]).toMatchObject({
			name: 'ELA distance from standard',
			targets: [
				{ year: expect.any(String), group: 'ALL', value: -36 },
				{ year: expect.any(String), group: 'ALL', value: -28 }
			]
		});
		expect(log.changes).toEqual([]);
		// Recorded once; a change now needs its reason.
		const again = recordPlanAsAdopted(fresh, actor, 1);
		expect(again.ok).toBe(false);
		const changed = updateMeasure(fresh, actor, 1, { ...values(), targetValue: ['-36', '-25'] });
		expect(changed.ok).toBe(false);
		fresh.$client.close();
	});

	it('is refused for a priority the board has not adopted, and nothing is saved', () => {
		const fresh = testDb();
		seedSmallDistrict(fresh);
		fresh.$client
			.prepare('update priority set adopted_on = null, adopted_meeting_id = null where id = 1')
			.run();
		const audits = Number(fresh.$client.prepare('select count(*) from audit_log').pluck().get());
		const refused = recordPlanAsAdopted(fresh, actor, 1);
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.errors.form[0]).toContain('Give the date');
		expect(getPriority(fresh, 1)!.planRecordedAt).toBeNull();
		expect(Number(fresh.$client.prepare('select count(*) from audit_log').pluck().get())).toBe(
			audits
		);
		fresh.$client.close();
	});
});
