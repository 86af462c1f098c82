import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import {
	districtSettings,
	schoolYearChoices,
	settingsSchema,
	updateDistrictSettings
} from '$lib/server/settings';
import { historyOf } from '$lib/server/audit/history';
import { DISTRICT_CDS as demoDistrictCds } from '$lib/server/demo/schools';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'admin');
	const settings = districtSettings(db()) ?? null;
	return {
		settings,
		// The seeded demo district (its CDS code), whose demo accounts sign in by password.
		demo: settings?.cdsCode === demoDistrictCds,
		years: schoolYearChoices(db()),
		history: settings ? historyOf(db(), 'district', settings.id) : []
	};
};

export const actions: Actions = {
	update: async (event) => {
		const admin = authorize(event, 'admin');
		const parsed = parseForm(settingsSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			updateDistrictSettings(db(), { id: admin.id, email: admin.email }, parsed.data);
		} catch (e) {
			if (e instanceof Error && e.message === 'No such school year.')
				return invalid(parsed.values, { currentSchoolYearId: [e.message] });
			throw e;
		}
		return { saved: true };
	}
};
