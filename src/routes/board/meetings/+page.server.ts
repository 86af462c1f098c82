import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import {
	boardTimeGoal,
	monitoringCalendarOf,
	schoolYearOf,
	timeSharePerMeeting,
	timeSharePerYear
} from '$lib/server/meetings/meetings';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const d = db();
	const now = today();
	const perMeeting = timeSharePerMeeting(d);
	return {
		today: now,
		schoolYear: schoolYearOf(now).label,
		goal: boardTimeGoal(d),
		meetings: [...perMeeting].reverse(),
		years: timeSharePerYear(perMeeting),
		calendar: monitoringCalendarOf(d, now)
	};
};
