import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { lcapFormats, lcapTemplate } from '$lib/server/lcap/files';

export const GET: RequestHandler = async (event) => {
	authorize(event, 'edit');
	const format = lcapFormats.find((f) => `lcap-${f.kind}-template.csv` === event.params.file);
	if (!format) error(404, 'No such template.');
	return new Response(lcapTemplate(format), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${event.params.file}"`
		}
	});
};
