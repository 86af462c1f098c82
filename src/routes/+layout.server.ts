import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/auth/guard';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return {
		user: user ? { name: user.name, role: user.role } : null,
		nav: {
			board: can(user, 'board'),
			edit: can(user, 'edit'),
			admin: can(user, 'admin')
		}
	};
};
