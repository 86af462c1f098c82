import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { setupChecklist } from '$lib/server/setup/checklist';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	return { steps: setupChecklist(db()) };
};
