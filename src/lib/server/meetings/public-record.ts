import type { NotComparable } from '../../series-breaks.ts';
import type { StandingData } from '../../wording.ts';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { priorities } from '../db/schema/priorities.ts';
import { district } from '../db/schema/district.ts';
import { districtSeries } from '../priorities/queries.ts';
import { districtSettings } from '../settings/index.ts';
import type { Unit } from '../../format.ts';
import { agendaOf, getMeeting, timeShareOf, type TimeShare } from './meetings.ts';
import { heldMeetings } from './held.ts';
import type { PrioritySlide } from './presentation.ts';
import { meetingRecord } from './snapshots.ts';
import { publishedUpdates, type PublishedUpdate } from './updates.ts';

export interface RecordPoint {
	schoolYear: string;
	value: number | null;
	target: number | null;
	/** Hidden: the group is now under the suppression size. */
	suppressed: boolean;
}

export interface PublicRecordPriority {
	priorityId: number;
	/** For the link to the priority's page; null if the priority has since been removed. */
	slug: string | null;
	title: string;
	titleEs: string | null;
	sponsor: string;
	trend: {
		name: string;
		nameEs: string | null;
		unit: Unit;
		direction: 'higher' | 'lower';
		standing: string;
		standingData: StandingData | null;
		points: RecordPoint[];
		/** Years a new series starts, as frozen (records frozen before breaks were kept have none). */
		breaks: string[];
		notComparable: NotComparable | null;
	} | null;
	/** The update published for this meeting; never a draft or a version shared only with the board. */
	update: PublishedUpdate | null;
}

export interface PublicMeetingRecord {
	meeting: {
		id: number;
		heldOn: string;
		kind: string;
		title: string;
		location: string | null;
		heldAt: string;
	};
	district: string;
	frozenAt: string;
	agenda: {
		title: string;
		priorityTitle: string | null;
		priorityTitleEs: string | null;
		prioritySlug: string | null;
		minutes: number;
	}[];
	share: TimeShare;
	priorities: PublicRecordPriority[];
	suppressionSize: number;
}

/**
 * A held meeting's public record (/meetings/[id] and its PDF): the agenda with the priorities
 * its items are tied to, and for each priority what the board was shown — the frozen record's
 * figures, with today's suppression applied again (a group now under the suppression size is
 * hidden) — beside the update published for the meeting. Board-only material stays out: an
 * update the record holds only as shared with the board, the board's questions, speaker notes
 * (the record never holds them). Null for a meeting not marked held: the public has no page.
 */
export function publicMeetingRecord(db: Db, meetingId: number): PublicMeetingRecord | null {
	const meeting = getMeeting(db, meetingId);
	if (!meeting?.heldAt) return null;
	const record = meetingRecord(db, meetingId);
	if (!record) return null;
	const suppressionSize = districtSettings(db)?.suppressionSize ?? 10;
	const slides = record.deck.slides.filter((s): s is PrioritySlide => s.kind === 'priority');
	const agenda = agendaOf(db, meetingId);
	const ids = [
		...new Set([
			...slides.map((s) => s.priorityId),
			...agenda.flatMap((a) => (a.priorityId === null ? [] : [a.priorityId]))
		])
	];
	const live = new Map(
		(ids.length
			? db
					.select({ id: priorities.id, slug: priorities.slug, titleEs: priorities.titleEs })
					.from(priorities)
					.where(inArray(priorities.id, ids))
					.all()
			: []
		).map((p) => [p.id, p])
	);
	const published = new Map(
		publishedUpdates(db, { meetingId }).map((u) => [u.priorityId, u] as const)
	);
	const measureIds = slides.flatMap((s) => (s.trend?.measureId ? [s.trend.measureId] : []));
	const today = districtSeries(db, measureIds, suppressionSize);
	return {
		meeting: {
			id: meeting.id,
			heldOn: meeting.heldOn,
			kind: meeting.kind,
			title: meeting.title,
			location: meeting.location,
			heldAt: meeting.heldAt
		},
		district:
			record.deck.district || (db.select({ name: district.name }).from(district).get()?.name ?? ''),
		frozenAt: record.frozenAt,
		agenda: agenda.map((a) => ({
			title: a.title,
			priorityTitle: a.priorityTitle,
			priorityTitleEs: a.priorityId === null ? null : (live.get(a.priorityId)?.titleEs ?? null),
			prioritySlug: a.priorityId === null ? null : (live.get(a.priorityId)?.slug ?? null),
			minutes: a.minutes
		})),
		share: timeShareOf(agenda),
		priorities: slides.map((s) => {
			const suppressedNow = new Set(
				(s.trend?.measureId ? (today.get(s.trend.measureId) ?? []) : [])
					.filter((r) => r.suppressed)
					.map((r) => r.year)
			);
			return {
				priorityId: s.priorityId,
				slug: live.get(s.priorityId)?.slug ?? null,
				title: s.title,
				titleEs: live.get(s.priorityId)?.titleEs ?? null,
				sponsor: s.sponsor,
				trend: s.trend
					? {
							name: s.trend.name,
							nameEs: s.trend.nameEs ?? null,
							unit: s.trend.unit,
							direction: s.trend.direction,
							standing: s.trend.standing,
							standingData: s.trend.standingData ?? null,
							breaks: s.trend.breaks ?? [],
							notComparable: s.trend.notComparable ?? null,
							points: s.trend.points.map((p) =>
								suppressedNow.has(p.schoolYear)
									? { ...p, value: null, state: null, suppressed: true }
									: { ...p, suppressed: false }
							)
						}
					: null,
				update: published.get(s.priorityId) ?? null
			};
		}),
		suppressionSize
	};
}

/** The public list of held meetings, newest first. */
export function publicMeetingList(db: Db) {
	const items = heldMeetings(db);
	const counts = new Map<number, number>();
	for (const u of publishedUpdates(db)) counts.set(u.meetingId, (counts.get(u.meetingId) ?? 0) + 1);
	return items.map((m) => ({
		id: m.id,
		heldOn: m.heldOn,
		kind: m.kind,
		title: m.title,
		publishedUpdates: counts.get(m.id) ?? 0
	}));
}
