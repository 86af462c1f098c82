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
import { removeLogo, saveLogo, siteBrand } from '$lib/server/settings/logo';
import { DISTRICT_CDS as demoDistrictCds } from '$lib/server/demo/schools';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'admin');
	const settings = districtSettings(db()) ?? null;
	return {
		settings,
		// The seeded demo district (its CDS code), whose demo accounts sign in by password.
		demo: settings?.cdsCode === demoDistrictCds,
		years: schoolYearChoices(db()),
		logo: siteBrand(db()).logo,
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
	},
	logo: async (event) => {
		const admin = authorize(event, 'admin');
		const file = (await event.request.formData()).get('logo');
		const upload = file instanceof File ? file : null;
		const bytes = new Uint8Array(upload ? await upload.arrayBuffer() : new ArrayBuffer(0));
		const saved = saveLogo(db(), { id: admin.id, email: admin.email }, upload, bytes);
		if (!saved.ok) return invalid({}, saved.errors, 'logo');
		return { logoSaved: true };
	},
	removeLogo: async (event) => {
		const admin = authorize(event, 'admin');
		removeLogo(db(), { id: admin.id, email: admin.email });
		return { logoRemoved: true };
	}
};
