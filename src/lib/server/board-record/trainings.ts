import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { boardMembers, boardTrainings } from '../db/schema/board-record.ts';
import { saveNew } from '../audit/rows.ts';
import { checkbox, parseChecked, requiredDate, requiredText, type Saved } from '../forms.ts';
import type { BoardMember } from './members.ts';
import type { FinanceLawStanding, MemberFinanceLaw } from '../../board-record.ts';

/**
 * The school-finance-law training of AB 640 (Stats. 2025, ch. 618; Education Code 35220–35223,
 * in force 1 January 2026): every regular board member completes it once. Per §35222, a member
 * serving on 1 January 2027 completes it by 1 January 2028; one who takes office later, within a
 * year of taking office. (Dates as the chaptered bill's digest gives them: check §35222 if it is
 * amended.)
 */
export const financeLaw = {
	source: 'Education Code 35220–35223 (AB 640, 2025)',
	servingOn: '2027-01-01',
	deadlineForServing: '2028-01-01',
	yearsForNewMembers: 1
} as const;

/** Completion records are public and kept at least five years (Education Code 35222). */
export const keptYears = 5;

function addYears(iso: string, years: number): string {
	const [y, rest] = [Number(iso.slice(0, 4)), iso.slice(4)];
	// 29 February plus a year is 1 March.
	const candidate = `${y + years}${rest}`;
	return Number.isNaN(Date.parse(candidate + 'T00:00:00Z')) ||
		new Date(candidate + 'T00:00:00Z').toISOString().slice(0, 10) !== candidate
		? `${y + years}-03-01`
		: candidate;
}

/** The day by which a member must have completed the finance-law training. */
export function financeLawDueBy(member: Pick<BoardMember, 'termStart'>): string {
	return member.termStart <= financeLaw.servingOn
		? financeLaw.deadlineForServing
		: addYears(member.termStart, financeLaw.yearsForNewMembers);
}

export type { FinanceLawStanding } from '../../board-record.ts';

/** Done (the training's date), due by a date, or overdue on `today`. */
export function financeLawStanding(
	member: Pick<BoardMember, 'termStart'>,
	completions: string[],
	today: string
): FinanceLawStanding {
	const done = [...completions].sort()[0];
	if (done) return { state: 'done', completedOn: done };
	const dueBy = financeLawDueBy(member);
	return today > dueBy ? { state: 'overdue', dueBy } : { state: 'due', dueBy };
}

export const trainingInput = z.object({
	memberId: z.coerce
		.number({ error: 'Choose the member.' })
		.int('Choose the member.')
		.positive('Choose the member.'),
	completedOn: requiredDate('date completed'),
	provider: requiredText('provider', 200),
	topic: requiredText('topic', 300),
	hours: z.coerce
		.number({ error: 'Enter the hours as a number, e.g. 2.5.' })
		.positive('Enter the hours, more than 0.')
		.max(100, 'A training of more than 100 hours? Enter the hours of this training only.'),
	financeLaw: checkbox
});

export function addTraining(db: Db, actor: Actor, values: unknown, today: string): Saved {
	const parsed = parseChecked(trainingInput, values, (t) => {
		const errors: Record<string, string[]> = {};
		const member = db.select().from(boardMembers).where(eq(boardMembers.id, t.memberId)).get();
		if (!member) errors.memberId = ['Choose the member from the list.'];
		if (t.completedOn > today)
			errors.completedOn = ['Record a training once it is completed: the date is in the future.'];
		return errors;
	});
	return saveNew(db, actor, boardTrainings, 'board_training', parsed);
}

export interface TrainingRow {
	id: number;
	memberId: number;
	memberName: string;
	completedOn: string;
	provider: string;
	topic: string;
	hours: number;
	financeLaw: boolean;
}

/** Trainings, newest first; `since` keeps those completed on or after a date. */
export function listTrainings(db: Db, since?: string): TrainingRow[] {
	return db
		.select({
			id: boardTrainings.id,
			memberId: boardTrainings.memberId,
			memberName: boardMembers.name,
			completedOn: boardTrainings.completedOn,
			provider: boardTrainings.provider,
			topic: boardTrainings.topic,
			hours: boardTrainings.hours,
			financeLaw: boardTrainings.financeLaw
		})
		.from(boardTrainings)
		.innerJoin(boardMembers, eq(boardMembers.id, boardTrainings.memberId))
		.where(since ? and(gte(boardTrainings.completedOn, since)) : undefined)
		.orderBy(desc(boardTrainings.completedOn), asc(boardMembers.name))
		.all();
}

/** The public list: completions of the last five years (the law's keeping period). */
export function publicTrainings(db: Db, today: string): TrainingRow[] {
	return listTrainings(db, addYears(today, -keptYears));
}

/** Each seated member's finance-law standing on `today`, seat order. */
export function financeLawByMember(
	db: Db,
	members: BoardMember[],
	today: string
): MemberFinanceLaw[] {
	const finance = listTrainings(db).filter((t) => t.financeLaw);
	return members.map((m) => ({
		memberId: m.id,
		name: m.name,
		seat: m.seat,
		standing: financeLawStanding(
			m,
			finance.filter((t) => t.memberId === m.id).map((t) => t.completedOn),
			today
		)
	}));
}
