import type { Action } from 'svelte/action';

/**
 * `use:scrollable` on a `.table-wrap`: when its table is wider than the screen (a phone, 200%
 * zoom), the box becomes a labelled, focusable region so keyboard users can scroll it with the
 * arrow keys; when it fits, it is left out of the tab order.
 */
export const scrollable: Action<HTMLElement> = (node) => {
	const label = node.querySelector('caption')?.textContent?.trim();
	const update = () => {
		if (node.scrollWidth > node.clientWidth + 1) {
			node.setAttribute('tabindex', '0');
			node.setAttribute('role', 'region');
			if (label) node.setAttribute('aria-label', label);
		} else {
			node.removeAttribute('tabindex');
			node.removeAttribute('role');
			node.removeAttribute('aria-label');
		}
	};
	update();
	const observer = new ResizeObserver(update);
	observer.observe(node);
	return { destroy: () => observer.disconnect() };
};
