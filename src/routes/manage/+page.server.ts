import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { setupChecklist, setupComplete } from '$lib/server/setup/checklist';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { throughlineCounts } from '$lib/server/throughline/overview';
import { keptBoardSignals } from '$lib/server/views/signals';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	// Until every step is done, Manage opens on the setup checklist (?overview shows this page).
	if (!event.url.searchParams.has('overview') && !setupComplete(setupChecklist(db())))
		redirect(303, '/manage/setup');
	const signals = keptBoardSignals(db()).signals;
	return { counts: throughlineCounts(db()), signalCount: signals.length };
};
