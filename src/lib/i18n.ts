// Which pages speak Spanish, and how links keep the reader's language. Public pages and the
// sign-in page have a Spanish version under /es; board, manage and admin pages are English only.
import { deLocalizeHref, getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/format';

export type { Locale };

/** The cookie that remembers the reader's chosen language (Paraglide's own name for it). */
export const languageCookie = 'PARAGLIDE_LOCALE';

const englishOnly = ['/board', '/manage', '/admin', '/account', '/logout', '/api'];

/** Whether a path (without /es) has a Spanish version. */
export function isTranslatedPath(path: string): boolean {
	// Files (the open data's CSV and JSON) are the same in every language.
	if (/\.(csv|json)$/.test(path) && !path.endsWith('/__data.json')) return false;
	return !englishOnly.some((p) => path === p || path.startsWith(p + '/'));
}

/** The current language of the page being rendered. */
export function locale(): Locale {
	return getLocale() === 'es' ? 'es' : 'en';
}

/** A link in the reader's language: `/es/schools` on Spanish pages, unless the page is English only. */
export function href(path: string, to: Locale = locale()): string {
	return isTranslatedPath(path) ? localizeHref(path, { locale: to }) : path;
}

/** The English path of the current page, e.g. `/priorities/x` for `/es/priorities/x`. */
export function basePath(pathname: string): string {
	return deLocalizeHref(pathname);
}

/**
 * Staff-entered text in the reader's language: the Spanish version when there is one, else the
 * English text marked `lang="en"` so screen readers pronounce it right and a note can say so.
 */
export function pick(
	en: string,
	es: string | null | undefined,
	to: Locale = locale()
): { text: string; lang: 'en' | undefined } {
	if (to === 'es' && es && es.trim()) return { text: es, lang: undefined };
	return { text: en, lang: to === 'es' ? 'en' : undefined };
}
