import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportCounts, exportTables } from '$lib/server/exports';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const counts = exportCounts(db());
	return {
		tables: exportTables.map((t) => ({ name: t.name, title: t.title, rows: counts[t.name] ?? 0 }))
	};
};
