import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { serverSecret } from '$lib/server/auth/server';
import { feedReader } from '$lib/server/calendar/link';
import { boardCalendarIcs } from '$lib/server/calendar/feed';

/**
 * The board's calendar for a calendar app, at a person's signed link (shown on /board/meetings):
 * no session, the signature is the authorization. A link without its signature is not found; a
 * wrong one, or the link of a deactivated account or of a role that no longer reads board pages,
 * is refused.
 */
export const GET: RequestHandler = async ({ url }) => {
	const reader = feedReader(db(), serverSecret(), url.searchParams);
	if (!reader.ok) {
		if (reader.why === 'missing') error(404, 'Not found.');
		error(403, 'This calendar link is not valid.');
	}
	const body = boardCalendarIcs(db(), { origin: url.origin, today: today() });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="board-calendar.ics"',
			'cache-control': 'private, no-store'
		}
	});
};
