import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { answerApi } from '$lib/server/opendata/api';

// The read-only API (src/lib/server/opendata/api.ts): public, cached like the public pages.
export const GET: RequestHandler = ({ params, url }) => {
	const answer = answerApi(db(), params.path, url.searchParams);
	return new Response(JSON.stringify(answer.body), {
		status: answer.status,
		headers: { 'content-type': answer.contentType }
	});
};
