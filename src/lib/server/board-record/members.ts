import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { boardMembers } from '../db/schema/board-record.ts';
import { users } from '../db/schema/auth.ts';
import { saveChanges, saveNew } from '../audit/rows.ts';
import {
	parseChecked,
	requiredDate,
	requiredText,
	type FieldErrors,
	type Saved
} from '../forms.ts';

export type BoardMember = typeof boardMembers.$inferSelect;

export const memberInput = z
	.object({
		name: requiredText('name', 200),
		seat: requiredText('seat', 100),
		termStart: requiredDate('term start'),
		termEnd: requiredDate('term end'),
		userId: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
	})
	.refine((m) => m.termEnd > m.termStart, {
		path: ['termEnd'],
		message: 'The term must end after it starts.'
	});
export type MemberInput = z.infer<typeof memberInput>;

function checkedMember(db: Db, values: unknown) {
	return parseChecked(memberInput, values, (m): FieldErrors =>
		m.userId && !db.select({ id: users.id }).from(users).where(eq(users.id, m.userId)).get()
			? { userId: ['Choose an account from the list, or none.'] }
			: {}
	);
}

export function addMember(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(db, actor, boardMembers, 'board_member', checkedMember(db, values));
}

export function updateMember(db: Db, actor: Actor, id: number, values: unknown): Saved {
	return saveChanges(db, actor, boardMembers, 'board_member', id, checkedMember(db, values));
}

/** Every member, past and present, by seat then term. */
export function listMembers(db: Db): BoardMember[] {
	return db
		.select()
		.from(boardMembers)
		.orderBy(asc(boardMembers.seat), asc(boardMembers.termStart), asc(boardMembers.id))
		.all();
}

/** The members seated on a date (term start ≤ date ≤ term end): who votes at that meeting. */
export function seatedOn(db: Db, date: string): BoardMember[] {
	return db
		.select()
		.from(boardMembers)
		.where(and(lte(boardMembers.termStart, date), gte(boardMembers.termEnd, date)))
		.orderBy(asc(boardMembers.seat), asc(boardMembers.id))
		.all();
}

export function getMember(db: Db, id: number): BoardMember | undefined {
	return db.select().from(boardMembers).where(eq(boardMembers.id, id)).get();
}

/** The accounts a member may be linked to: the board's. */
export function boardAccounts(db: Db) {
	return db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(eq(users.role, 'board'))
		.orderBy(asc(users.name))
		.all();
}

/** The public list: name, seat, term (no account). */
export function publicMembers(db: Db, today: string) {
	return listMembers(db).map((m) => ({
		id: m.id,
		name: m.name,
		seat: m.seat,
		termStart: m.termStart,
		termEnd: m.termEnd,
		current: m.termStart <= today && today <= m.termEnd
	}));
}
