import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// Static files are written beside .br and .gz copies; its static handler sends the one accepted.
		adapter: adapter({ precompress: true }),
		// Stylesheets up to 10 KB (all of ours: the root one is ~7 KB) go inline in the page: the public pages then paint
		// from their first response, with no request blocking the render.
		inlineStyleThreshold: 10 * 1024,
		// Cross-site writes are refused by our own check (src/lib/server/http/origin.ts), which covers
		// every write, not only form posts, and lets through the one that must come from elsewhere:
		// a mail program's one-click unsubscribe (RFC 8058).
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			config: (config) => {
				config.include.push('../drizzle.config.ts', '../scripts/**/*.ts', '../tests/**/*.ts');
			}
		}
	}
};

export default config;
