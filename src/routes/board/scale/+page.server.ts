import type { PageServerLoad } from './$types';
import { z } from 'zod';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { derived } from '$lib/server/cache/derived';
import {
	currentSchoolYear,
	listPriorities,
	scaleProfiles
} from '$lib/server/implementation/queries';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const database = db();
	const priorities = listPriorities(database);
	const chosen = z.coerce
		.number()
		.int()
		.positive()
		.nullable()
		.catch(null)
		.parse(event.url.searchParams.get('priority') || null);
	const priority = priorities.find((p) => p.id === chosen) ?? null;
	const current = currentSchoolYear(database, today());
	return {
		priorities,
		priority: priority?.id ?? null,
		profiles: derived(database, `scale ${priority?.id} ${current?.startYear}`, () =>
			scaleProfiles(database, {
				priorityIds: priority ? [priority.id] : undefined,
				throughYear: current?.startYear
			})
		)
	};
};
