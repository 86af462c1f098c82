import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { prioritySlugToId, throughlineGraph } from '$lib/server/throughline/map';
import { listPriorities } from '$lib/server/throughline/priorities';
import { keptBoardSignals } from '$lib/server/views/signals';
import { nodeKey, subgraphThrough, type Column } from '$lib/throughline/paths';

export const load: PageServerLoad = (event) => {
	authorize(event, 'board');
	const p = event.url.searchParams;
	const full = throughlineGraph(db());
	const slug = p.get('priority') ?? '';
	const priorityId = slug ? prioritySlugToId(db(), slug) : undefined;
	const graph =
		priorityId !== undefined ? subgraphThrough(full, nodeKey('priority', priorityId)) : full;
	const focusParam = p.get('focus') ?? '';
	const focus = graph.nodes.some((n) => n.key === focusParam) ? focusParam : null;

	// Gaps the board should see, by map item.
	const gaps: Record<string, string[]> = {};
	for (const s of keptBoardSignals(db()).signals) {
		if (!s.subject) continue;
		const column = s.subject.entity as Column;
		if (!['policy', 'structure', 'priority', 'measure'].includes(column)) continue;
		(gaps[nodeKey(column, s.subject.id)] ??= []).push(s.message);
	}

	return {
		graph,
		focus,
		gaps,
		priority: priorityId !== undefined ? slug : '',
		unknownPriority: !!slug && priorityId === undefined,
		priorities: listPriorities(db())
			.filter((x) => x.status !== 'retired')
			.map((x) => ({ id: x.id, slug: x.slug, title: x.title }))
	};
};
