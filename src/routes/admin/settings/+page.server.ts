import { fail } from '@sveltejs/kit';
import { errorsOf } from '$lib/server/forms';
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
		const form = Object.fromEntries(await event.request.formData());
		const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
		const parsed = settingsSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: errorsOf(parsed.error) });
		try {
			updateDistrictSettings(db(), { id: admin.id, email: admin.email }, parsed.data);
		} catch (e) {
			if (e instanceof Error && e.message === 'No such school year.')
				return fail(400, { values, errors: { currentSchoolYearId: [e.message] } });
			throw e;
		}
		return { saved: true };
	}
};
