/**
 * Board meetings with their agendas (minutes per item), the monitoring calendar, the
 * superintendent's progress updates with their versions, and the board's questions.
 */
import { type UpdateStatus } from '../../choices.ts';
import { measurePlans, priorityPlans } from './catalog.ts';
import { inserter, type Context } from './context.ts';
import { addDays, nthWeekday, yearLabel } from './dates.ts';
import { otherAgendaItems } from './names.ts';
import { boardQuestionTexts, revisionNote, updateText } from './narratives.ts';
import { districtValue, targetValue } from './results.ts';
import { formatValue, type Unit } from '../../format.ts';

interface Meeting {
	id: number;
	heldOn: string;
	kind: 'regular' | 'special' | 'study session';
	year: number;
	month: number;
}

interface Due {
	priority: string;
	meeting: Meeting;
}

const LOCATION = 'Board Room, District Office, 1200 Valley Avenue';

/** Ten regular meetings (September–June), a January study session and the June LCAP meeting. */
function meetingDates(year: number): Omit<Meeting, 'id'>[] {
	const dates: Omit<Meeting, 'id'>[] = [];
	for (const month of [9, 10, 11, 12, 1, 2, 3, 4, 5, 6]) {
		const calendarYear = month >= 7 ? year : year + 1;
		dates.push({ heldOn: nthWeekday(calendarYear, month, 4, 2), kind: 'regular', year, month });
		if (month === 1)
			dates.push({ heldOn: nthWeekday(calendarYear, 1, 4, 4), kind: 'study session', year, month });
		if (month === 6)
			dates.push({ heldOn: nthWeekday(calendarYear, 6, 4, 4), kind: 'special', year, month });
	}
	return dates;
}

function activeIn(context: Context, key: string, year: number): boolean {
	const span = context.priorityYears.get(key)!;
	return span.adopted <= year && year <= span.last;
}

function priorityTitle(key: string): string {
	return priorityPlans.find((plan) => plan.key === key)!.title;
}

/** Last year's calendar; earlier years: each running priority reports in November and April. */
const lastYearSchedule: Record<string, { month: number; kind: Meeting['kind'] }[]> = {
	literacy: [
		{ month: 10, kind: 'regular' },
		{ month: 2, kind: 'regular' },
		{ month: 5, kind: 'regular' }
	],
	math: [
		{ month: 11, kind: 'regular' },
		{ month: 3, kind: 'regular' },
		{ month: 6, kind: 'regular' }
	],
	attendance: [
		{ month: 9, kind: 'regular' },
		{ month: 1, kind: 'regular' },
		{ month: 4, kind: 'regular' },
		{ month: 6, kind: 'special' }
	]
};

function dueUpdates(context: Context, meetings: Meeting[]): Due[] {
	const due: Due[] = [];
	for (const meeting of meetings) {
		for (const plan of priorityPlans) {
			if (!activeIn(context, plan.key, meeting.year)) continue;
			const scheduled =
				meeting.year === context.lastYear
					? (lastYearSchedule[plan.key] ?? []).some(
							(s) => s.month === meeting.month && s.kind === meeting.kind
						)
					: meeting.kind === 'regular' && (meeting.month === 11 || meeting.month === 4);
			if (scheduled) due.push({ priority: plan.key, meeting });
		}
	}
	return due;
}

function title(meeting: Omit<Meeting, 'id'>, studyPriority: string | null): string {
	if (meeting.kind === 'study session')
		return `Study session: ${studyPriority ? priorityTitle(studyPriority) : 'Instructional priorities'}`;
	if (meeting.kind === 'special') return 'Special meeting: LCAP and budget adoption';
	return 'Regular meeting';
}

function studyPriorityFor(context: Context, year: number): string | null {
	const running = priorityPlans.filter((plan) => activeIn(context, plan.key, year));
	return running.length ? running[year % running.length].key : null;
}

function addAgenda(
	context: Context,
	meeting: Meeting,
	due: Due[],
	studyPriority: string | null
): void {
	const { random } = context;
	const insert = inserter(context.db, 'agenda_item', [
		'meeting_id',
		'priority_id',
		'title',
		'minutes',
		'sort_order'
	]);
	let order = 0;
	const item = (priority: string | null, text: string, minutes: number) =>
		insert(
			meeting.id,
			priority ? context.priorityIds.get(priority)! : null,
			text,
			minutes,
			++order
		);
	if (meeting.kind === 'study session') {
		item(null, 'Public comment', random.int(5, 15));
		if (studyPriority)
			item(studyPriority, `Study session: ${priorityTitle(studyPriority)}`, random.int(90, 120));
		return;
	}
	item(null, 'Public comment', random.int(10, 30));
	if (meeting.kind === 'special') {
		item(null, 'Public hearing: Local Control and Accountability Plan', random.int(40, 60));
		item(null, 'Adoption of the budget', random.int(25, 45));
	} else {
		item(null, 'Consent agenda', random.int(5, 15));
	}
	for (const d of due)
		item(d.priority, `Progress update: ${priorityTitle(d.priority)}`, random.int(25, 45));
	const running = priorityPlans.filter((plan) => activeIn(context, plan.key, meeting.year));
	if (meeting.kind === 'regular' && running.length && random.chance(0.3)) {
		const plan = random.pick(running);
		item(plan.key, `Discussion: ${plan.title}`, random.int(15, 30));
	}
	if (meeting.kind === 'regular') {
		for (const text of random.shuffle(otherAgendaItems.slice(2)).slice(0, random.int(1, 3))) {
			item(null, text, random.int(15, 45));
		}
	}
}

function statusOf(
	value: number,
	target: number | null,
	direction: 'higher' | 'lower',
	step: number
): UpdateStatus {
	if (target === null) return 'watch';
	const ahead = direction === 'higher' ? value - target : target - value;
	if (ahead >= 0) return 'on track';
	return ahead >= -step ? 'watch' : 'off track';
}

type VersionPlan = { state: 'draft' | 'shared' | 'published'; revised?: boolean }[];

/** The special cases of the last year: a revised update, one shared with the board, one draft. */
function versionsFor(context: Context, d: Due): VersionPlan {
	if (d.meeting.year !== context.lastYear) return [{ state: 'published' }];
	if (d.priority === 'literacy' && d.meeting.month === 2)
		return [{ state: 'published' }, { state: 'draft', revised: true }];
	if (d.priority === 'math' && d.meeting.month === 6) return [{ state: 'shared' }];
	if (d.meeting.heldOn > context.today) return [{ state: 'draft' }];
	return [{ state: 'published' }];
}

function addUpdate(context: Context, d: Due, index: number): number {
	const insertUpdate = inserter(context.db, 'progress_update', [
		'priority_id',
		'meeting_id',
		'created_at'
	]);
	const insertVersion = inserter(context.db, 'progress_update_version', [
		'update_id',
		'version',
		'state',
		'status',
		'summary',
		'summary_es',
		'narrative',
		'narrative_es',
		'learned',
		'learned_es',
		'adjustments',
		'adjustments_es',
		'next_steps',
		'next_steps_es',
		'speaker_notes',
		'evidence_measure_ids',
		'author_id',
		'published_at',
		'published_by',
		'created_at',
		'updated_at'
	]);
	const headline = measurePlans.find((plan) => plan.priority === d.priority && plan.headline)!;
	const evidenceYear = Math.max(context.firstYear, d.meeting.year - 1);
	const value = districtValue(context, headline.code, evidenceYear) ?? headline.base;
	const target = targetValue(context, headline.code, evidenceYear);
	const status = statusOf(value, target, headline.direction, headline.targetStep);
	const text = updateText({
		priority: d.priority,
		status,
		measureName: headline.name,
		measureNameEs: headline.nameEs,
		unit: headline.unit,
		value,
		target,
		yearLabel: yearLabel(evidenceYear),
		variant: index
	});
	const evidence = JSON.stringify(
		measurePlans
			.filter((plan) => plan.priority === d.priority)
			.map((plan) => context.measureIds.get(plan.code)!)
	);
	const createdOn = addDays(d.meeting.heldOn, -12);
	const updateId = insertUpdate(
		context.priorityIds.get(d.priority)!,
		d.meeting.id,
		`${createdOn}T17:00:00.000Z`
	);
	const author = context.users.superintendent;
	versionsFor(context, d).forEach((version, i) => {
		const published = version.state === 'published';
		const publishedAt = published ? `${addDays(d.meeting.heldOn, -4)}T17:00:00.000Z` : null;
		const created = version.revised
			? `${addDays(d.meeting.heldOn, 20)}T17:00:00.000Z`
			: `${createdOn}T17:00:00.000Z`;
		const narrative = version.revised ? `${revisionNote.en} ${text.narrative}` : text.narrative;
		const narrativeEs = version.revised
			? `${revisionNote.es} ${text.narrativeEs}`
			: text.narrativeEs;
		insertVersion(
			updateId,
			i + 1,
			version.state,
			status,
			text.summary,
			text.summaryEs,
			narrative,
			narrativeEs,
			text.learned,
			text.learnedEs,
			text.adjustments,
			text.adjustmentsEs,
			text.nextSteps,
			text.nextStepsEs,
			speakerNotes(headline.name, value, target, headline.unit),
			evidence,
			author,
			publishedAt,
			published ? author : null,
			created,
			publishedAt ?? created
		);
	});
	return updateId;
}

/** What the superintendent says with the slide (board and staff only, never public). */
function speakerNotes(measure: string, value: number, target: number | null, unit: Unit): string {
	const gap =
		target === null
			? 'there is no target for that year'
			: `the target was ${formatValue(target, unit)}`;
	return (
		`Open with the ${measure} figure: ${formatValue(value, unit)} last year; ${gap}. ` +
		'Name the schools discussed at the principals’ meeting, then pause for questions before the next steps.'
	);
}

/** A few questions: most answered; one unanswered for weeks (a signal), one asked this week. */
function addBoardQuestions(context: Context, updates: { due: Due; id: number }[]): void {
	const insert = inserter(context.db, 'board_question', [
		'update_id',
		'asked_by',
		'question',
		'asked_at',
		'answer',
		'answered_by',
		'answered_at'
	]);
	const board = context.users.board;
	const asker = (i: number) => (board.length ? board[i % board.length] : null);
	const find = (priority: string, month: number, year = context.lastYear) =>
		updates.find(
			(u) =>
				u.due.priority === priority && u.due.meeting.month === month && u.due.meeting.year === year
		);
	const picks: {
		update: (typeof updates)[number] | undefined;
		text: number;
		askedOn: string | null;
	}[] = [
		{ update: find('literacy', 10), text: 0, askedOn: null },
		{ update: find('math', 3), text: 1, askedOn: null },
		{ update: find('attendance', 4), text: 2, askedOn: addDays(context.today, -26) },
		{ update: find('math', 6), text: 3, askedOn: addDays(context.today, -2) }
	];
	for (let year = context.firstYear; year < context.lastYear; year++) {
		picks.push({
			update: updates.find((u) => u.due.meeting.year === year),
			text: 4 + (year % 3),
			askedOn: null
		});
	}
	picks.forEach((pick, i) => {
		if (!pick.update) return;
		const q = boardQuestionTexts[pick.text];
		const askedOn = pick.askedOn ?? addDays(pick.update.due.meeting.heldOn, -2);
		const answered = q.answer !== null;
		const answeredOn = addDays(askedOn, 6);
		insert(
			pick.update.id,
			asker(i),
			q.question,
			`${askedOn}T19:30:00.000Z`,
			q.answer,
			answered ? context.users.superintendent : null,
			answered ? `${answeredOn}T18:00:00.000Z` : null
		);
	});
}

export function addMeetings(context: Context): void {
	const insertMeeting = inserter(context.db, 'board_meeting', [
		'held_on',
		'kind',
		'title',
		'location',
		'created_at'
	]);
	const meetings: Meeting[] = [];
	const studyPriorities = new Map<number, string | null>();
	for (let year = context.firstYear; year <= context.lastYear; year++) {
		studyPriorities.set(year, studyPriorityFor(context, year));
		for (const m of meetingDates(year)) {
			const id = insertMeeting(
				m.heldOn,
				m.kind,
				title(m, studyPriorities.get(year)!),
				LOCATION,
				`${addDays(m.heldOn, -21)}T16:00:00.000Z`
			);
			meetings.push({ id, ...m });
		}
	}
	const due = dueUpdates(context, meetings);
	const calendar = inserter(context.db, 'monitoring_due', ['priority_id', 'meeting_id']);
	for (const d of due) calendar(context.priorityIds.get(d.priority)!, d.meeting.id);
	for (const meeting of meetings) {
		addAgenda(
			context,
			meeting,
			due.filter((d) => d.meeting === meeting),
			studyPriorities.get(meeting.year)!
		);
	}
	const updates = due.map((d, index) => ({ due: d, id: addUpdate(context, d, index) }));
	addBoardQuestions(context, updates);
}
