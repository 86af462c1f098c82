import { describe, expect, it } from 'vitest';
import { withoutHydrationMarkers } from './markup.ts';

describe('withoutHydrationMarkers', () => {
	it('drops every hydration marker from a page nothing hydrates', () => {
		const page =
			'<td class="num"><!--[-1-->−26.9<!--[0--><span>Orange</span><!--]--><!--]--></td><!--[--><a>x</a><!--]--><!---->';
		expect(withoutHydrationMarkers(page)).toBe(
			'<td class="num">−26.9<span>Orange</span></td><a>x</a>'
		);
	});

	it('keeps other comments, and text that only looks like a marker', () => {
		const page = '<head><!--9bmmi3--></head><p>&lt;!--[--&gt; <!-- note --></p>';
		expect(withoutHydrationMarkers(page)).toBe(page);
	});

	it('leaves a page that will hydrate as it is', () => {
		const page = '<div><!--[--><p>x</p><!--]--></div><script>__sveltekit_abc = {};</script>';
		expect(withoutHydrationMarkers(page)).toBe(page);
	});
});
