import { error } from '@sveltejs/kit';
import { zipSync, strToU8 } from 'fflate';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { currentDistrict } from '$lib/server/imports';
import { exportTable, exportTables, tableCsv, tableCsvStream } from '$lib/server/exports';
import { today } from '$lib/server/clock';

/** `/manage/exports/results.csv` and the others, one table each; `all.zip` has every table. */
export const GET: RequestHandler = async (event) => {
	authorize(event, 'board');
	const file = event.params.file;
	const stamp = today();
	if (file === 'all.zip') {
		const files: Record<string, Uint8Array> = {};
		for (const t of exportTables) files[`${t.name}.csv`] = strToU8(tableCsv(db(), t));
		const slug = (currentDistrict(db())?.name ?? 'district')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-');
		return new Response(zipSync(files), {
			headers: {
				'content-type': 'application/zip',
				'content-disposition': `attachment; filename="${slug}-${stamp}.zip"`
			}
		});
	}
	const table = file.endsWith('.csv') ? exportTable(file.slice(0, -4)) : undefined;
	if (!table) error(404, 'No such export.');
	return new Response(tableCsvStream(db(), table), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${table.name}-${stamp}.csv"`
		}
	});
};
