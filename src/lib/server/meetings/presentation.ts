import type { StateLevels } from '../../state-dashboard.ts';
import type { StandingData } from '../../wording.ts';
import type { Db } from '../db/open.ts';
import { headlineSummary } from '../priorities/summary.ts';
import type { Unit } from '../../format.ts';
import type { GroupTargetsData } from '../../charts/group-targets.ts';
import { breakYearsWithin, filledYears, type NotComparable } from '../../series-breaks.ts';
import { agendaOf, getMeeting, timeShareOf } from './meetings.ts';
import { updatesOfMeeting, visibleVersions } from './updates.ts';
import { questionsOfMeeting } from './questions.ts';

export interface PrioritySlide {
	kind: 'priority';
	priorityId: number;
	title: string;
	sponsor: string;
	trend: {
		/** The headline measure (records frozen before it was kept have none). */
		measureId?: number;
		name: string;
		nameEs?: string | null;
		unit: Unit;
		direction: 'higher' | 'lower';
		/** As presented, in English (records frozen before `standingData` was kept have only this). */
		standing: string;
		/** The standing as data, worded in the reader's language (wording.ts `standingText`). */
		standingData?: StandingData;
		points: {
			schoolYear: string;
			value: number | null;
			target: number | null;
			/** The state's color and levels (records frozen before they were kept have none). */
			state?: StateLevels | null;
		}[];
		/** Targets set for single student groups (records frozen before they were kept have none). */
		groupTargets?: GroupTargetsData[];
		/** Years a new series starts (a break: the line stops before them); older records have none. */
		breaks?: string[];
		/** The newest result does not compare with older ones: the year and why. */
		notComparable?: NotComparable | null;
	} | null;
	update: {
		status: 'on track' | 'watch' | 'off track';
		summary: string;
		learned: string;
		adjustments: string;
		narrative: string;
		nextSteps: string;
		version: number;
		state: 'shared' | 'published';
	} | null;
}

export type Slide =
	| { kind: 'title'; meetingTitle: string; heldOn: string; district: string; meetingKind: string }
	| {
			kind: 'agenda';
			items: { title: string; priority: string | null; minutes: number }[];
			percent: number | null;
	  }
	| PrioritySlide
	| { kind: 'closing'; open: number; answered: number };

/**
 * The slides of a meeting's presentation, built from live data: a title slide, the agenda, one
 * slide per active priority (its headline trend against targets and the update for this meeting
 * as the board may read it — never a draft), and a closing slide for questions.
 */
export function presentation(
	db: Db,
	meetingId: number
): {
	slides: Slide[];
	district: string;
	meeting: { heldOn: string; title: string; kind: string };
} | null {
	const meeting = getMeeting(db, meetingId);
	if (!meeting) return null;
	const summary = headlineSummary(db);
	const agenda = agendaOf(db, meetingId);
	const updates = updatesOfMeeting(db, meetingId);
	const questions = questionsOfMeeting(db, meetingId);
	const slides: Slide[] = [
		{
			kind: 'title',
			meetingTitle: meeting.title,
			heldOn: meeting.heldOn,
			meetingKind: meeting.kind,
			district: summary.district?.name ?? ''
		},
		{
			kind: 'agenda',
			items: agenda.map((a) => ({ title: a.title, priority: a.priorityTitle, minutes: a.minutes })),
			percent: timeShareOf(agenda).percent
		}
	];
	for (const { priority, headline } of summary.active) {
		const u = updates.find((x) => x.priorityId === priority.id);
		const v = u ? visibleVersions(u.versions, false)[0] : undefined;
		// Every year from the first to the last: a year without results is a gap on the chart.
		const years = headline
			? filledYears(
					[
						...headline.series,
						...headline.targets,
						...headline.groupTargets.flatMap((g) => g.targets)
					].map((p) => p.year)
				)
			: [];
		slides.push({
			kind: 'priority',
			priorityId: priority.id,
			title: priority.title,
			sponsor: priority.sponsor,
			trend: headline
				? {
						measureId: headline.id,
						name: headline.name,
						nameEs: headline.nameEs,
						unit: headline.unit,
						direction: headline.direction,
						standing: headline.standing.text,
						standingData: {
							kind: headline.standing.kind,
							year: headline.standing.year,
							gap: headline.standing.gap,
							...(headline.standing.next ? { next: headline.standing.next } : {}),
							...(headline.standing.groupsOnly ? { groupsOnly: true } : {})
						},
						...(headline.groupTargets.length
							? {
									groupTargets: headline.groupTargets.map((g) => ({
										name: g.name,
										nameEs: g.nameEs,
										targets: g.targets.map((t) => ({ year: t.year, value: t.value }))
									}))
								}
							: {}),
						points: years.map((year) => ({
							schoolYear: year,
							value: headline.series.find((s) => s.year === year)?.value ?? null,
							state: headline.series.find((s) => s.year === year)?.state ?? null,
							target: headline.targets.find((t) => t.year === year)?.value ?? null
						})),
						breaks: breakYearsWithin(headline.breaks, years),
						notComparable: headline.notComparable
					}
				: null,
			update: v
				? {
						status: v.status,
						summary: v.summary,
						learned: v.learned,
						adjustments: v.adjustments,
						narrative: v.narrative,
						nextSteps: v.nextSteps,
						version: v.version,
						state: v.state as 'shared' | 'published'
					}
				: null
		});
	}
	slides.push({
		kind: 'closing',
		open: questions.filter((q) => !q.answer).length,
		answered: questions.filter((q) => q.answer).length
	});
	return {
		slides,
		district: summary.district?.name ?? '',
		meeting: { heldOn: meeting.heldOn, title: meeting.title, kind: meeting.kind }
	};
}
