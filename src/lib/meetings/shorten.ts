// Slides carry at most a few short points; the whole text is in the packet. A text too long is
// cut between words, ends with "…", and the slide says it continues in the packet: never cut
// mid-word, never cut unseen.

/** The text, or its first words up to `max` characters with "…", and whether it was cut. */
export function shorten(text: string, max: number): { text: string; cut: boolean } {
	const clean = text.trim().replace(/\s+/g, ' ');
	if (clean.length <= max) return { text: clean, cut: false };
	const head = clean.slice(0, max + 1);
	const space = head.lastIndexOf(' ');
	// One word longer than the limit: cut it, but still visibly.
	const words = space > max / 2 ? head.slice(0, space) : clean.slice(0, max);
	return { text: `${words.replace(/[\s,;:.–—-]+$/, '')}…`, cut: true };
}
