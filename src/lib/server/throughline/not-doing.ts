import { byName } from '../db/sort.ts';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { notDoingItems } from '../db/schema/priorities.ts';
import { choice, optionalText, parse, requiredDate, requiredText, type Saved } from '../forms.ts';
import { write } from '../audit/write.ts';

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
	const parsed = parse(notDoingInput, values);
	if (!parsed.ok) return parsed;
	return write(db, actor, ({ tx, audit }) => {
		const row = tx.insert(notDoingItems).values(parsed.data).returning().get();
		audit({ action: 'create', entity: 'not_doing', entityId: row.id, after: row });
		return { ok: true as const, id: row.id };
	});
}

export function updateNotDoing(db: Db, actor: Actor, id: number, values: unknown): Saved {
	const before = getNotDoing(db, id);
	if (!before) return { ok: false, errors: { form: ['This item no longer exists.'] } };
	const parsed = parse(notDoingInput, values);
	if (!parsed.ok) return parsed;
	return write(db, actor, ({ tx, audit }) => {
		const after = tx
			.update(notDoingItems)
			.set(parsed.data)
			.where(eq(notDoingItems.id, id))
			.returning()
			.get();
		audit({ action: 'update', entity: 'not_doing', entityId: id, before, after });
		return { ok: true as const, id };
	});
}

export function deleteNotDoing(db: Db, actor: Actor, id: number): boolean {
	const before = getNotDoing(db, id);
	if (!before) return false;
	write(db, actor, ({ tx, audit }) => {
		tx.delete(notDoingItems).where(eq(notDoingItems.id, id)).run();
		audit({ action: 'delete', entity: 'not_doing', entityId: id, before });
	});
	return true;
}
