// What a page makes the browser load before it is interactive: the scripts it preloads and the
// stylesheets it links (not those inlined), read from the build output and gzipped the way a server would send them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
	jsGzip: number;
	cssGzip: number;
	htmlGzip: number;
	files: { path: string; gzip: number }[];
}

function attributes(tag: string): Record<string, string> {
	const found: Record<string, string> = {};
	for (const match of tag.matchAll(/([\w-]+)="([^"]*)"/g)) found[match[1]] = match[2];
	return found;
}

/**
 * Sums the gzip size of the page's `modulepreload` scripts and stylesheets — from `<link>` tags and
 * from the `Link` response header, where SvelteKit puts its preloads — and its `import()`ed entries.
 */
export function pageWeight(
	html: string,
	linkHeader: string | null,
	pageUrl: URL,
	clientDir: string
): PageWeight {
	const paths = new Set<string>();
	const add = (href: string) => paths.add(new URL(href, pageUrl).pathname);
	for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
		const { rel, href } = attributes(tag);
		// A `disabled` stylesheet is SvelteKit's note for client navigation: its CSS is inline.
		if (/\sdisabled[\s>]/.test(tag)) continue;
		if (href && (rel === 'modulepreload' || rel === 'stylesheet')) add(href);
	}
	for (const match of (linkHeader ?? '').matchAll(/<([^>]+)>;([^,]*)/g)) {
		if (/rel="?(modulepreload|preload)"?/.test(match[2])) add(match[1]);
	}
	// SvelteKit's inline start script imports the entry points (also preloaded, so usually no-ops).
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)/g)) add(match[1]);
	const files = [...paths]
		.map((path) => ({ path, file: join(clientDir, path) }))
		.filter(({ file }) => existsSync(file))
		.map(({ path, file }) => ({ path, gzip: gzipSync(readFileSync(file)).length }));
	const sum = (ext: string) =>
		files.filter((f) => f.path.endsWith(ext)).reduce((total, f) => total + f.gzip, 0);
	return {
		jsGzip: sum('.js'),
		cssGzip: sum('.css'),
		htmlGzip: gzipSync(html).length,
		files
	};
}
