import { dictionary } from '@zxcvbn-ts/language-common';

import { maxPasswordLength, minPasswordLength } from '../../choices.ts';

export { maxPasswordLength, minPasswordLength };

/**
 * The most common passwords (about 49,000, most frequent first) from @zxcvbn-ts/language-common,
 * a maintained package whose list comes from public breach corpora. Compared case-insensitively.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
	common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
	return common;
}

/** Why a new password is refused, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: string): string | null {
	if (password.length < minPasswordLength) return `Use at least ${minPasswordLength} characters.`;
	if (password.length > maxPasswordLength) return `Use at most ${maxPasswordLength} characters.`;
	if (commonPasswords().has(password.toLowerCase()))
		return 'This password is among the most common ones. Choose another.';
	return null;
}
