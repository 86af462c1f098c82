import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { csvFormats, csvTemplate } from '$lib/server/imports/templates';

export const GET: RequestHandler = async (event) => {
	authorize(event, 'edit');
	const format = csvFormats.find((f) => `${f.name}-template.csv` === event.params.file);
	if (!format) error(404, 'No such template.');
	return new Response(csvTemplate(format), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${event.params.file}"`
		}
	});
};
