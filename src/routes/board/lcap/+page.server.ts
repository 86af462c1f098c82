import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { lcapVersion, lcapYears } from '$lib/server/lcap/queries';
import { coherenceShare } from '$lib/server/lcap/coherence';
import { annualUpdateOf } from '$lib/server/lcap/annual-update';
import { midYearReports, midYearReport } from '$lib/server/lcap/mid-year';
import { redGroupsAndActions } from '$lib/server/views/lcap-reds';

export const load: PageServerLoad = (event) => {
	authorize(event, 'board');
	const version = lcapVersion(db(), event.url.searchParams.get('year'));
	const years = lcapYears(db()).map((v) => v.year);
	if (!version) return { version: null, years };
	const reports = midYearReports(db());
	const latestMidYear = reports[0] ? midYearReport(db(), reports[0].id) : null;
	return {
		version,
		years,
		share: coherenceShare(db(), version.id),
		annualUpdate: annualUpdateOf(db(), version.id),
		midYear: latestMidYear,
		reds: redGroupsAndActions(db(), version.id)
	};
};
