import type { PageServerLoad } from './$types';
import { z } from 'zod';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { manageSchools, manageStatuses, schoolTypeChoices } from '$lib/server/schools/manage';
import { schoolTypes } from '$lib/choices';

const filterSchema = z.object({
	q: z.string().trim().max(100).catch(''),
	type: z.enum(schoolTypes).or(z.literal('')).catch(''),
	status: z.enum(manageStatuses).catch('open'),
	page: z.coerce.number().int().positive().catch(1)
});

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const p = event.url.searchParams;
	const filter = filterSchema.parse({
		q: p.get('q') ?? '',
		type: p.get('type') ?? '',
		status: p.get('status') ?? 'open',
		page: p.get('page') ?? 1
	});
	return {
		filter,
		list: manageSchools(db(), filter),
		types: schoolTypeChoices,
		saved: p.get('saved')
	};
};
