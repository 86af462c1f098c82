/**
 * Where to go after signing in: only a same-site relative path ("/board?x=1"), never another
 * site ("//evil.example", "https://…", "/\\evil") nor the login page itself.
 */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || typeof target !== 'string') return fallback;
	if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	if (target.includes('\\') || [...target].some((c) => c.charCodeAt(0) < 32)) return fallback;
	try {
		const base = 'http://same.invalid';
		const url = new URL(target, base);
		if (url.origin !== base) return fallback;
		if (url.pathname === '/login' || url.pathname === '/logout') return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}
