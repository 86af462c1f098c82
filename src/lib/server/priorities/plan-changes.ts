/**
 * The plan's public change log (issue 19). Once a priority is adopted, changing its measures,
 * a measure's targets or baseline, its status or the structures that carry it needs a reason,
 * which the public reads at /priorities/[slug]/changes beside what it was before and after.
 * Saves compute the changes first (`…PlanChanges`), refuse without a reason (`reasonFor`), and
 * record them in the write's transaction with the audit entry's id (`recordPlanChanges`).
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { schoolYears, studentGroups } from '../db/schema/district.ts';
import { priorities } from '../db/schema/priorities.ts';
import type { PriorityStatus } from '../../choices.ts';
import { planChanges } from '../db/schema/plan-changes.ts';
import type { PlanChangeKind } from '../../choices.ts';
import { optionalText, parse, type FieldErrors } from '../forms.ts';
import type { Unit } from '../../format.ts';

/**
 * A priority's plan is on the public record once the plan as the board adopted it was recorded
 * (plan-record.ts); before that it is drafted freely, whatever its adoption date.
 */
export function isAdopted(p: { planRecordedAt: string | null }) {
	return !!p.planRecordedAt;
}

/** The plan as the board adopted it, kept when it was recorded (plan-record.ts). */
export interface PlanAsAdopted {
	measures: {
		name: string;
		nameEs: string | null;
		unit: Unit;
		baseline: { year: string | null; value: number | null };
		targets: TargetValue[];
	}[];
	structures: { name: string; nameEs: string | null }[];
}

export interface TargetValue {
	year: string;
	/** 'ALL', or a student group's code. */
	group: string;
	groupName: string | null;
	groupNameEs: string | null;
	value: number;
}

/** What a change was before and after, as plain values; the page words them. */
export type PlanValue =
	| { targets: TargetValue[]; unit: Unit }
	| { baseline: { year: string | null; value: number | null }; unit: Unit }
	| { status: PriorityStatus }
	| null;

export interface PlanChangeDraft {
	priorityId: number;
	kind: PlanChangeKind;
	subject: string;
	subjectEs: string | null;
	before: PlanValue;
	after: PlanValue;
}

export const reasonMissing =
	'Give the reason for this change: the priority was adopted, so the change and its reason are shown to the public on its change log.';

const reasonInput = z.object({
	changeReason: optionalText('reason for the change', 2000),
	changeReasonEs: optionalText('Spanish reason', 2000)
});

/**
 * The reason given with a save, or the field errors when changes to an adopted plan come without
 * one. With no plan change, no reason is needed (and none is kept).
 */
export function reasonFor(
	drafts: PlanChangeDraft[],
	values: unknown
):
	| { ok: true; reason: string | null; reasonEs: string | null }
	| { ok: false; errors: FieldErrors } {
	const parsed = parse(reasonInput, values ?? {});
	if (!parsed.ok) return parsed;
	if (drafts.length === 0) return { ok: true, reason: null, reasonEs: null };
	if (!parsed.data.changeReason) return { ok: false, errors: { changeReason: [reasonMissing] } };
	return { ok: true, reason: parsed.data.changeReason, reasonEs: parsed.data.changeReasonEs };
}

/** Writes the changes; call inside the save's transaction, after its audit entry. */
export function recordPlanChanges(
	db: Db,
	drafts: PlanChangeDraft[],
	reason: { reason: string | null; reasonEs: string | null },
	auditId: number,
	at?: string
): void {
	if (!drafts.length || !reason.reason) return;
	db.insert(planChanges)
		.values(
			drafts.map((d) => ({
				...d,
				reason: reason.reason!,
				reasonEs: reason.reasonEs,
				auditId,
				...(at ? { changedAt: at } : {})
			}))
		)
		.run();
}

function adoptedIds(db: Db, ids: (number | null)[]): Set<number> {
	const wanted = ids.filter((id): id is number => id !== null);
	if (!wanted.length) return new Set();
	return new Set(
		db
			.select({ id: priorities.id, planRecordedAt: priorities.planRecordedAt })
			.from(priorities)
			.where(inArray(priorities.id, wanted))
			.all()
			.filter(isAdopted)
			.map((p) => p.id)
	);
}

/** A measure as the plan sees it, before or after a save. */
export interface MeasureInPlan {
	name: string;
	nameEs: string | null;
	unit: Unit;
	priorityId: number | null;
	baselineYearId: number | null;
	baselineValue: number | null;
	targets: { schoolYearId: number; value: number; studentGroup: string }[];
}

export function targetValues(db: Db, targets: MeasureInPlan['targets']): TargetValue[] {
	const years = new Map(
		db
			.select()
			.from(schoolYears)
			.all()
			.map((y) => [y.id, y])
	);
	const groups = new Map(
		db
			.select()
			.from(studentGroups)
			.all()
			.map((g) => [g.code, g])
	);
	return targets
		.map((t) => ({
			year: years.get(t.schoolYearId)?.label ?? '',
			startYear: years.get(t.schoolYearId)?.startYear ?? 0,
			group: t.studentGroup,
			groupName: t.studentGroup === 'ALL' ? null : (groups.get(t.studentGroup)?.name ?? null),
			groupNameEs: t.studentGroup === 'ALL' ? null : (groups.get(t.studentGroup)?.nameEs ?? null),
			value: t.value
		}))
		.sort(
			(a, b) =>
				Number(a.group !== 'ALL') - Number(b.group !== 'ALL') ||
				a.group.localeCompare(b.group) ||
				a.startYear - b.startYear
		)
		.map(({ startYear: _, ...t }) => t);
}

export function yearLabel(db: Db, id: number | null): string | null {
	if (id === null) return null;
	return db.select().from(schoolYears).where(eq(schoolYears.id, id)).get()?.label ?? null;
}

/** The plan changes a measure's save makes (none when `before` or `after` is absent: create, delete). */
export function measurePlanChanges(
	db: Db,
	before: MeasureInPlan | null,
	after: MeasureInPlan | null
): PlanChangeDraft[] {
	const adopted = adoptedIds(db, [before?.priorityId ?? null, after?.priorityId ?? null]);
	const drafts: PlanChangeDraft[] = [];
	const of = (m: MeasureInPlan, priorityId: number) => ({
		priorityId,
		subject: m.name,
		subjectEs: m.nameEs
	});
	const from = before?.priorityId ?? null;
	const to = after?.priorityId ?? null;
	if (before && from !== null && from !== to && adopted.has(from))
		drafts.push({ ...of(before, from), kind: 'measure-removed', before: null, after: null });
	if (after && to !== null && from !== to && adopted.has(to))
		drafts.push({ ...of(after, to), kind: 'measure-added', before: null, after: null });
	if (before && after && to !== null && from === to && adopted.has(to)) {
		const was = targetValues(db, before.targets);
		const now = targetValues(db, after.targets);
		if (JSON.stringify(was) !== JSON.stringify(now))
			drafts.push({
				...of(after, to),
				kind: 'targets',
				before: { targets: was, unit: before.unit },
				after: { targets: now, unit: after.unit }
			});
		if (
			before.baselineYearId !== after.baselineYearId ||
			before.baselineValue !== after.baselineValue
		)
			drafts.push({
				...of(after, to),
				kind: 'baseline',
				before: {
					baseline: { year: yearLabel(db, before.baselineYearId), value: before.baselineValue },
					unit: before.unit
				},
				after: {
					baseline: { year: yearLabel(db, after.baselineYearId), value: after.baselineValue },
					unit: after.unit
				}
			});
	}
	return drafts;
}

/** A status change of an adopted priority (adopted before this save). */
export function statusPlanChanges(
	before: {
		id: number;
		title: string;
		titleEs: string | null;
		status: PriorityStatus;
		planRecordedAt: string | null;
	},
	after: { status: PriorityStatus }
): PlanChangeDraft[] {
	if (!isAdopted(before) || before.status === after.status) return [];
	return [
		{
			priorityId: before.id,
			kind: 'status',
			subject: before.title,
			subjectEs: before.titleEs,
			before: { status: before.status },
			after: { status: after.status }
		}
	];
}

/** The adopted priorities a structure starts or stops carrying. */
export function structurePlanChanges(
	db: Db,
	structure: { name: string; nameEs: string | null },
	beforeIds: number[],
	afterIds: number[]
): PlanChangeDraft[] {
	const adopted = adoptedIds(db, [...beforeIds, ...afterIds]);
	const subject = { subject: structure.name, subjectEs: structure.nameEs };
	return [
		...afterIds
			.filter((id) => !beforeIds.includes(id) && adopted.has(id))
			.map((priorityId) => ({
				priorityId,
				kind: 'structure-added' as const,
				...subject,
				before: null,
				after: null
			})),
		...beforeIds
			.filter((id) => !afterIds.includes(id) && adopted.has(id))
			.map((priorityId) => ({
				priorityId,
				kind: 'structure-removed' as const,
				...subject,
				before: null,
				after: null
			}))
	];
}

export interface PublicPlanChange {
	id: number;
	changedAt: string;
	kind: PlanChangeKind;
	subject: string;
	subjectEs: string | null;
	before: PlanValue;
	after: PlanValue;
	reason: string;
	reasonEs: string | null;
}

const publicColumns = {
	id: planChanges.id,
	changedAt: planChanges.changedAt,
	kind: planChanges.kind,
	subject: planChanges.subject,
	subjectEs: planChanges.subjectEs,
	before: planChanges.before,
	after: planChanges.after,
	reason: planChanges.reason,
	reasonEs: planChanges.reasonEs
};

/** A priority's changes, newest first: what the public reads (never who made them, nor notes). */
export function publicPlanChanges(db: Db, priorityId?: number): PublicPlanChange[] {
	return db
		.select({ ...publicColumns, priorityId: planChanges.priorityId })
		.from(planChanges)
		.innerJoin(priorities, eq(priorities.id, planChanges.priorityId))
		.where(
			and(
				ne(priorities.status, 'retired'),
				priorityId === undefined ? undefined : eq(planChanges.priorityId, priorityId)
			)
		)
		.orderBy(desc(planChanges.changedAt), asc(planChanges.id))
		.all()
		.map(({ priorityId: _, ...row }) => row as PublicPlanChange);
}

/** Every public change with its priority's slug (the open data's plan-changes table). */
export function allPublicPlanChanges(db: Db) {
	return db
		.select({ ...publicColumns, prioritySlug: priorities.slug })
		.from(planChanges)
		.innerJoin(priorities, eq(priorities.id, planChanges.priorityId))
		.where(ne(priorities.status, 'retired'))
		.orderBy(desc(planChanges.changedAt), asc(planChanges.id))
		.all() as (PublicPlanChange & { prioritySlug: string })[];
}

/** The public change log page of a priority: null for one the public cannot read (retired, unknown). */
export function priorityChangeLog(db: Db, slug: string) {
	const priority = db
		.select({
			id: priorities.id,
			slug: priorities.slug,
			title: priorities.title,
			titleEs: priorities.titleEs,
			status: priorities.status,
			adoptedOn: priorities.adoptedOn,
			planRecordedAt: priorities.planRecordedAt,
			planAsAdopted: priorities.planAsAdopted
		})
		.from(priorities)
		.where(and(eq(priorities.slug, slug), ne(priorities.status, 'retired')))
		.get();
	if (!priority) return null;
	const { id, planAsAdopted, ...shown } = priority;
	return {
		priority: { ...shown, adopted: isAdopted(priority) },
		planAsAdopted: (planAsAdopted as PlanAsAdopted | null) ?? null,
		changes: publicPlanChanges(db, id).map((c) => ({ ...c, changedOn: c.changedAt.slice(0, 10) }))
	};
}

/** How many public changes each priority has (for the link on its page). */
export function planChangeCount(db: Db, priorityId: number): number {
	return publicPlanChanges(db, priorityId).length;
}
