import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { downloadFile, fileStream } from '$lib/server/opendata/downloads';

// /data/results.csv?measure=ela, /data/priorities.json…: the public tables as files.
export const GET: RequestHandler = ({ params, url }) => {
	const file = downloadFile(db(), params.file, url.searchParams);
	if (file.status === 404) error(404, file.message);
	if (file.status !== 200)
		return new Response(file.message, {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	// Written as it is read: a whole table is never one string (issue 30).
	return new Response(fileStream(file), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`
		}
	});
};
