import { error, fail } from '@sveltejs/kit';
import { idOf } from '$lib/params';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import {
	checkInGrid,
	getSchoolYear,
	getStructure,
	listStructures,
	parseCheckInGrid,
	saveCheckInGrid
} from '$lib/server/implementation/checkins';
import { currentSchoolYear, listSchoolYears } from '$lib/server/implementation/queries';
import { schoolTypes } from '$lib/choices';

const typeParam = z.enum(schoolTypes).nullable().catch(null);

export const load: PageServerLoad = async (event) => {
	authorize(event, 'edit');
	const database = db();
	const params = event.url.searchParams;
	const structures = listStructures(database);
	const years = listSchoolYears(database);
	const structureId = idOf(params.get('structure'));
	const yearId = idOf(params.get('year'));
	const structure = structures.find((s) => s.id === structureId) ?? structures[0] ?? null;
	const year = years.find((y) => y.id === yearId) ?? currentSchoolYear(database, today()) ?? null;
	const type = typeParam.parse(params.get('type') || null);
	const rows =
		structure && year
			? checkInGrid(database, structure.id, year.id).filter((r) => !type || r.school.type === type)
			: [];
	return {
		structures,
		years,
		types: schoolTypes,
		structure,
		year,
		type,
		rows
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = authorize(event, 'edit');
		const database = db();
		const form = await event.request.formData();
		const structureId = idOf(form.get('structure'));
		const yearId = idOf(form.get('year'));
		const structure = structureId ? getStructure(database, structureId) : undefined;
		const year = yearId ? getSchoolYear(database, yearId) : undefined;
		if (!structure || !year) error(400, 'Choose a structure and a school year first.');
		const schoolIds = checkInGrid(database, structure.id, year.id).map((r) => r.school.id);
		const parsed = parseCheckInGrid(form, schoolIds);
		if (!parsed.ok) {
			return fail(400, { values: parsed.values, errors: parsed.errors });
		}
		const saved = saveCheckInGrid(
			database,
			{ id: user.id, email: user.email },
			structure.id,
			year.id,
			parsed.rows
		);
		return { saved };
	}
};
