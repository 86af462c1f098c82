import { m } from '$lib/paraglide/messages';
import type { SignInRefusal } from '$lib/server/auth/signin';

/** A refused sign-in step in the reader's language: the domain answers with data, not words. */
export function refusalText(r: SignInRefusal, step: 'password' | 'code'): string {
	switch (r.reason) {
		case 'wait': {
			const minutes = Math.max(1, Math.ceil(r.retryAfterSeconds / 60));
			return minutes === 1 ? m.login_locked_one() : m.login_locked({ minutes: String(minutes) });
		}
		case 'suspended':
			return m.login_suspended();
		case 'expired':
			return m.login_code_expired();
		case 'mismatch':
			return step === 'password' ? m.login_failed() : m.login_code_wrong();
	}
}
