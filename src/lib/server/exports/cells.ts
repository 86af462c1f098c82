/**
 * CSV formula injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`
 * (and, in some, a tab or carriage return) as a formula. Such text is written with a leading
 * apostrophe, which spreadsheets show as text and do not display. Only text: numbers are written
 * by the CSV writer as numbers and never reach here, and text that is a plain number ("-34.1")
 * is not a formula, so it stays as it is and still reads back as a number.
 */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function spreadsheetSafe(text: string): string {
	return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/**
 * The inverse, for imports of files this app exported: an apostrophe followed by a formula
 * character is taken off again, so an exported CSV imports back as it was.
 */
export function fromSpreadsheetSafe(text: string): string {
	return text.length > 1 && text[0] === "'" && formulaStart.test(text.slice(1))
		? text.slice(1)
		: text;
}
