// The state's own determinations as imported from its workbooks.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
	stateAssistanceGroups,
	stateAssistanceStatus,
	stateEssaStatus
} from '../db/schema/accountability.ts';

export function stateStatuses(db: Db): { year: number; status: string }[] {
	return db
		.select({ year: stateAssistanceStatus.year, status: stateAssistanceStatus.status })
		.from(stateAssistanceStatus)
		.orderBy(desc(stateAssistanceStatus.year))
		.all();
}

/** The state's letters by Dashboard year and group. */
export function stateLetters(db: Db): Map<number, Map<string, string>> {
	const out = new Map<number, Map<string, string>>();
	for (const g of db.select().from(stateAssistanceGroups).all()) {
		let m = out.get(g.year);
		if (!m) out.set(g.year, (m = new Map()));
		m.set(g.studentGroup, g.letter);
	}
	return out;
}

/** Years whose own DA workbook was imported: its letters, even none, are the state's determination. */
export function stateDaYears(db: Db): Set<number> {
	return new Set(
		db
			.select({ year: stateAssistanceStatus.year })
			.from(stateAssistanceStatus)
			.where(eq(stateAssistanceStatus.withGroups, true))
			.all()
			.map((r) => r.year)
	);
}

export function stateEssa(db: Db) {
	return db
		.select()
		.from(stateEssaStatus)
		.orderBy(desc(stateEssaStatus.year), asc(stateEssaStatus.schoolName))
		.all();
}
