import type { Handle } from '@sveltejs/kit';
import { isBoardReadingPage, isKeepable, type PageCache } from '../cache/pages.ts';
import { answerKept, keepPage, keptResponse } from './kept-pages.ts';

// A board member's reading page, kept for them alone: the session handle has run first, so an
// ended session never reaches a kept page. It goes out private (delivery's rules).
export const boardReadingPages =
	(pages: PageCache | null, pageVersion: () => string): Handle =>
	async ({ event, resolve }) => {
		const user = event.locals.user;
		if (
			!pages ||
			event.request.method !== 'GET' ||
			!user ||
			!isBoardReadingPage(event.url.pathname)
		)
			return resolve(event);
		const version = pageVersion();
		let uncacheable: Response | undefined;
		// The request's own URL: SvelteKit's event.url drops the `/__data.json` of client navigations.
		const requested = new URL(event.request.url);
		const key = `user ${user.id} ${user.role} ${requested.pathname}${requested.search}`;
		const page = await pages.getOrRender(key, version, async () => {
			const response = await resolve(event);
			if (isKeepable(response))
				// Fast levels: a board page's first answer after a write does not wait on brotli 11.
				return keepPage(response, { caching: null, vary: 'Accept-Encoding', levels: 'fast' });
			uncacheable = response;
			return null;
		});
		if (uncacheable) return uncacheable;
		if (!page) return resolve(event);
		const { headers } = event.request;
		return keptResponse(
			answerKept(page, headers.get('accept-encoding'), headers.get('if-none-match')),
			event.request.method
		);
	};
