import type { PageServerLoad } from './$types';
import { idOf, pageOf } from '$lib/params';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import {
	feedbackOptions,
	listFeedback,
	loopDays,
	loopsPerMonth,
	summarizeLoops,
	type FeedbackFilter
} from '$lib/server/feedback/feedback';
import { districtSettings } from '$lib/server/priorities/queries';

const pageSize = 50;

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const d = db();
	const now = today();
	const q = event.url.searchParams;
	const state = q.get('state');
	const filter: FeedbackFilter = {
		structureId: idOf(q.get('structure')) ?? undefined,
		schoolId: idOf(q.get('school')) ?? undefined,
		state: state === 'open' || state === 'closed' ? state : undefined
	};
	const openDays = districtSettings(d)?.feedbackOpenDays ?? 30;
	const rows = listFeedback(d, filter);
	const page = pageOf(q.get('page'));
	return {
		filter: {
			structure: filter.structureId ?? null,
			school: filter.schoolId ?? null,
			state: filter.state ?? null
		},
		options: feedbackOptions(d),
		openDays,
		summary: summarizeLoops(rows, now, openDays),
		months: loopsPerMonth(rows),
		page,
		pages: Math.max(1, Math.ceil(rows.length / pageSize)),
		rows: rows.slice((page - 1) * pageSize, page * pageSize).map((r) => ({
			id: r.id,
			schoolName: r.schoolName,
			structureName: r.structureName,
			kind: r.kind,
			summary: r.summary,
			source: r.source,
			reportedOn: r.reportedOn,
			response: r.response,
			respondedOn: r.respondedOn,
			days: loopDays(r, now),
			tooLong: r.respondedOn === null && loopDays(r, now) > openDays
		}))
	};
};
