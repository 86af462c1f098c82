import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { resultsThrough } from '$lib/server/school-years';
import { m } from '$lib/paraglide/messages';
import { districtSettings } from '$lib/server/priorities/queries';
import { pageJsonLd } from '$lib/server/opendata/dcat';
import { locale } from '$lib/i18n';
import { chartNotes } from '$lib/server/context/notes';
import {
	currentPrincipal,
	publicSchoolByCds,
	schoolEnrollment,
	schoolResults
} from '$lib/server/schools/queries';

// Read, not used: the page ships no JavaScript (its filters are links and GET forms), so it is
// readable at once on a slow phone.
export const csr = false;

export const load: PageServerLoad = async ({ params, url }) => {
	const store = db();
	const settings = districtSettings(store);
	const school = publicSchoolByCds(store, params.cds);
	if (!settings || !school) error(404, m.error_no_school());
	const suppressionSize = settings.suppressionSize;
	return {
		school: {
			cdsCode: school.cdsCode,
			name: school.name,
			type: school.type,
			gradeSpan: school.gradeSpan,
			status: school.status,
			closedOn: school.closedOn
		},
		principal: currentPrincipal(store, school.id),
		// The school's own public notes (district-wide ones stand on the priorities' charts).
		notes: chartNotes(store, { schoolId: school.id }, { internal: false }).filter(
			(n) => n.schoolId !== null
		),
		results: schoolResults(store, school.id, suppressionSize),
		enrollment: schoolEnrollment(store, school.id, suppressionSize),
		suppressionSize,
		dataUpdatedAt: settings.dataUpdatedAt,
		resultsThrough: resultsThrough(db()),
		jsonLd: pageJsonLd(store, url.origin, locale(), {
			dataset: 'results',
			filter: { school: school.cdsCode },
			name: `${school.name}: ${locale() === 'es' ? 'resultados' : 'results'}`
		})
	};
};
