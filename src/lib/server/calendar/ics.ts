/**
 * iCalendar (RFC 5545) written by hand: the few properties a subscribed calendar needs, with the
 * format's rules kept — CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * character), TEXT values escaped.
 */

export type IcsProperty = [name: string, value: string];

/** A TEXT value: backslash, semicolon, comma and line breaks escaped (§3.3.11). */
export function escapeText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * One content line folded into lines of at most 75 octets; each continuation begins with a space
 * (§3.1). A character is never split across lines.
 */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; a continuation 74 after its leading space.
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

/** A date as DATE (YYYYMMDD) from YYYY-MM-DD. */
export function icsDate(isoDate: string): string {
	return isoDate.slice(0, 10).replace(/-/g, '');
}

/** A moment as a UTC DATE-TIME (YYYYMMDDTHHMMSSZ). */
export function icsDateTime(at: Date): string {
	return at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** The components and properties as the text of an .ics file. */
export function icsCalendar(calendar: IcsProperty[], events: IcsProperty[][]): string {
	const lines = [
		'BEGIN:VCALENDAR',
		...calendar.map(([name, value]) => `${name}:${value}`),
		...events.flatMap((event) => [
			'BEGIN:VEVENT',
			...event.map(([name, value]) => `${name}:${value}`),
			'END:VEVENT'
		]),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
