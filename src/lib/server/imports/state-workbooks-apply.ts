// Writing the state's accountability workbooks: the district's DA status and letters by Dashboard
// year, its schools' ESSA status. Inside runImport's one write: all or nothing, audited; an equal
// row is left alone, so a re-import changes nothing.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
	stateAssistanceGroups,
	stateAssistanceStatus,
	stateEssaStatus
} from '../db/schema/accountability.ts';
import type { Tally } from './report.ts';
import type { DaWorkbookRead, EssaWorkbookRead, StateWorkbookRead } from './state-workbooks.ts';

/** The key the district's own row counts under in the report's "by school". */
const districtKey = -1;

function applyDa(
	db: Db,
	read: DaWorkbookRead,
	tally: Tally,
	source: string,
	districtName: string
): void {
	for (const s of read.statuses) {
		const own = s.year === read.year;
		const before = db
			.select()
			.from(stateAssistanceStatus)
			.where(eq(stateAssistanceStatus.year, s.year))
			.get();
		if (!before) {
			db.insert(stateAssistanceStatus)
				.values({ year: s.year, status: s.status, withGroups: own, source })
				.run();
			tally.add(districtKey, districtName, null, null, 'inserted');
		} else if (before.status !== s.status || (own && !before.withGroups)) {
			// A later workbook's look back at a year never takes away that year's own import.
			db.update(stateAssistanceStatus)
				.set({
					status: s.status,
					withGroups: before.withGroups || own,
					source: own ? source : before.source,
					updatedAt: new Date().toISOString()
				})
				.where(eq(stateAssistanceStatus.id, before.id))
				.run();
			tally.add(districtKey, districtName, null, null, 'updated');
			tally.change(`Assistance status ${s.year}`, before.status, s.status);
		} else tally.add(districtKey, districtName, null, null, 'unchanged');
	}
	// The workbook's letters are the whole of that year's determination: a group it now leaves
	// blank loses its letter.
	const existing = db
		.select()
		.from(stateAssistanceGroups)
		.where(eq(stateAssistanceGroups.year, read.year))
		.all();
	const byGroup = new Map(existing.map((g) => [g.studentGroup, g]));
	for (const g of read.groups) {
		const before = byGroup.get(g.group);
		byGroup.delete(g.group);
		if (!before) {
			db.insert(stateAssistanceGroups)
				.values({ year: read.year, studentGroup: g.group, letter: g.letter, source })
				.run();
			tally.add(districtKey, districtName, null, g.group, 'inserted');
		} else if (before.letter !== g.letter) {
			db.update(stateAssistanceGroups)
				.set({ letter: g.letter, source, updatedAt: new Date().toISOString() })
				.where(eq(stateAssistanceGroups.id, before.id))
				.run();
			tally.add(districtKey, districtName, null, g.group, 'updated');
			tally.change(`${g.group} ${read.year}`, before.letter, g.letter);
		} else tally.add(districtKey, districtName, null, g.group, 'unchanged');
	}
	for (const gone of byGroup.values()) {
		db.delete(stateAssistanceGroups).where(eq(stateAssistanceGroups.id, gone.id)).run();
		tally.add(districtKey, districtName, null, gone.studentGroup, 'updated');
		tally.change(`${gone.studentGroup} ${read.year}`, gone.letter, null);
	}
}

function applyEssa(db: Db, read: EssaWorkbookRead, tally: Tally, source: string): void {
	read.schools.forEach((s, i) => {
		const groups = s.groups.join(',');
		const before = db
			.select()
			.from(stateEssaStatus)
			.where(and(eq(stateEssaStatus.year, read.year), eq(stateEssaStatus.cds, s.cds)))
			.get();
		if (!before) {
			db.insert(stateEssaStatus)
				.values({
					year: read.year,
					cds: s.cds,
					schoolName: s.name,
					status: s.status,
					exit: s.exit,
					studentGroups: groups,
					source
				})
				.run();
			tally.add(i, s.name, s.cds, null, 'inserted');
		} else if (
			before.status !== s.status ||
			before.exit !== s.exit ||
			before.studentGroups !== groups ||
			before.schoolName !== s.name
		) {
			db.update(stateEssaStatus)
				.set({
					schoolName: s.name,
					status: s.status,
					exit: s.exit,
					studentGroups: groups,
					source,
					updatedAt: new Date().toISOString()
				})
				.where(eq(stateEssaStatus.id, before.id))
				.run();
			tally.add(i, s.name, s.cds, null, 'updated');
			tally.change(
				`${s.name} ${read.year}`,
				`${before.status} ${before.studentGroups}`.trim(),
				`${s.status} ${groups}`.trim()
			);
		} else tally.add(i, s.name, s.cds, null, 'unchanged');
	});
}

export function applyStateWorkbook(
	db: Db,
	read: StateWorkbookRead,
	tally: Tally,
	source: string,
	districtName: string
): void {
	if (read.kind === 'da-status') applyDa(db, read, tally, source, districtName);
	else applyEssa(db, read, tally, source);
	tally.report.newStudentGroups = read.newGroups.map((code) => ({ code, rows: 1 }));
}
