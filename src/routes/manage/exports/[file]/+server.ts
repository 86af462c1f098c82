import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize, can } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { currentDistrict } from '$lib/server/imports';
import { exportTable, exportZip, tableCsvStream } from '$lib/server/exports';
import { today } from '$lib/server/clock';

/** `/manage/exports/results.csv` and the others, one table each; `all.zip` has every table. */
export const GET: RequestHandler = async (event) => {
	const user = authorize(event, 'board');
	const audience = can(user, 'edit') ? 'editor' : 'board';
	const file = event.params.file;
	const stamp = today();
	if (file === 'all.zip') {
		const slug = (currentDistrict(db())?.name ?? 'district')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-');
		return new Response(exportZip(db(), audience), {
			headers: {
				'content-type': 'application/zip',
				'content-disposition': `attachment; filename="${slug}-${stamp}.zip"`
			}
		});
	}
	const table = file.endsWith('.csv') ? exportTable(file.slice(0, -4)) : undefined;
	if (!table) error(404, 'No such export.');
	return new Response(tableCsvStream(db(), table, audience), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${table.name}-${stamp}.csv"`
		}
	});
};
