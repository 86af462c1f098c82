import {
	structureAuthorities,
	structureCategories,
	type StructureAuthority,
	type StructureCategory
} from '$lib/choices';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listStructures } from '$lib/server/throughline/structures';
import { listPriorities } from '$lib/server/throughline/priorities';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const p = event.url.searchParams;
	const c = p.get('category') ?? '';
	const a = p.get('authority') ?? '';
	const category = (structureCategories as readonly string[]).includes(c)
		? (c as StructureCategory)
		: undefined;
	const authority = (structureAuthorities as readonly string[]).includes(a)
		? (a as StructureAuthority)
		: undefined;
	const priorityId = Number(p.get('priority')) || undefined;
	return {
		structures: listStructures(db(), { category, authority, priorityId }),
		priorities: listPriorities(db()),
		categories: structureCategories,
		filter: {
			category: category ?? '',
			authority: authority ?? '',
			priority: priorityId ? String(priorityId) : ''
		},
		saved: p.get('saved')
	};
};
