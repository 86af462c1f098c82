import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { accountabilityView } from '$lib/server/accountability/overview';

// Read, not used: the public page ships no JavaScript.
export const csr = false;

export const load: PageServerLoad = () => ({ view: accountabilityView(db(), 'public') });
