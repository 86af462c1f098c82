// Amounts as whole cents, read from the text as written: no float ever stands between the
// 183 printed amounts and their printed total.

const amountPattern = /^(-)?\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/;

/** "$62,196", "237577.00", "80571233.37" → cents; null for a blank; undefined for text that is no amount. */
export function centsOf(text: string): number | null | undefined {
	const raw = text.trim();
	if (raw === '') return null;
	const m = amountPattern.exec(raw);
	if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
	const whole = Number((m[2] ?? '0').replace(/,/g, ''));
	const cents = Number((m[3] ?? '0').padEnd(2, '0'));
	const value = whole * 100 + cents;
	if (!Number.isSafeInteger(value)) return undefined;
	return m[1] ? -value : value;
}

/** Cents as dollars for a message or a file: 8057123337 → "$80,571,233.37". */
export function dollars(cents: number): string {
	const sign = cents < 0 ? '−' : '';
	const abs = Math.abs(cents);
	const whole = Math.floor(abs / 100).toLocaleString('en-US');
	const rest = abs % 100;
	return `${sign}$${whole}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}
