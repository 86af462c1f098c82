import type { PageServerLoad } from './$types';
import { env } from '$env/dynamic/private';
import { db } from '$lib/server/db';
import { districtSettings } from '$lib/server/priorities/queries';

export const load: PageServerLoad = async () => {
	// The district has no contact field yet: an address can be given in ACCESSIBILITY_CONTACT;
	// without one the page points readers to the district office.
	const email = env.ACCESSIBILITY_CONTACT?.trim() || null;
	return { district: districtSettings(db())?.name ?? null, email };
};
