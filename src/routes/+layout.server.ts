import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { siteBrand } from '$lib/server/settings/logo';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return {
		brand: siteBrand(db()),
		user: user ? { name: user.name, role: user.role } : null,
		nav: {
			board: can(user, 'board'),
			edit: can(user, 'edit'),
			admin: can(user, 'admin')
		}
	};
};
