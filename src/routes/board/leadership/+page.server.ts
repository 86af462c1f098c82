import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { districtSettings } from '$lib/server/priorities/queries';
import { currentSchoolYear } from '$lib/server/implementation/queries';
import { leadershipOverview, roleFilter } from '$lib/server/leadership/queries';
import { leaderRoles } from '$lib/choices';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const database = db();
	const now = today();
	const params = event.url.searchParams;
	const role = roleFilter(params);
	const all = params.get('engagements') === 'all';
	const since = new Date(Date.parse(now) - 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
	const current = currentSchoolYear(database, now);
	const overview = leadershipOverview(database, now, {
		throughYear: current?.startYear,
		engagementsSince: all ? undefined : since
	});
	return {
		overview: { ...overview, seats: overview.seats.filter((s) => !role || s.role === role) },
		roles: leaderRoles,
		role,
		all,
		since,
		windowDays: districtSettings(database)?.engagementWindowDays ?? 90,
		today: now
	};
};
