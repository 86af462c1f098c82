import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { measureDefinition } from '$lib/server/opendata/definitions';
import { pageJsonLd } from '$lib/server/opendata/dcat';
import { locale, pick } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

// Read, not used: no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params, url }) => {
	const definition = measureDefinition(db(), params.code);
	if (!definition) error(404, m.error_no_measure());
	return {
		definition,
		jsonLd: pageJsonLd(db(), url.origin, locale(), {
			dataset: 'results',
			filter: { measure: definition.code },
			name: pick(definition.name, definition.nameEs).text
		})
	};
};
