import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { openDataCatalog } from '$lib/server/opendata/catalog-page';
import { pageJsonLd } from '$lib/server/opendata/dcat';
import { locale } from '$lib/i18n';

// Read, not used: no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ url }) => ({
	catalog: openDataCatalog(db()),
	jsonLd: pageJsonLd(db(), url.origin, locale())
});
