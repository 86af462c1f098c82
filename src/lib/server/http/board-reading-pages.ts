import type { Handle } from '@sveltejs/kit';
import {
	isBoardReadingPage,
	isKeepable,
	madeFrom,
	type Moment,
	type PageCache
} from '../cache/pages.ts';
import { noteReads } from '../db/reads.ts';
import { answerKept, keepPage, keptResponse } from './kept-pages.ts';

// A board member's reading page, kept for them alone: the session handle has run first, so an
// ended session never reaches a kept page. It goes out private (delivery's rules).
export const boardReadingPages =
	(pages: PageCache | null, moment: () => Moment): Handle =>
	async ({ event, resolve }) => {
		const user = event.locals.user;
		if (
			!pages ||
			event.request.method !== 'GET' ||
			!user ||
			!isBoardReadingPage(event.url.pathname)
		)
			return resolve(event);
		const now = moment();
		let uncacheable: Response | undefined;
		// The request's own URL: SvelteKit's event.url drops the `/__data.json` of client navigations.
		const requested = new URL(event.request.url);
		const key = `user ${user.id} ${user.role} ${requested.pathname}${requested.search}`;
		const page = await pages.getOrRender(key, now, async () => {
			const render = madeFrom(now, () => {
				// The person's own row was read by the session handle, before the render listened.
				noteReads(['user']);
				return resolve(event);
			});
			const response = await render.value;
			const stamp = render.stamp();
			if (isKeepable(response))
				// Fast levels: a board page's first answer after a write does not wait on brotli 11.
				return {
					page: await keepPage(response, {
						caching: null,
						vary: 'Accept-Encoding',
						levels: 'fast'
					}),
					stamp
				};
			uncacheable = response;
			return { page: null, stamp };
		});
		if (uncacheable) return uncacheable;
		if (!page) return resolve(event);
		const { headers } = event.request;
		return keptResponse(
			answerKept(page, headers.get('accept-encoding'), headers.get('if-none-match')),
			event.request.method
		);
	};
