import type { Action } from 'svelte/action';
import { enhance } from '$app/forms';
import { goto } from '$app/navigation';
import { tick } from 'svelte';
import { focusFirstErrorIn } from './focus-first-error';
import { saving } from './saving.svelte';

/**
 * `use:saves` on every POST form: with JavaScript the form posts in the background and the page
 * updates in place — the reader keeps their scroll position, and after an error the focus moves
 * to the first field to fix. A save that comes back to the same page (`?saved=…`)
 * keeps the scroll and the focus too; its notice is a live region, so it is still heard. Without
 * JavaScript the form posts and the page reloads, as before.
 */
export const saves: Action<HTMLFormElement, SavesOptions | undefined> = (form, options) =>
	enhance(form, ({ cancel }) => {
		// A check the browser can make before sending (a file over the size limit): no upload.
		if (options?.refuse?.(form)) {
			cancel();
			return;
		}
		saving.now = true;
		form.setAttribute('aria-busy', 'true');
		return async ({ result, update }) => {
			try {
				if (result.type === 'redirect') {
					const next = new URL(result.location, location.href);
					const samePage = next.origin === location.origin && next.pathname === location.pathname;
					await goto(next, { invalidateAll: true, noScroll: samePage, keepFocus: samePage });
					return;
				}
				// A form that edits what the page shows keeps its fields: Svelte drops the server's
				// `value` attributes on hydration, so a reset would empty them, not restore them.
				await update({ reset: !options?.keep });
			} finally {
				saving.now = false;
				form.removeAttribute('aria-busy');
			}
			// The root layout's own focus move runs before the refused form's messages are drawn.
			if (result.type === 'failure') {
				await tick();
				focusFirstErrorIn(form, document);
			}
		};
	});

export interface SavesOptions {
	/** Keep the fields as they are after a save that stays on the page (an edit form, not an "add" one). */
	keep?: boolean;
	/** Returns true to keep the form from being sent, having said why on the page. */
	refuse?: (form: HTMLFormElement) => boolean;
}
