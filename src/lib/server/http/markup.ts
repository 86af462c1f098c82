// A page the browser never hydrates (the public pages: `csr = false`) does not need the comments
// Svelte leaves in server-rendered markup for hydration (`<!--[-->`, `<!--]-->`, `<!--[-1-->`,
// `<!---->`): on a priority page of a large district they are a third of the HTML.

/** Hydration's start script: a page carrying it is hydrated and keeps its markers. */
const hydrates = '__sveltekit_';
const markers = /<!--(?:\[-?\d*|\]|)-->/g;

/** The page without hydration markers, if nothing will hydrate it; otherwise as it is. */
export function withoutHydrationMarkers(html: string): string {
	return html.includes(hydrates) ? html : html.replace(markers, '');
}
