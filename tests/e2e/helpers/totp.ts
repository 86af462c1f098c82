// The code an authenticator app shows for a setup key (base32), now or `steps` periods away.
import { createOTP } from '@better-auth/utils/otp';
import { base32 } from '@better-auth/utils/base32';

export function totp(secret: string, steps = 0): Promise<string> {
	const otp = createOTP(base32.decode(secret.replace(/\s+/g, '').toUpperCase()), {
		digits: 6,
		period: 30
	});
	// A code five periods away is wrong now (the server accepts one period either side).
	return otp.hotp(Math.floor(Date.now() / 30_000) + steps);
}
