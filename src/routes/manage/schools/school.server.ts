// What the school's pages (edit, merge) share: the school the address names, or a 404.
import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { getSchool } from '$lib/server/schools/manage';

export function schoolOf(id: string) {
	const school = getSchool(db(), Number(id));
	if (!school) error(404, 'There is no such school.');
	return school;
}
