// One sorting rule for names shown to people, server and browser: by the language's alphabet,
// accents and case aside ("César Chávez" between "Carver" and "Cypress"), numbers by value
// ("Grade 2" before "Grade 10").
export const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** For `.sort()`: `rows.sort((a, b) => byText(a.name, b.name))`. */
export function byText(a: string | null | undefined, b: string | null | undefined): number {
	return collator.compare(a ?? '', b ?? '');
}

/**
 * The same order as a key SQLite can sort by (ORDER BY sort_key(name), registered by
 * db/open.ts), for lists the database pages through: letters without their accents, lower case,
 * runs of digits padded so they sort by value.
 */
export function sortKey(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLocaleLowerCase('en')
		.replace(/\d+/g, (d) => d.padStart(12, '0'));
}
