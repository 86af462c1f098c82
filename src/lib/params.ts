// The shapes of the values that name things in addresses, shared by the route matchers
// (src/params/) and the query strings that carry ids (`?structure=3`, `?page=2`).

/** A row id: a positive whole number, as SQLite hands them out. */
const idPattern = /^[1-9]\d{0,8}$/;
/** A school's 14-digit County-District-School code. */
export const cdsPattern = /^\d{14}$/;
/** A priority's slug: lower-case letters and digits in words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A school year as the state writes it: 2023-24 (the second year follows the first). */
const yearPattern = /^(\d{4})-(\d{2})$/;

export const isId = (raw: string): boolean => idPattern.test(raw);
export const isCds = (raw: string): boolean => cdsPattern.test(raw);
export const isSlug = (raw: string): boolean => raw.length <= 80 && slugPattern.test(raw);

/**
 * The slug a title suggests: "Early Literacy (K–3)" → "early-literacy-k-3", "Matemáticas" →
 * "matematicas"; at most 80 characters, cut between words.
 */
export function slugOf(title: string): string {
	const words = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > 80) break;
		slug = next;
	}
	return slug || (words[0] ?? '').slice(0, 80);
}
export function isSchoolYear(raw: string): boolean {
	const m = yearPattern.exec(raw);
	return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** An id from a query string or a form field, or null when it is missing or not an id. */
export function idOf(raw: FormDataEntryValue | string | null | undefined): number | null {
	return typeof raw === 'string' && isId(raw.trim()) ? Number(raw.trim()) : null;
}

/** A page number from a query string: 1 when missing or not a page. */
export function pageOf(raw: string | null | undefined): number {
	return idOf(raw) ?? 1;
}
