import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { serverSecret } from '$lib/server/auth/server';
import { unsubscribeFrom, unsubscribeTarget } from '$lib/server/notices/one-click';

// No sign-in: the signed link is the permission, and it can only turn off the notices it names.
function target(url: URL) {
	const found = unsubscribeTarget(db(), serverSecret(), url.searchParams.get('t'));
	if (!found)
		error(404, 'This unsubscribe link is not valid. Change your notices on your account page.');
	return found;
}

export const load: PageServerLoad = ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const t = target(url);
	return { what: t.what, language: t.language };
};

export const actions: Actions = {
	// Also RFC 8058's one-click POST from a mail program (`List-Unsubscribe=One-Click`).
	default: ({ url }) => {
		const t = target(url);
		unsubscribeFrom(db(), t);
		return { done: true };
	}
};
