const base = 'http://same.invalid';

/** A path that a browser resolves on this site whatever page it is read from. */
function isSameSitePath(path: string): boolean {
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return false;
	if (path.includes('\\') || [...path].some((c) => c.charCodeAt(0) < 32)) return false;
	try {
		return new URL(path, base).origin === base;
	} catch {
		return false;
	}
}

/**
 * Where to go after signing in: only a same-site relative path ("/board?x=1"), never another
 * site ("//evil.example", "https://…", "/\\evil") nor the login page itself. The output is checked
 * too: URL normalisation turns "/.//evil.example" or "/%2e//evil.example" into "//evil.example".
 */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || typeof target !== 'string' || !isSameSitePath(target)) return fallback;
	const url = new URL(target, base);
	if (url.pathname === '/login' || url.pathname === '/logout') return fallback;
	const out = url.pathname + url.search + url.hash;
	// Normalising once more must change nothing, or the browser would read it differently.
	if (!isSameSitePath(out)) return fallback;
	const again = new URL(out, base);
	if (again.pathname + again.search + again.hash !== out) return fallback;
	return out;
}
