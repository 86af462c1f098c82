import { byName } from '../db/sort.ts';
import { formatDate } from '../../format.ts';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { measures } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	policies,
	policyStructures,
	structurePriorities,
	structures
} from '../db/schema/structures.ts';
import {
	nodeKey,
	type MapEdge,
	type MapNode,
	type ThroughlineGraph
} from '../../throughline/paths.ts';
import { authorityWords } from './structures.ts';

/**
 * The whole throughline: every policy, structure, priority and measure with the links between
 * them. Retired priorities are left out unless asked for.
 */
export function throughlineGraph(
	db: Db,
	options: { includeRetired?: boolean } = {}
): ThroughlineGraph {
	const nodes: MapNode[] = [];
	const edges: MapEdge[] = [];

	const pols = db.select().from(policies).orderBy(asc(policies.number), asc(policies.kind)).all();
	for (const p of pols)
		nodes.push({
			key: nodeKey('policy', p.id),
			column: 'policy',
			id: p.id,
			label: `${p.kind} ${p.number} ${p.title}`,
			detail: p.revisedOn
				? `revised ${formatDate(p.revisedOn)}`
				: p.adoptedOn
					? `adopted ${formatDate(p.adoptedOn)}`
					: '',
			href: `/manage/policies/${p.id}`
		});

	const structs = db
		.select()
		.from(structures)
		.orderBy(asc(structures.sortOrder), byName(structures.name))
		.all();
	for (const s of structs)
		nodes.push({
			key: nodeKey('structure', s.id),
			column: 'structure',
			id: s.id,
			label: s.name,
			detail: `${s.category} · ${authorityWords[s.authority]} · ${s.origin}`,
			href: `/manage/structures/${s.id}`
		});

	const pris = db
		.select()
		.from(priorities)
		.orderBy(asc(priorities.sortOrder), byName(priorities.title))
		.all()
		.filter((p) => options.includeRetired || p.status !== 'retired');
	const shown = new Set(pris.map((p) => p.id));
	for (const p of pris)
		nodes.push({
			key: nodeKey('priority', p.id),
			column: 'priority',
			id: p.id,
			label: p.title,
			detail: p.status,
			href: `/manage/priorities/${p.id}`
		});

	const meas = db
		.select()
		.from(measures)
		.orderBy(asc(measures.priorityId), asc(measures.sortOrder), byName(measures.name))
		.all()
		.filter((m) => m.priorityId === null || shown.has(m.priorityId));
	for (const m of meas) {
		nodes.push({
			key: nodeKey('measure', m.id),
			column: 'measure',
			id: m.id,
			label: m.name,
			detail: `${m.kind}${m.headline ? ' · headline' : ''}`,
			href: `/manage/measures/${m.id}`
		});
		if (m.priorityId !== null)
			edges.push({ from: nodeKey('priority', m.priorityId), to: nodeKey('measure', m.id) });
	}

	for (const l of db.select().from(policyStructures).all())
		edges.push({
			from: nodeKey('policy', l.policyId),
			to: nodeKey('structure', l.structureId),
			label: l.relation
		});
	for (const l of db.select().from(structurePriorities).all())
		if (shown.has(l.priorityId))
			edges.push({
				from: nodeKey('structure', l.structureId),
				to: nodeKey('priority', l.priorityId)
			});

	return { nodes, edges };
}

export function prioritySlugToId(db: Db, slug: string): number | undefined {
	return db.select({ id: priorities.id }).from(priorities).where(eq(priorities.slug, slug)).get()
		?.id;
}
