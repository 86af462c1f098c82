import { byName } from '../db/sort.ts';
import { deleteRecorded, saveChanges, saveNew } from '../audit/rows.ts';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { notDoingItems } from '../db/schema/priorities.ts';
import { choice, optionalText, parse, requiredDate, requiredText, type Saved } from '../forms.ts';

export const notDoingDecisions = ['not pursued', 'stopped'] as const;

export const notDoingInput = z.object({
	title: requiredText('initiative the board decided not to do', 200),
	decision: choice('decision', notDoingDecisions),
	decidedOn: requiredDate('date of the decision'),
	reason: requiredText('reason', 2000),
	titleEs: optionalText('Spanish title', 200),
	reasonEs: optionalText('Spanish reason', 2000)
});

export type NotDoingItem = typeof notDoingItems.$inferSelect;

export function listNotDoing(db: Db): NotDoingItem[] {
	return db
		.select()
		.from(notDoingItems)
		.orderBy(desc(notDoingItems.decidedOn), byName(notDoingItems.title))
		.all();
}

export function getNotDoing(db: Db, id: number): NotDoingItem | undefined {
	return db.select().from(notDoingItems).where(eq(notDoingItems.id, id)).get();
}

export function createNotDoing(db: Db, actor: Actor, values: unknown): Saved {
	return saveNew(db, actor, notDoingItems, 'not_doing', parse(notDoingInput, values));
}

export function updateNotDoing(db: Db, actor: Actor, id: number, values: unknown): Saved {
	if (!getNotDoing(db, id)) return { ok: false, errors: { form: ['This item no longer exists.'] } };
	return saveChanges(db, actor, notDoingItems, 'not_doing', id, parse(notDoingInput, values));
}

export function deleteNotDoing(db: Db, actor: Actor, id: number): boolean {
	return deleteRecorded(db, actor, notDoingItems, 'not_doing', id);
}
