import { byText } from '../../collate.ts';
import { byName } from '../db/sort.ts';
// Leadership continuity: leader tenures, the engagement log, and the continuity overview.

import { deleteRecorded, insertRecorded, updateRecorded } from '../audit/rows.ts';
import { engagementKinds, leaderRoles } from '../../choices.ts';
import { and, asc, count, desc, eq, gte, lte, max, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { schools, schoolYears } from '../db/schema/district.ts';
import { engagements, leaderTenures } from '../db/schema/leadership.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	averageTenure,
	daysBetween,
	seatKey,
	tenureYears,
	tenuresInYear,
	turnover,
	type SeatRole,
	type Tenure,
	type TurnoverYear
} from './measures.ts';
import type { EngagementRow } from '../../leadership/engagements.ts';

export interface TenureRow extends Tenure {
	schoolName: string | null;
	priorityTitle: string | null;
}

/** The seat a list is narrowed to by its `role` parameter: none for all, or one not known. */
export function roleFilter(params: URLSearchParams): SeatRole | null {
	return z
		.enum(leaderRoles)
		.nullable()
		.catch(null)
		.parse(params.get('role') || null);
}

/** What the continuity measures read of a tenure (leadership/measures.ts). */
const tenureColumns = {
	id: leaderTenures.id,
	role: leaderTenures.role,
	personName: leaderTenures.personName,
	schoolId: leaderTenures.schoolId,
	priorityId: leaderTenures.priorityId,
	startedOn: leaderTenures.startedOn,
	endedOn: leaderTenures.endedOn
};

/** The tenures `where` picks (all if none), as the continuity measures read them. */
export function tenuresWhere(db: Db, where?: SQL): Tenure[] {
	return db.select(tenureColumns).from(leaderTenures).where(where).all();
}

export function listTenures(db: Db, filter: { role?: SeatRole | null } = {}): TenureRow[] {
	return db
		.select({
			...tenureColumns,
			schoolName: schools.name,
			priorityTitle: priorities.title
		})
		.from(leaderTenures)
		.leftJoin(schools, eq(leaderTenures.schoolId, schools.id))
		.leftJoin(priorities, eq(leaderTenures.priorityId, priorities.id))
		.where(filter.role ? eq(leaderTenures.role, filter.role) : undefined)
		.orderBy(
			asc(leaderTenures.role),
			byName(schools.name),
			byName(priorities.title),
			desc(leaderTenures.startedOn)
		)
		.all();
}

const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
	.refine((v) => !Number.isNaN(Date.parse(v)), 'Enter a real date.');

const optionalId = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : Number(v)))
	.refine((v) => v === null || (Number.isInteger(v) && v > 0), 'Choose from the list.');

export const tenureInput = z
	.object({
		role: z.enum(leaderRoles, 'Choose a role.'),
		personName: z
			.string()
			.trim()
			.min(1, 'Enter the leader’s name.')
			.max(120, 'Keep the name under 120 characters.'),
		schoolId: optionalId,
		priorityId: optionalId,
		startedOn: isoDate,
		endedOn: z.union([z.literal('').transform(() => null), isoDate])
	})
	.superRefine((t, ctx) => {
		if (t.role === 'principal' && t.schoolId == null)
			ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'Choose the school.' });
		if (t.role === 'sponsor' && t.priorityId == null)
			ctx.addIssue({ code: 'custom', path: ['priorityId'], message: 'Choose the priority.' });
		if (t.endedOn && t.endedOn < t.startedOn)
			ctx.addIssue({
				code: 'custom',
				path: ['endedOn'],
				message: 'The end date must be on or after the start date.'
			});
	})
	.transform((t) => ({
		...t,
		// Only the place that belongs to the role is kept.
		schoolId: t.role === 'principal' ? t.schoolId : null,
		priorityId: t.role === 'sponsor' ? t.priorityId : null
	}));
export type TenureInput = z.infer<typeof tenureInput>;

export function createTenure(db: Db, actor: Actor, input: TenureInput) {
	return insertRecorded(db, actor, leaderTenures, 'leader_tenure', input);
}

export function updateTenure(db: Db, actor: Actor, id: number, input: TenureInput) {
	return updateRecorded(db, actor, leaderTenures, 'leader_tenure', id, () => input);
}

export function deleteTenure(db: Db, actor: Actor, id: number): boolean {
	return deleteRecorded(db, actor, leaderTenures, 'leader_tenure', id);
}

export const engagementInput = z.object({
	priorityId: z.coerce
		.number('Choose the priority.')
		.int('Choose the priority.')
		.positive('Choose the priority.'),
	leaderName: z
		.string()
		.trim()
		.min(1, 'Enter who took part.')
		.max(120, 'Keep the name under 120 characters.'),
	leaderRole: z.string().trim().max(120, 'Keep the role under 120 characters.'),
	kind: z.enum(engagementKinds, 'Choose what kind of engagement it was.'),
	occurredOn: isoDate,
	schoolId: optionalId,
	note: z
		.string()
		.trim()
		.max(500, 'Keep the note under 500 characters.')
		.transform((v) => v || null)
});
export type EngagementInput = z.infer<typeof engagementInput>;

export function createEngagement(db: Db, actor: Actor, input: EngagementInput) {
	return insertRecorded(db, actor, engagements, 'engagement', input);
}

export function deleteEngagement(db: Db, actor: Actor, id: number): boolean {
	return deleteRecorded(db, actor, engagements, 'engagement', id);
}

/** The engagement log, newest first, with each one's priority and school: `where` picks which. */
function engagementLog(db: Db, where: SQL | undefined) {
	return db
		.select({
			id: engagements.id,
			priorityId: engagements.priorityId,
			priorityTitle: priorities.title,
			leaderName: engagements.leaderName,
			leaderRole: engagements.leaderRole,
			kind: engagements.kind,
			occurredOn: engagements.occurredOn,
			schoolName: schools.name,
			note: engagements.note
		})
		.from(engagements)
		.innerJoin(priorities, eq(engagements.priorityId, priorities.id))
		.leftJoin(schools, eq(engagements.schoolId, schools.id))
		.where(where)
		.orderBy(desc(engagements.occurredOn), desc(engagements.id));
}

export const engagementPageSize = 25;

/** The engagement log, newest first, filtered by priority, a page at a time. */
export function listEngagements(
	db: Db,
	filter: { priorityId?: number | null; page?: number; from?: string } = {}
): { rows: EngagementRow[]; total: number; page: number; pages: number } {
	const conditions: SQL[] = [];
	if (filter.priorityId) conditions.push(eq(engagements.priorityId, filter.priorityId));
	if (filter.from) conditions.push(gte(engagements.occurredOn, filter.from));
	const where = conditions.length ? and(...conditions) : undefined;
	const total = db.select({ n: count() }).from(engagements).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / engagementPageSize));
	const page = Math.min(Math.max(1, filter.page ?? 1), pages);
	const rows = engagementLog(db, where)
		.limit(engagementPageSize)
		.offset((page - 1) * engagementPageSize)
		.all();
	return { rows, total, page, pages };
}

export interface Seat {
	key: string;
	role: SeatRole;
	label: string;
	/** Per year (same order as `years`): the names of who held the seat during that year. */
	holders: string[][];
}

export interface PriorityTimeline {
	priority: { id: number; title: string; status: string; sponsor: string };
	engagements: EngagementRow[];
	lastOn: string | null;
	daysSinceLast: number | null;
}

export interface LeadershipOverview {
	years: { id: number; label: string; startYear: number }[];
	seats: Seat[];
	turnover: (TurnoverYear & { label: string; byRole: Record<SeatRole, TurnoverYear> })[];
	averageTenure: Record<SeatRole | 'all', { years: number | null; tenures: number }>;
	timelines: PriorityTimeline[];
}

const roleOrder: Record<SeatRole, number> = { superintendent: 0, sponsor: 1, principal: 2 };

/** Everything the board's leadership continuity page shows, up to and including `throughYear`. */
export function leadershipOverview(
	db: Db,
	today: string,
	options: { throughYear?: number; engagementsSince?: string } = {}
): LeadershipOverview {
	const years = db
		.select({ id: schoolYears.id, label: schoolYears.label, startYear: schoolYears.startYear })
		.from(schoolYears)
		.where(
			options.throughYear != null ? lte(schoolYears.startYear, options.throughYear) : undefined
		)
		.orderBy(asc(schoolYears.startYear))
		.all();
	const tenures = listTenures(db);
	const allPriorities = db
		.select({
			id: priorities.id,
			title: priorities.title,
			status: priorities.status,
			sponsor: priorities.sponsor,
			sortOrder: priorities.sortOrder
		})
		.from(priorities)
		.orderBy(asc(priorities.sortOrder), byName(priorities.title))
		.all();

	// Seats: the superintendency, each priority's sponsorship, each school's principalship.
	const seatsByKey = new Map<
		string,
		{ role: SeatRole; label: string; sort: string; tenures: TenureRow[] }
	>();
	for (const t of tenures) {
		const key = seatKey(t);
		let seat = seatsByKey.get(key);
		if (!seat) {
			const label =
				t.role === 'superintendent'
					? 'Superintendent'
					: t.role === 'sponsor'
						? (t.priorityTitle ?? 'A priority')
						: (t.schoolName ?? 'A school');
			const sort =
				t.role === 'sponsor'
					? String(allPriorities.findIndex((p) => p.id === t.priorityId)).padStart(4, '0')
					: (t.schoolName ?? '');
			seat = { role: t.role, label, sort, tenures: [] };
			seatsByKey.set(key, seat);
		}
		seat.tenures.push(t);
	}
	const seats: Seat[] = [...seatsByKey.entries()]
		.sort(([, a], [, b]) => roleOrder[a.role] - roleOrder[b.role] || byText(a.sort, b.sort))
		.map(([key, seat]) => ({
			key,
			role: seat.role,
			label: seat.label,
			holders: years.map((y) =>
				tenuresInYear(seat.tenures, y.startYear)
					.sort((a, b) => a.startedOn.localeCompare(b.startedOn))
					.map((t) => t.personName)
			)
		}));

	const roles: SeatRole[] = ['superintendent', 'sponsor', 'principal'];
	const turnoverRows = years.map((y) => ({
		...turnover(tenures, y.startYear),
		label: y.label,
		byRole: Object.fromEntries(
			roles.map((r) => [
				r,
				turnover(
					tenures.filter((t) => t.role === r),
					y.startYear
				)
			])
		) as Record<SeatRole, TurnoverYear>
	}));

	const tenureAverage = (list: Tenure[]) => ({
		years: averageTenure(list, today),
		tenures: list.length
	});
	const started = tenures.filter((t) => t.startedOn <= today);
	const average = {
		all: tenureAverage(started),
		superintendent: tenureAverage(started.filter((t) => t.role === 'superintendent')),
		sponsor: tenureAverage(started.filter((t) => t.role === 'sponsor')),
		principal: tenureAverage(started.filter((t) => t.role === 'principal'))
	};

	const log = engagementLog(
		db,
		options.engagementsSince ? gte(engagements.occurredOn, options.engagementsSince) : undefined
	).all();
	const lastOn = new Map(
		db
			.select({ priorityId: engagements.priorityId, occurredOn: engagements.occurredOn })
			.from(engagements)
			.where(lte(engagements.occurredOn, today))
			.orderBy(asc(engagements.occurredOn))
			.all()
			.map((r) => [r.priorityId, r.occurredOn])
	);
	const timelines = allPriorities
		.filter((p) => p.status === 'active' || log.some((e) => e.priorityId === p.id))
		.map((p) => {
			const last = lastOn.get(p.id) ?? null;
			return {
				priority: { id: p.id, title: p.title, status: p.status, sponsor: p.sponsor },
				engagements: log.filter((e) => e.priorityId === p.id),
				lastOn: last,
				daysSinceLast: last ? daysBetween(last, today) : null
			};
		});

	return { years, seats, turnover: turnoverRows, averageTenure: average, timelines };
}

export interface SponsorTenure {
	id: number;
	personName: string;
	startedOn: string;
	endedOn: string | null;
	/** Length in years, to today for the current sponsor. */
	years: number;
}

export interface PriorityLeadership {
	/** Who sponsored the priority, oldest first. */
	sponsors: SponsorTenure[];
	/** The newest engagements (a page of the log) and how many there are in all. */
	engagements: EngagementRow[];
	totalEngagements: number;
	lastOn: string | null;
	daysSinceLast: number | null;
}

/**
 * One priority's leadership: its sponsors over time and its senior-leader engagement, newest
 * first, with the days since the last one up to today (a later, planned one does not count).
 */
export function priorityLeadership(db: Db, priorityId: number, today: string): PriorityLeadership {
	const sponsors = db
		.select({
			id: leaderTenures.id,
			personName: leaderTenures.personName,
			startedOn: leaderTenures.startedOn,
			endedOn: leaderTenures.endedOn
		})
		.from(leaderTenures)
		.where(and(eq(leaderTenures.role, 'sponsor'), eq(leaderTenures.priorityId, priorityId)))
		.orderBy(asc(leaderTenures.startedOn), asc(leaderTenures.id))
		.all()
		.map((t) => ({ ...t, years: tenureYears(t, today) }));
	const log = listEngagements(db, { priorityId });
	const lastOn =
		db
			.select({ last: max(engagements.occurredOn) })
			.from(engagements)
			.where(and(eq(engagements.priorityId, priorityId), lte(engagements.occurredOn, today)))
			.get()?.last ?? null;
	return {
		sponsors,
		engagements: log.rows,
		totalEngagements: log.total,
		lastOn,
		daysSinceLast: lastOn ? daysBetween(lastOn, today) : null
	};
}
