import type { PageServerLoad } from './$types';
import { authorize, can } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportCounts, exportTables, exportTitle } from '$lib/server/exports';

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'board');
	const audience = can(user, 'edit') ? 'editor' : 'board';
	const counts = exportCounts(db(), audience);
	return {
		tables: exportTables.map((t) => ({
			name: t.name,
			title: exportTitle(t, audience),
			rows: counts[t.name] ?? 0
		}))
	};
};
