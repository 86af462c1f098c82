// The saved sessions of the demo roles, written by the sign-in setup project (helpers/auth.setup.ts
// on the auth branch) to reports/e2e-auth/<role>.json. Kept here so these tests compile before
// that helper lands; once it has, `storageStateFor` from './auth' is the same thing.
import { resolve } from 'node:path';

export function storageStateFor(role: 'admin' | 'superintendent' | 'staff' | 'board'): string {
	return resolve('reports/e2e-auth', `${role}.json`);
}
