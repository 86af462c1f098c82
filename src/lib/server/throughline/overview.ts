import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { measures } from '../db/schema/measures.ts';
import { initiatives, notDoingItems, priorities } from '../db/schema/priorities.ts';
import { policies, structures } from '../db/schema/structures.ts';

/** How many of each throughline item there are, for the editing overview. */
export function throughlineCounts(db: Db) {
	const n = (q: { n: number } | undefined) => q?.n ?? 0;
	return {
		priorities: n(db.select({ n: count() }).from(priorities).get()),
		activePriorities: n(
			db.select({ n: count() }).from(priorities).where(eq(priorities.status, 'active')).get()
		),
		measures: n(db.select({ n: count() }).from(measures).get()),
		structures: n(db.select({ n: count() }).from(structures).get()),
		policies: n(db.select({ n: count() }).from(policies).get()),
		notDoing: n(db.select({ n: count() }).from(notDoingItems).get()),
		initiatives: n(db.select({ n: count() }).from(initiatives).get()),
		activeInitiatives: n(
			db.select({ n: count() }).from(initiatives).where(eq(initiatives.active, true)).get()
		)
	};
}
