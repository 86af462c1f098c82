import { write } from '../audit/write.ts';
import {
	policyRelations,
	structureAuthorities,
	structureCategories,
	structureOrigins,
	type StructureAuthority,
	type StructureCategory
} from '../../choices.ts';
import { byName } from '../db/sort.ts';
import { saveChanges, saveNew } from '../audit/rows.ts';
import { missingChoice, takenByAnother } from '../db/lookups.ts';
import { ensureSchoolYears } from '../school-years/index.ts';
import { today } from '../clock.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/open.ts';
import { reasonFor, recordPlanChanges, structurePlanChanges } from '../priorities/plan-changes.ts';
import { type Actor } from '../audit/index.ts';
import { schoolYears } from '../db/schema/district.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	policies,
	policyStructures,
	structurePriorities,
	structures
} from '../db/schema/structures.ts';
import {
	choice,
	integerIn,
	optionalId,
	optionalText,
	parse,
	parseChecked,
	plainText,
	requiredText,
	type FieldErrors,
	type Saved
} from '../forms.ts';

/** How each value reads on screen. */
export const authorityWords: Record<StructureAuthority, string> = {
	required: 'required districtwide',
	discretionary: 'site discretion'
};

export const structureInput = z.object({
	name: requiredText('name', 200),
	category: choice('category', structureCategories),
	authority: choice('authority (required districtwide or site discretion)', structureAuthorities),
	origin: choice('origin (repurposed or new)', structureOrigins),
	ownerRole: plainText('owner role', 200),
	startYearId: optionalId('start year'),
	description: plainText('description', 4000),
	nameEs: optionalText('Spanish name', 200),
	descriptionEs: optionalText('Spanish description', 4000),
	sortOrder: integerIn('order', 0, 999, 0)
});

export type Structure = typeof structures.$inferSelect;
export type StructureListItem = Structure & {
	policyCount: number;
	priorityCount: number;
	startYear: string | null;
};

export function listStructures(
	db: Db,
	filter: { category?: StructureCategory; authority?: StructureAuthority; priorityId?: number } = {}
): StructureListItem[] {
	const conditions = [
		filter.category ? eq(structures.category, filter.category) : undefined,
		filter.authority ? eq(structures.authority, filter.authority) : undefined,
		filter.priorityId
			? sql`exists (select 1 from ${structurePriorities} where ${structurePriorities.structureId} = ${structures.id} and ${structurePriorities.priorityId} = ${filter.priorityId})`
			: undefined
	];
	return db
		.select({
			id: structures.id,
			name: structures.name,
			nameEs: structures.nameEs,
			category: structures.category,
			authority: structures.authority,
			origin: structures.origin,
			ownerRole: structures.ownerRole,
			startYearId: structures.startYearId,
			description: structures.description,
			descriptionEs: structures.descriptionEs,
			sortOrder: structures.sortOrder,
			createdAt: structures.createdAt,
			startYear: schoolYears.label,
			policyCount: sql<number>`(select count(*) from ${policyStructures} where ${policyStructures.structureId} = ${structures.id})`,
			priorityCount: sql<number>`(select count(*) from ${structurePriorities} where ${structurePriorities.structureId} = ${structures.id})`
		})
		.from(structures)
		.leftJoin(schoolYears, eq(schoolYears.id, structures.startYearId))
		.where(and(...conditions))
		.orderBy(asc(structures.sortOrder), byName(structures.name))
		.all();
}

export function getStructure(db: Db, id: number): Structure | undefined {
	return db.select().from(structures).where(eq(structures.id, id)).get();
}

export function schoolYearChoices(db: Db) {
	// The years a district needs exist by rule; make sure before offering them.
	ensureSchoolYears(db, today());
	return db
		.select({ id: schoolYears.id, label: schoolYears.label, startYear: schoolYears.startYear })
		.from(schoolYears)
		.orderBy(asc(schoolYears.startYear))
		.all();
}

function validated(db: Db, values: unknown, id?: number) {
	return parseChecked(structureInput, values, (data) => {
		const errors: FieldErrors = {};
		if (takenByAnother(db, structures, structures.id, eq(structures.name, data.name), id))
			errors.name = ['Another structure already has this name.'];
		if (missingChoice(db, schoolYears, schoolYears.id, data.startYearId))
			errors.startYearId = ['Choose a school year from the list.'];
		return errors;
	});
}

export function createStructure(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(db, actor, structures, 'structure', validated(db, values));
}

export function updateStructure(db: Db, actor: Actor, id: number, values: unknown): Saved {
	if (!getStructure(db, id))
		return { ok: false, errors: { form: ['This structure no longer exists.'] } };
	return saveChanges(db, actor, structures, 'structure', id, validated(db, values, id));
}

export function deleteStructure(db: Db, actor: Actor, id: number): boolean {
	const before = getStructure(db, id);
	if (!before) return false;
	const links = structureLinks(db, id);
	write(db, actor, ({ tx, audit }) => {
		tx.delete(structures).where(eq(structures.id, id)).run();
		audit({
			action: 'delete',
			entity: 'structure',
			entityId: id,
			before: {
				...before,
				policies: links.policies,
				priorityIds: links.priorities.map((p) => p.id)
			}
		});
	});
	return true;
}

// ——— Links: policy → structure, structure → priority ———

export function structureLinks(db: Db, structureId: number) {
	return {
		policies: db
			.select({
				policyId: policies.id,
				kind: policies.kind,
				number: policies.number,
				title: policies.title,
				relation: policyStructures.relation
			})
			.from(policyStructures)
			.innerJoin(policies, eq(policies.id, policyStructures.policyId))
			.where(eq(policyStructures.structureId, structureId))
			.orderBy(asc(policies.number))
			.all(),
		priorities: db
			.select({ id: priorities.id, title: priorities.title, status: priorities.status })
			.from(structurePriorities)
			.innerJoin(priorities, eq(priorities.id, structurePriorities.priorityId))
			.where(eq(structurePriorities.structureId, structureId))
			.orderBy(asc(priorities.sortOrder), byName(priorities.title))
			.all()
	};
}

export const policyLinkInput = z.object({
	policyId: z.coerce
		.number({ error: 'Choose a policy.' })
		.int('Choose a policy.')
		.positive('Choose a policy.'),
	relation: choice('relation (establishes, funds, requires or guides)', policyRelations)
});

/** Changes a structure's policy links and records the links before and after, with `note`. */
function changePolicyLinks(
	db: Db,
	actor: Actor,
	structureId: number,
	before: ReturnType<typeof structureLinks>['policies'],
	note: string,
	change: (tx: Tx) => void
) {
	write(db, actor, ({ tx, audit }) => {
		change(tx);
		audit({
			action: 'update',
			entity: 'structure',
			entityId: structureId,
			before: { policies: before },
			after: { policies: structureLinks(tx, structureId).policies },
			note
		});
	});
}

/** Links a policy to a structure, or changes how it is linked. */
export function linkPolicy(db: Db, actor: Actor, structureId: number, values: unknown): Saved {
	const parsed = parse(policyLinkInput, values);
	if (!parsed.ok) return parsed;
	const { policyId, relation } = parsed.data;
	const policy = db.select().from(policies).where(eq(policies.id, policyId)).get();
	if (!policy) return { ok: false, errors: { policyId: ['Choose a policy from the list.'] } };
	if (!getStructure(db, structureId))
		return { ok: false, errors: { form: ['This structure no longer exists.'] } };
	const before = structureLinks(db, structureId).policies;
	const note = `${policy.kind} ${policy.number} ${relation} this structure`;
	changePolicyLinks(db, actor, structureId, before, note, (tx) =>
		tx
			.insert(policyStructures)
			.values({ policyId, structureId, relation })
			.onConflictDoUpdate({
				target: [policyStructures.policyId, policyStructures.structureId],
				set: { relation }
			})
			.run()
	);
	return { ok: true, id: structureId };
}

export function unlinkPolicy(db: Db, actor: Actor, structureId: number, policyId: number): boolean {
	const before = structureLinks(db, structureId).policies;
	const link = before.find((l) => l.policyId === policyId);
	if (!link) return false;
	const note = `Removed the link to ${link.kind} ${link.number}`;
	changePolicyLinks(db, actor, structureId, before, note, (tx) =>
		tx
			.delete(policyStructures)
			.where(
				and(eq(policyStructures.structureId, structureId), eq(policyStructures.policyId, policyId))
			)
			.run()
	);
	return true;
}

/** Sets the priorities a structure carries (the checked boxes). */
export function setStructurePriorities(
	db: Db,
	actor: Actor,
	structureId: number,
	priorityIds: number[],
	values: unknown = {}
): Saved {
	const structure = getStructure(db, structureId);
	if (!structure) return { ok: false, errors: { form: ['This structure no longer exists.'] } };
	const wanted = [...new Set(priorityIds)];
	const known = new Set(
		db
			.select({ id: priorities.id })
			.from(priorities)
			.all()
			.map((p) => p.id)
	);
	if (wanted.some((id) => !known.has(id)))
		return { ok: false, errors: { priorityIds: ['Choose priorities from the list.'] } };
	const before = structureLinks(db, structureId).priorities.map((p) => p.id);
	// Carrying an adopted priority, or no longer, changes its plan: that needs a reason.
	const changes = structurePlanChanges(db, structure, before, wanted);
	const reason = reasonFor(changes, values);
	if (!reason.ok) return reason;
	return write(db, actor, ({ tx, audit }) => {
		tx.delete(structurePriorities).where(eq(structurePriorities.structureId, structureId)).run();
		if (wanted.length)
			tx.insert(structurePriorities)
				.values(wanted.map((priorityId) => ({ structureId, priorityId })))
				.run();
		const auditId = audit({
			action: 'update',
			entity: 'structure',
			entityId: structureId,
			before: { priorityIds: before },
			after: { priorityIds: wanted },
			note: reason.reason
				? `Changed the priorities this structure carries: ${reason.reason}`
				: 'Changed the priorities this structure carries'
		});
		recordPlanChanges(tx, changes, reason, auditId);
		return { ok: true as const, id: structureId };
	});
}
