import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { currentSchoolYear } from '$lib/server/school-years';
import {
	boardTimeGoal,
	monitoringCalendarOf,
	timeSharePerMeeting,
	timeSharePerYear
} from '$lib/server/meetings/meetings';
import { serverSecret } from '$lib/server/auth/server';
import { calendarFeedPath } from '$lib/server/calendar/link';

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'board');
	const d = db();
	const now = today();
	const perMeeting = timeSharePerMeeting(d);
	const years = timeSharePerYear(perMeeting);
	const current = currentSchoolYear(d, now).label;
	const asked = event.url.searchParams.get('year');
	const schoolYear =
		asked && years.some((y) => y.schoolYear === asked)
			? asked
			: years.some((y) => y.schoolYear === current) || years.length === 0
				? current
				: years[years.length - 1].schoolYear;
	return {
		today: now,
		currentYear: current,
		schoolYear,
		goal: boardTimeGoal(d),
		meetings: perMeeting.filter((m) => m.schoolYear === schoolYear).reverse(),
		years,
		calendar: monitoringCalendarOf(d, now, schoolYear),
		// The person's own signed feed: a calendar app fetches it without signing in.
		calendarLink: event.url.origin + calendarFeedPath(serverSecret(), user.id)
	};
};
