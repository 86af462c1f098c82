import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { dcatCatalog } from '$lib/server/opendata/dcat';

// The DCAT-US catalog of the open data (Project Open Data's data.json).
export const GET: RequestHandler = ({ url }) =>
	new Response(JSON.stringify(dcatCatalog(db(), url.origin), null, 1), {
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
