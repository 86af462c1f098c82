import type { Action } from 'svelte/action';

/**
 * `use:focusFirstError={form}` on a `<form>`: after the server returns errors, move the focus to
 * the first invalid field (marked aria-invalid="true" by Field.svelte), or else to the error
 * summary (`[role="alert"]`), so keyboard and screen-reader users land on what to fix.
 */
export const focusFirstError: Action<HTMLFormElement, unknown> = (node, result) => {
	const focus = (value: unknown) => {
		if (!value) return;
		const target =
			node.querySelector<HTMLElement>('[aria-invalid="true"]') ??
			node.ownerDocument.querySelector<HTMLElement>('[role="alert"]');
		if (!target) return;
		if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) {
			target.setAttribute('tabindex', '-1');
		}
		target.focus();
	};
	focus(result);
	return { update: focus };
};
