import { randomInt } from 'node:crypto';

// Recovery codes are read off paper and typed by hand: no characters that look alike
// (0/O/o, 1/l/I/i), lower case only, so what is written down is what is typed.
export const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7m2p-x9dqa`: 10 characters of 31, about 50 bits each. */
export function recoveryCodes(amount = 10, length = 10): string[] {
	return Array.from({ length: amount }, () => {
		const chars = Array.from(
			{ length },
			() => recoveryAlphabet[randomInt(recoveryAlphabet.length)]
		).join('');
		return `${chars.slice(0, length / 2)}-${chars.slice(length / 2)}`;
	});
}
