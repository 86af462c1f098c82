import type { PriorityCarriers } from '../../throughline/carriers.ts';
import { byName } from '../db/sort.ts';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
	policies,
	policyStructures,
	structurePriorities,
	structures
} from '../db/schema/structures.ts';

/**
 * The structures that carry a priority and the board policies behind each — public facts only
 * (names, categories, policy numbers and titles, links), never descriptions or internal notes.
 * Required structures come first.
 */
export function carriersOfPriority(db: Db, priorityId: number): PriorityCarriers {
	const rows = db
		.select({
			id: structures.id,
			name: structures.name,
			nameEs: structures.nameEs,
			category: structures.category,
			authority: structures.authority,
			origin: structures.origin
		})
		.from(structurePriorities)
		.innerJoin(structures, eq(structures.id, structurePriorities.structureId))
		.where(eq(structurePriorities.priorityId, priorityId))
		.orderBy(desc(structures.authority), asc(structures.sortOrder), byName(structures.name))
		.all();
	const links = rows.length
		? db
				.select({
					structureId: policyStructures.structureId,
					relation: policyStructures.relation,
					kind: policies.kind,
					number: policies.number,
					title: policies.title,
					url: policies.url
				})
				.from(policyStructures)
				.innerJoin(policies, eq(policies.id, policyStructures.policyId))
				.where(
					inArray(
						policyStructures.structureId,
						rows.map((r) => r.id)
					)
				)
				.orderBy(asc(policies.number), asc(policies.kind))
				.all()
		: [];
	return {
		structures: rows.map((s) => ({
			name: s.name,
			nameEs: s.nameEs,
			category: s.category,
			authority: s.authority,
			origin: s.origin,
			policies: links
				.filter((l) => l.structureId === s.id)
				.map((l) => ({
					kind: l.kind,
					number: l.number,
					title: l.title,
					url: l.url,
					relation: l.relation
				}))
		}))
	};
}
