import { write } from '../audit/write.ts';
import { byName } from '../db/sort.ts';
import { missingChoice, takenByAnother } from '../db/lookups.ts';
import { and, asc, eq, min, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { schoolYears, studentGroups } from '../db/schema/district.ts';
import { planYears } from '../school-years/index.ts';
import { startYearOfLabel } from '../../school-year.ts';
import { today } from '../clock.ts';
import { measures, measureTargets, results } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	checkbox,
	choice,
	integerIn,
	optionalId,
	optionalNumber,
	optionalText,
	parse,
	plainText,
	requiredText,
	type FieldErrors,
	type Saved
} from '../forms.ts';
import { slugPattern } from '../../params.ts';
import { measureDirections, measureKinds, measureUnits } from '../../choices.ts';
import {
	measurePlanChanges,
	reasonFor,
	recordPlanChanges,
	type MeasureInPlan
} from '../priorities/plan-changes.ts';

export const measureInput = z.object({
	name: requiredText('name', 200),
	code: requiredText('code', 60).regex(
		slugPattern,
		'Use lower-case letters, digits and single hyphens in the code (e.g. grade3-reading).'
	),
	priorityId: optionalId('priority'),
	unit: choice('unit', measureUnits),
	direction: choice('direction (which way is better)', measureDirections),
	kind: choice('kind (outcome or implementation)', measureKinds),
	studentGroup: optionalText('student group', 20).transform((v) => v ?? 'ALL'),
	source: plainText('source', 500),
	baselineYearId: optionalId('baseline year'),
	baselineValue: optionalNumber('baseline value'),
	headline: checkbox,
	sortOrder: integerIn('order', 0, 999, 0),
	nameEs: optionalText('Spanish name', 200),
	description: optionalText('description', 4000),
	descriptionEs: optionalText('Spanish description', 4000),
	targetYear: z.array(z.string()).optional(),
	targetValue: z.array(z.string()).optional(),
	targetGroup: z.array(z.string()).optional()
});

export type Measure = typeof measures.$inferSelect;
export interface TargetRow {
	schoolYearId: number;
	label: string;
	value: number;
	/** 'ALL' for the district's students as a whole, else a student group's code. */
	studentGroup: string;
}

export function listMeasures(
	db: Db,
	filter: { priorityId?: number; kind?: (typeof measureKinds)[number] } = {}
) {
	return db
		.select({
			id: measures.id,
			code: measures.code,
			name: measures.name,
			unit: measures.unit,
			direction: measures.direction,
			kind: measures.kind,
			headline: measures.headline,
			priorityId: measures.priorityId,
			priority: priorities.title
		})
		.from(measures)
		.leftJoin(priorities, eq(priorities.id, measures.priorityId))
		.where(
			and(
				filter.priorityId ? eq(measures.priorityId, filter.priorityId) : undefined,
				filter.kind ? eq(measures.kind, filter.kind) : undefined
			)
		)
		.orderBy(asc(priorities.sortOrder), asc(measures.sortOrder), byName(measures.name))
		.all();
}

export function getMeasure(db: Db, id: number) {
	const row = db.select().from(measures).where(eq(measures.id, id)).get();
	if (!row) return undefined;
	return { ...row, targets: targetsOf(db, id) };
}

export function targetsOf(db: Db, measureId: number): TargetRow[] {
	return db
		.select({
			schoolYearId: measureTargets.schoolYearId,
			label: schoolYears.label,
			value: measureTargets.value,
			studentGroup: measureTargets.studentGroup
		})
		.from(measureTargets)
		.innerJoin(schoolYears, eq(schoolYears.id, measureTargets.schoolYearId))
		.where(eq(measureTargets.measureId, measureId))
		.orderBy(
			sql`${measureTargets.studentGroup} <> 'ALL'`,
			asc(measureTargets.studentGroup),
			asc(schoolYears.startYear)
		)
		.all();
}

/**
 * Reads the target rows (school year label + value; blank rows are skipped). Each row's problem is
 * reported as `targets.<row>`.
 */
function readTargets(
	db: Db,
	years: string[],
	values: string[],
	groups: string[],
	errors: FieldErrors,
	baselineYearId: unknown,
	measureId?: number,
	measureGroup = 'ALL'
): NewTarget[] {
	// Targets may be set for every year the plan covers: the baseline to five years ahead. A
	// measure imported without a baseline starts from its first result, so a district whose data
	// runs through 2022-23 can set targets for 2023-24 on.
	const baseline = db
		.select({ startYear: schoolYears.startYear })
		.from(schoolYears)
		.where(eq(schoolYears.id, Number(baselineYearId) || 0))
		.get();
	const firstResult =
		measureId === undefined
			? undefined
			: db
					.select({ startYear: min(schoolYears.startYear) })
					.from(results)
					.innerJoin(schoolYears, eq(schoolYears.id, results.schoolYearId))
					.where(eq(results.measureId, measureId))
					.get()?.startYear;
	const plan = planYears(db, today(), baseline?.startYear ?? firstResult ?? null);
	const known = new Map(plan.map((y) => [y.label, y.id]));
	const span = plan.length ? `${plan[0].label} to ${plan.at(-1)!.label}` : 'none yet';
	const groupNames = new Map(
		db
			.select({ code: studentGroups.code, name: studentGroups.name })
			.from(studentGroups)
			.all()
			.map((g) => [g.code, g.name])
	);
	const out: NewTarget[] = [];
	const seen = new Set<string>();
	const rows = Math.max(years.length, values.length);
	for (let i = 0; i < rows; i++) {
		const year = (years[i] ?? '').trim();
		const raw = (values[i] ?? '').trim();
		if (!year && !raw) continue;
		const key = `targets.${i}`;
		if (!year) {
			errors[key] = ['Enter the school year of this target, e.g. 2025-26.'];
			continue;
		}
		const yearId = known.get(year);
		if (yearId === undefined) {
			errors[key] = [
				startYearOfLabel(year) === null
					? `${year} is not a school year; write it like 2025-26.`
					: `${year} is outside the plan: targets run from ${span} (the baseline to five years ahead).`
			];
			continue;
		}
		// A measure of one group (English learners' progress) has no all-students figure: its
		// district target is its group's.
		const chosen = (groups[i] ?? '').trim() || 'ALL';
		const group = chosen === 'ALL' ? measureGroup : chosen;
		if (group !== 'ALL' && !groupNames.has(group)) {
			errors[key] = [`There is no student group “${group}”. Choose one from the list.`];
			continue;
		}
		const whose = group === measureGroup ? '' : ` for ${groupNames.get(group)}`;
		if (seen.has(`${yearId} ${group}`)) {
			errors[key] = [`There is already a target${whose} for ${year}.`];
			continue;
		}
		const value = Number(raw);
		if (!raw || !Number.isFinite(value)) {
			errors[key] = [`Enter the target for ${year} as a number.`];
			continue;
		}
		seen.add(`${yearId} ${group}`);
		out.push({ schoolYearId: yearId, value, studentGroup: group });
	}
	return out;
}

function validated(db: Db, values: unknown, id?: number) {
	const parsed = parse(measureInput, values);
	const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
	const raw = (values ?? {}) as {
		targetYear?: unknown;
		targetValue?: unknown;
		targetGroup?: unknown;
		baselineYearId?: unknown;
		studentGroup?: unknown;
	};
	const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)]);
	const targets = readTargets(
		db,
		list(raw.targetYear),
		list(raw.targetValue),
		list(raw.targetGroup),
		errors,
		raw.baselineYearId,
		id,
		parsed.ok ? parsed.data.studentGroup : 'ALL'
	);
	if (parsed.ok) {
		const d = parsed.data;
		if (takenByAnother(db, measures, measures.id, eq(measures.code, d.code), id))
			errors.code = ['Another measure already uses this code.'];
		if (missingChoice(db, priorities, priorities.id, d.priorityId))
			errors.priorityId = ['Choose a priority from the list.'];
		if (d.studentGroup !== 'ALL' && !isStudentGroup(db, d.studentGroup))
			errors.studentGroup = ['Choose a student group from the list.'];
		if (missingChoice(db, schoolYears, schoolYears.id, d.baselineYearId))
			errors.baselineYearId = ['Choose a school year from the list.'];
		if ((d.baselineYearId === null) !== (d.baselineValue === null))
			errors[d.baselineValue === null ? 'baselineValue' : 'baselineYearId'] = [
				'Give both the baseline year and its value, or neither.'
			];
	}
	if (!parsed.ok || Object.keys(errors).length) return { ok: false as const, errors };
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { targetYear, targetValue, targetGroup, ...fields } = parsed.data;
	return { ok: true as const, fields, targets };
}

/** One of the state's student groups (never a test-taker category such as SBA). */
function isStudentGroup(db: Db, code: string): boolean {
	return !!db
		.select({ code: studentGroups.code })
		.from(studentGroups)
		.where(and(eq(studentGroups.code, code), eq(studentGroups.kind, 'student-group')))
		.get();
}

interface NewTarget {
	schoolYearId: number;
	value: number;
	studentGroup: string;
}

function writeTargets(db: Db, measureId: number, targets: NewTarget[]) {
	db.delete(measureTargets).where(eq(measureTargets.measureId, measureId)).run();
	if (targets.length)
		db.insert(measureTargets)
			.values(targets.map((t) => ({ ...t, measureId })))
			.run();
}

const inPlan = (
	m: Pick<
		MeasureInPlan,
		'name' | 'nameEs' | 'unit' | 'priorityId' | 'baselineYearId' | 'baselineValue'
	>,
	targets: MeasureInPlan['targets']
): MeasureInPlan => ({
	name: m.name,
	nameEs: m.nameEs,
	unit: m.unit,
	priorityId: m.priorityId,
	baselineYearId: m.baselineYearId,
	baselineValue: m.baselineValue,
	targets
});

export function createMeasure(db: Db, actor: Actor, values: unknown): Saved {
	const v = validated(db, values);
	if (!v.ok) return v;
	// A measure added to an adopted priority changes the plan: it needs a reason.
	const changes = measurePlanChanges(db, null, inPlan(v.fields, v.targets));
	const reason = reasonFor(changes, values);
	if (!reason.ok) return reason;
	return write(db, actor, ({ tx, audit }) => {
		const row = tx.insert(measures).values(v.fields).returning().get();
		writeTargets(tx, row.id, v.targets);
		const auditId = audit({
			action: 'create',
			entity: 'measure',
			entityId: row.id,
			after: { ...row, targets: targetsOf(tx, row.id) },
			note: reason.reason
		});
		recordPlanChanges(tx, changes, reason, auditId);
		return { ok: true as const, id: row.id };
	});
}

export function updateMeasure(db: Db, actor: Actor, id: number, values: unknown): Saved {
	const before = getMeasure(db, id);
	if (!before) return { ok: false, errors: { form: ['This measure no longer exists.'] } };
	const v = validated(db, values, id);
	if (!v.ok) return v;
	// Targets, baseline or the priority of an adopted plan changed: refused without a reason.
	const changes = measurePlanChanges(
		db,
		inPlan(before, before.targets),
		inPlan(v.fields, v.targets)
	);
	const reason = reasonFor(changes, values);
	if (!reason.ok) return reason;
	return write(db, actor, ({ tx, audit }) => {
		const row = tx.update(measures).set(v.fields).where(eq(measures.id, id)).returning().get();
		writeTargets(tx, id, v.targets);
		const auditId = audit({
			action: 'update',
			entity: 'measure',
			entityId: id,
			before,
			after: { ...row, targets: targetsOf(tx, id) },
			note: reason.reason
		});
		recordPlanChanges(tx, changes, reason, auditId);
		return { ok: true as const, id };
	});
}

/**
 * Deletes a measure. One of an adopted priority leaves the plan: that needs a reason (returned as
 * field errors without one, and nothing deleted). False when there is no such measure.
 */
export function deleteMeasure(
	db: Db,
	actor: Actor,
	id: number,
	values: unknown = {}
): true | false | { ok: false; errors: FieldErrors } {
	const before = getMeasure(db, id);
	if (!before) return false;
	const changes = measurePlanChanges(db, inPlan(before, before.targets), null);
	const reason = reasonFor(changes, values);
	if (!reason.ok) return reason;
	write(db, actor, ({ tx, audit }) => {
		tx.delete(measures).where(eq(measures.id, id)).run();
		const auditId = audit({
			action: 'delete',
			entity: 'measure',
			entityId: id,
			before,
			note: reason.reason
		});
		recordPlanChanges(tx, changes, reason, auditId);
	});
	return true;
}

/** Whether deleting or changing this measure changes an adopted plan (its form then asks why). */
export function inAdoptedPlan(db: Db, id: number): boolean {
	const m = getMeasure(db, id);
	return !!m && measurePlanChanges(db, inPlan(m, m.targets), null).length > 0;
}
