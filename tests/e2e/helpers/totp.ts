// The code an authenticator app shows for a setup key (base32), now or `steps` periods away.
import { createOTP } from '@better-auth/utils/otp';
import { base32 } from '@better-auth/utils/base32';

const period = 30_000;
const step = () => Math.floor(Date.now() / period);

function codeOf(secret: string, counter: number): Promise<string> {
	const otp = createOTP(base32.decode(secret.replace(/\s+/g, '').toUpperCase()), {
		digits: 6,
		period: 30
	});
	return otp.hotp(counter);
}

export function totp(secret: string, steps = 0): Promise<string> {
	// A code five periods away is wrong now (the server accepts one period either side).
	return codeOf(secret, step() + steps);
}

/** The last step this test process used per secret: the server takes each code once. */
const usedSteps = new Map<string, number>();

/**
 * A code the server has not taken yet: the current one, or the next (accepted one period ahead)
 * when the current one was used; waits for the clock when both were.
 */
export async function unusedCode(secret: string): Promise<string> {
	const last = usedSteps.get(secret) ?? -Infinity;
	while (last + 1 > step() + 1) await new Promise((r) => setTimeout(r, 1000));
	const counter = Math.max(step(), last + 1);
	usedSteps.set(secret, counter);
	return codeOf(secret, counter);
}
