/**
 * Today's date (YYYY-MM-DD) for signals and "days since" figures. THROUGHLINE_TODAY freezes it:
 * the demo district lives on 15 June 2025, so its signals read the same on every run.
 */
export function today(): string {
	const frozen = process.env.THROUGHLINE_TODAY;
	if (frozen && /^\d{4}-\d{2}-\d{2}$/.test(frozen)) return frozen;
	return new Date().toISOString().slice(0, 10);
}
