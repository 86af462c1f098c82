import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { agendaCsv } from '$lib/server/meetings/agenda-csv';

export const GET: RequestHandler = async (event) => {
	authorize(event, 'board');
	const id = Number(event.params.id);
	const file = agendaCsv(db(), id);
	if (!file) error(404, 'No such meeting.');
	return new Response(file.csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file.filename}"`
		}
	});
};
