import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/forms';
import { idOf } from '$lib/params';
import { goalPriorities, goalsOf, lcapVersion, lcapYears } from '$lib/server/lcap/queries';
import { annualUpdateOf, setMaterialThreshold } from '$lib/server/lcap/annual-update';
import { midYearReports } from '$lib/server/lcap/mid-year';
import { coherenceShare } from '$lib/server/lcap/coherence';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const years = lcapYears(db()).map((v) => v.year);
	const version = lcapVersion(db(), event.url.searchParams.get('year'));
	const imported = idOf(event.url.searchParams.get('imported'));
	const unchanged = event.url.searchParams.has('unchanged');
	if (!version) return { years, version: null, imported, unchanged, midYear: midYearReports(db()) };
	const goals = goalsOf(db(), version.id);
	const links = goalPriorities(
		db(),
		goals.map((g) => g.id)
	);
	const share = coherenceShare(db(), version.id);
	const au = annualUpdateOf(db(), version.id);
	return {
		years,
		version,
		imported,
		unchanged,
		goals: goals.map((g) => {
			const s = share.byGoal.find((x) => x.id === g.id)!;
			return {
				id: g.id,
				number: g.number,
				name: g.name,
				type: g.type,
				priorities: (links.get(g.id) ?? []).map((p) => p.title),
				actions: s.actions,
				carriedActions: s.carriedActions,
				cents: s.cents
			};
		}),
		threshold: au?.threshold ?? { percent: version.materialPercent, cents: version.materialCents },
		midYear: midYearReports(db())
	};
};

export const actions: Actions = {
	threshold: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const values = formValues(form);
		const versionId = idOf(String(values.versionId ?? ''));
		if (versionId === null) return fail(400, { values, errors: { form: ['This LCAP is gone.'] } });
		const saved = setMaterialThreshold(db(), { id: user.id, email: user.email }, versionId, values);
		if (!saved.ok) return invalid(values, saved.errors, 'threshold');
		redirect(303, `/manage/lcap?saved=threshold`);
	}
};
