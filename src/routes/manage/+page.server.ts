import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { throughlineCounts } from '$lib/server/throughline/overview';
import { boardSignals } from '$lib/server/signals';
import { signalContext } from '$lib/server/throughline/context';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const signals = boardSignals(db(), signalContext(db()));
	return { counts: throughlineCounts(db()), signalCount: signals.length };
};
