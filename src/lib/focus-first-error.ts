import type { Action } from 'svelte/action';

/**
 * Moves the focus to the first invalid field (marked aria-invalid="true" by Field.svelte), or else
 * to the first error message (`[role="alert"]`), so keyboard and screen-reader users land on what
 * to fix. Returns whether it found something to focus.
 */
export function focusFirstErrorIn(root: ParentNode, document: Document): boolean {
	const target =
		root.querySelector<HTMLElement>('[aria-invalid="true"]') ??
		document.querySelector<HTMLElement>('[role="alert"]');
	if (!target) return false;
	if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) {
		target.setAttribute('tabindex', '-1');
	}
	target.focus();
	return true;
}

/**
 * `use:focusFirstError={form}` on a `<form>`: after the server returns errors, move the focus to
 * the form's first invalid field, or else to the error summary. (The root layout does the same for
 * every page after a form post; this action is for forms that update in place.)
 */
export const focusFirstError: Action<HTMLFormElement, unknown> = (node, result) => {
	const focus = (value: unknown) => {
		if (value) focusFirstErrorIn(node, node.ownerDocument);
	};
	focus(result);
	return { update: focus };
};
