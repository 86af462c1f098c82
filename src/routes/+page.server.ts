import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { publicSummary } from '$lib/server/views/public-summary';
import { portfolioSummary } from '$lib/server/priorities/portfolio';
import { pageJsonLd } from '$lib/server/opendata/dcat';
import { locale } from '$lib/i18n';
import { prioritiesChartNotes } from '$lib/server/context/notes';

// The public summary is read, not used: families on phones get HTML and CSS with no JavaScript
// (its small trends are drawn as SVG on the server). Links to other pages load them in full.
export const csr = false;

export const load: PageServerLoad = async ({ url }) => {
	const summary = publicSummary(db());
	return {
		summary,
		// Public notes only: an internal note never reaches a public page.
		notes: summary.district ? prioritiesChartNotes(db(), { internal: false }) : [],
		portfolio: summary.district ? portfolioSummary(db()) : null,
		jsonLd: summary.district ? pageJsonLd(db(), url.origin, locale()) : null
	};
};
