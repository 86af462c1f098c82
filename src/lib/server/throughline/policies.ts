import { byName } from '../db/sort.ts';
import { saveChanges, saveNew } from '../audit/rows.ts';
import { takenByAnother } from '../db/lookups.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { policies, policyStructures, structures } from '../db/schema/structures.ts';
import {
	choice,
	optionalDate,
	parseChecked,
	requiredText,
	type FieldErrors,
	type Saved
} from '../forms.ts';
import { write } from '../audit/write.ts';
import { policyKinds } from '../../choices.ts';

/** CSBA numbers: four digits, optionally a point and more digits (6000, 5131.2, 0420.41). */
export const policyNumberPattern = /^\d{4}(?:\.\d{1,3})?$/;

export const policyInput = z
	.object({
		kind: choice('kind', policyKinds),
		number: requiredText('number', 10).regex(
			policyNumberPattern,
			'Write the number as CSBA does: four digits, e.g. 6000 or 5131.2.'
		),
		title: requiredText('title', 200),
		adoptedOn: optionalDate('adoption date'),
		revisedOn: optionalDate('date last revised'),
		url: z
			.string()
			.trim()
			.max(500, 'The link must be at most 500 characters.')
			.optional()
			.transform((v) => v || null)
			.refine(
				(v) => v === null || /^https?:\/\/\S+$/.test(v),
				'Enter a full web address starting with https://'
			)
	})
	.refine((p) => !p.adoptedOn || !p.revisedOn || p.revisedOn >= p.adoptedOn, {
		path: ['revisedOn'],
		message: 'The revision date cannot be before the adoption date.'
	});

export type Policy = typeof policies.$inferSelect;
export type PolicyListItem = Policy & { structureCount: number };

/** Policies in number order; `q` matches number or title. */
export function listPolicies(db: Db, filter: { q?: string } = {}): PolicyListItem[] {
	const q = filter.q?.trim();
	return db
		.select({
			id: policies.id,
			kind: policies.kind,
			number: policies.number,
			title: policies.title,
			adoptedOn: policies.adoptedOn,
			revisedOn: policies.revisedOn,
			url: policies.url,
			createdAt: policies.createdAt,
			structureCount: sql<number>`(select count(*) from ${policyStructures} where ${policyStructures.policyId} = ${policies.id})`
		})
		.from(policies)
		.where(
			q
				? sql`(${policies.number} like ${'%' + q + '%'} or ${policies.title} like ${'%' + q + '%'})`
				: undefined
		)
		.orderBy(asc(policies.number), asc(policies.kind))
		.all();
}

export function getPolicy(db: Db, id: number): Policy | undefined {
	return db.select().from(policies).where(eq(policies.id, id)).get();
}

/** The structures a policy is linked to, with how. */
export function structuresOfPolicy(db: Db, policyId: number) {
	return db
		.select({ id: structures.id, name: structures.name, relation: policyStructures.relation })
		.from(policyStructures)
		.innerJoin(structures, eq(structures.id, policyStructures.structureId))
		.where(eq(policyStructures.policyId, policyId))
		.orderBy(byName(structures.name))
		.all();
}

function duplicate(db: Db, kind: string, number: string, id?: number): FieldErrors {
	const same = and(eq(policies.kind, kind as Policy['kind']), eq(policies.number, number));
	return takenByAnother(db, policies, policies.id, same, id)
		? { number: [`There is already a ${kind} ${number}.`] }
		: {};
}

function validated(db: Db, values: unknown, id?: number) {
	return parseChecked(policyInput, values, (data) => duplicate(db, data.kind, data.number, id));
}

export function createPolicy(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(db, actor, policies, 'policy', validated(db, values));
}

export function updatePolicy(db: Db, actor: Actor, id: number, values: unknown): Saved {
	if (!getPolicy(db, id)) return { ok: false, errors: { form: ['This policy no longer exists.'] } };
	return saveChanges(db, actor, policies, 'policy', id, validated(db, values, id));
}

export function deletePolicy(db: Db, actor: Actor, id: number): boolean {
	const before = getPolicy(db, id);
	if (!before) return false;
	const links = structuresOfPolicy(db, id);
	write(db, actor, ({ tx, audit }) => {
		tx.delete(policies).where(eq(policies.id, id)).run();
		audit({
			action: 'delete',
			entity: 'policy',
			entityId: id,
			before: { ...before, links }
		});
	});
	return true;
}
