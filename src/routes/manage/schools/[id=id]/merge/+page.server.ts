import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { schoolOf } from '../../school.server';
import { db } from '$lib/server/db';
import {
	getSchool,
	mergeCandidates,
	mergePlan,
	mergeSchools,
	schoolTypeChoices
} from '$lib/server/schools/manage';

export const load: PageServerLoad = (event) => {
	authorize(event, 'edit');
	const school = schoolOf(event.params.id);
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const withId = Number(event.url.searchParams.get('with'));
	const other = Number.isInteger(withId) && withId !== school.id ? getSchool(db(), withId) : null;
	// The record to keep by default: the one with what the directory gives (type, grades).
	const fuller = (s: NonNullable<typeof other>) =>
		(s.type !== 'other' ? 2 : 0) + (s.gradeSpan ? 1 : 0) + (s.openedOn ? 1 : 0);
	const plan = other ? mergePlan(db(), school.id, other.id) : undefined;
	return {
		school,
		types: schoolTypeChoices,
		q,
		candidates: other ? [] : mergeCandidates(db(), school.id, q),
		other: other ?? null,
		// Counts of both records, whichever is kept.
		here: other ? mergePlan(db(), other.id, school.id)!.moves : null,
		there: plan?.moves ?? null,
		conflicts: plan?.conflicts ?? [],
		keep: other ? (fuller(other) >= fuller(school) ? other.id : school.id) : null
	};
};

export const actions: Actions = {
	merge: async (event) => {
		const user = authorize(event, 'edit');
		const school = schoolOf(event.params.id);
		const form = await event.request.formData();
		const other = Number(form.get('with'));
		const keep = Number(form.get('keep'));
		if (!Number.isInteger(other) || (keep !== other && keep !== school.id)) {
			return fail(400, { reason: 'Choose which record to keep.', conflicts: [] as string[] });
		}
		const remove = keep === school.id ? other : school.id;
		const merged = mergeSchools(db(), { id: user.id, email: user.email }, remove, keep);
		if (!merged.ok) return fail(400, { reason: merged.reason, conflicts: merged.conflicts });
		const { keep: kept, remove: gone } = merged.plan;
		redirect(
			303,
			`/manage/schools/${kept.id}?saved=merged&from=${encodeURIComponent(`${gone.name} (${gone.cdsCode})`)}`
		);
	}
};
