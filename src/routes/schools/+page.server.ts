import type { PageServerLoad } from './$types';
import { z } from 'zod';
import { db } from '$lib/server/db';
import { listSchools } from '$lib/server/schools/queries';
import { schoolTypes } from '$lib/choices';

// Read, not used: the page ships no JavaScript (its filters are links and GET forms), so it is
// readable at once on a slow phone.
export const csr = false;

const filterSchema = z.object({
	q: z.string().trim().max(100).catch(''),
	type: z.enum(schoolTypes).or(z.literal('')).catch(''),
	status: z.enum(['open', 'closed', 'all']).catch('open')
});

export const load: PageServerLoad = async ({ url }) => {
	const filter = filterSchema.parse({
		q: url.searchParams.get('q') ?? '',
		type: url.searchParams.get('type') ?? '',
		status: url.searchParams.get('status') ?? 'open'
	});
	return { filter, schools: listSchools(db(), filter), types: schoolTypes };
};
