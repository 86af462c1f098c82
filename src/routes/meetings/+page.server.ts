import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { publicMeetingList } from '$lib/server/meetings/public-record';

// Read, not used: a public page with no JavaScript.
export const csr = false;

export const load: PageServerLoad = async () => ({ meetings: publicMeetingList(db()) });
