import type { Action } from 'svelte/action';
import { enhance } from '$app/forms';
import { goto } from '$app/navigation';

/**
 * `use:saves` on every POST form: with JavaScript the form posts in the background and the page
 * updates in place — the reader keeps their scroll position, and after an error the root layout
 * moves the focus to the first field to fix. A save that comes back to the same page (`?saved=…`)
 * keeps the scroll and the focus too; its notice is a live region, so it is still heard. Without
 * JavaScript the form posts and the page reloads, as before.
 */
export const saves: Action<HTMLFormElement> = (form) =>
	enhance(form, () => async ({ result, update }) => {
		if (result.type === 'redirect') {
			const next = new URL(result.location, location.href);
			const samePage = next.origin === location.origin && next.pathname === location.pathname;
			await goto(next, { invalidateAll: true, noScroll: samePage, keepFocus: samePage });
			return;
		}
		await update();
	});
