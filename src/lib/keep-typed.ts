// What a person types before the page has finished loading its script must survive: hydration
// sets every field back to the value the server rendered. The root layout calls `noteTyped()`
// first thing (before any page's fields hydrate) and `restoreTyped()` once mounted.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Typed = { field: Field; value: string | boolean | string[] };

let typed: Typed[] = [];

/** Notes every field whose value differs from what the server sent. */
export function noteTyped(document: Document): void {
	typed = [];
	for (const field of document.querySelectorAll<Field>('input, textarea, select')) {
		if (
			field instanceof HTMLInputElement &&
			(field.type === 'checkbox' || field.type === 'radio')
		) {
			if (field.checked !== field.defaultChecked) typed.push({ field, value: field.checked });
		} else if (field instanceof HTMLSelectElement) {
			const options = [...field.options];
			if (options.some((o) => o.selected !== o.defaultSelected))
				typed.push({ field, value: options.filter((o) => o.selected).map((o) => o.value) });
		} else if (
			field.type !== 'file' &&
			field.type !== 'hidden' &&
			field.value !== field.defaultValue
		) {
			typed.push({ field, value: field.value });
		}
	}
}

/** Puts back what was typed, on the same elements (hydration keeps the server's nodes). */
export function restoreTyped(): void {
	for (const { field, value } of typed) {
		if (!field.isConnected) continue;
		if (typeof value === 'boolean') (field as HTMLInputElement).checked = value;
		else if (Array.isArray(value))
			for (const o of (field as HTMLSelectElement).options) o.selected = value.includes(o.value);
		else field.value = value;
		field.dispatchEvent(new Event('input', { bubbles: true }));
		field.dispatchEvent(new Event('change', { bubbles: true }));
	}
	typed = [];
}
