import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { priorityChangeLog } from '$lib/server/priorities/plan-changes';
import { pageJsonLd } from '$lib/server/opendata/dcat';
import { locale } from '$lib/i18n';

// Read, not used: no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, url }) => {
	const log = priorityChangeLog(db(), params.slug);
	if (!log) error(404, m.error_no_priority());
	return {
		...log,
		jsonLd: pageJsonLd(db(), url.origin, locale(), {
			dataset: 'plan-changes',
			filter: { priority: params.slug },
			name: `${log.priority.title}: ${locale() === 'es' ? 'cambios al plan' : 'changes to the plan'}`
		})
	};
};
