import { studentGroups } from '../db/schema/district.ts';
import type { Db } from '../db/open.ts';

/**
 * The state's student-group codes and their full names, in the Dashboard's order. SBA and CAA
 * appear in the ELA and mathematics files (students who took the Smarter Balanced tests, and the
 * California Alternate Assessments); they are kept so those files import whole.
 */
export const knownStudentGroups: readonly { code: string; name: string }[] = [
	{ code: 'ALL', name: 'All students' },
	{ code: 'AA', name: 'Black/African American' },
	{ code: 'AI', name: 'American Indian or Alaska Native' },
	{ code: 'AS', name: 'Asian' },
	{ code: 'FI', name: 'Filipino' },
	{ code: 'HI', name: 'Hispanic' },
	{ code: 'PI', name: 'Pacific Islander' },
	{ code: 'WH', name: 'White' },
	{ code: 'MR', name: 'Two or more races' },
	{ code: 'EL', name: 'English learners' },
	{ code: 'ELO', name: 'English learners only' },
	{ code: 'RFP', name: 'Reclassified fluent English proficient' },
	{ code: 'EO', name: 'English only' },
	{ code: 'SED', name: 'Socioeconomically disadvantaged' },
	{ code: 'SWD', name: 'Students with disabilities' },
	{ code: 'FOS', name: 'Foster youth' },
	{ code: 'HOM', name: 'Homeless' },
	{ code: 'SBA', name: 'Took the Smarter Balanced tests' },
	{ code: 'CAA', name: 'Took the California Alternate Assessments' }
];

const byCode = new Map(knownStudentGroups.map((g, i) => [g.code, { ...g, sortOrder: i }]));

export function isKnownStudentGroup(code: string): boolean {
	return byCode.has(code);
}

/** The table's own string for a code (so rows share it), or undefined for an unknown code. */
export function canonicalGroup(code: string): string | undefined {
	return byCode.get(code)?.code;
}

/** The code's place in the table (0 for ALL). */
export function groupIndex(code: string): number {
	return byCode.get(code)?.sortOrder ?? 63;
}

/** Creates the known groups among `codes` that the database does not have yet; returns how many. */
export function ensureStudentGroups(db: Db, codes: Iterable<string>): number {
	const have = new Set(
		db
			.select({ code: studentGroups.code })
			.from(studentGroups)
			.all()
			.map((g) => g.code)
	);
	let created = 0;
	for (const code of codes) {
		if (have.has(code)) continue;
		const known = byCode.get(code);
		if (!known) continue;
		db.insert(studentGroups)
			.values({ code, name: known.name, sortOrder: known.sortOrder })
			.onConflictDoNothing()
			.run();
		have.add(code);
		created++;
	}
	return created;
}
