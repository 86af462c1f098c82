import { eq } from 'drizzle-orm';
import { studentGroups } from '../db/schema/district.ts';
import type { Db } from '../db/open.ts';
import { type StudentGroupKind } from '../../choices.ts';

export interface StudentGroupEntry {
	code: string;
	name: string;
	/** The state's Spanish Dashboard term where it publishes one. */
	nameEs: string;
	kind: StudentGroupKind;
}

/**
 * The state's student-group codes with English and Spanish names, in the Dashboard's order. SBA
 * and CAA are not student groups: the academic files use them for who took the Smarter Balanced
 * tests and who took the California Alternate Assessments.
 */
export const knownStudentGroups: readonly StudentGroupEntry[] = [
	{ code: 'ALL', name: 'All students', nameEs: 'Todos los estudiantes', kind: 'student-group' },
	{
		code: 'AA',
		name: 'Black/African American',
		nameEs: 'Afroamericanos',
		kind: 'student-group'
	},
	{
		code: 'AI',
		name: 'American Indian or Alaska Native',
		nameEs: 'Indígenas americanos o nativos de Alaska',
		kind: 'student-group'
	},
	{ code: 'AS', name: 'Asian', nameEs: 'Asiáticos', kind: 'student-group' },
	{ code: 'FI', name: 'Filipino', nameEs: 'Filipinos', kind: 'student-group' },
	{ code: 'HI', name: 'Hispanic', nameEs: 'Hispanos', kind: 'student-group' },
	{ code: 'PI', name: 'Pacific Islander', nameEs: 'Isleños del Pacífico', kind: 'student-group' },
	{ code: 'WH', name: 'White', nameEs: 'Blancos', kind: 'student-group' },
	{ code: 'MR', name: 'Two or more races', nameEs: 'Dos o más razas', kind: 'student-group' },
	{ code: 'EL', name: 'English learners', nameEs: 'Estudiantes de inglés', kind: 'student-group' },
	{
		code: 'ELO',
		name: 'English learners only',
		nameEs: 'Solo estudiantes de inglés',
		kind: 'student-group'
	},
	{
		code: 'LTEL',
		name: 'Long-term English learners',
		nameEs: 'Estudiantes de inglés a largo plazo',
		kind: 'student-group'
	},
	{
		code: 'RFP',
		name: 'Reclassified fluent English proficient',
		nameEs: 'Reclasificados con dominio avanzado del inglés',
		kind: 'student-group'
	},
	{ code: 'EO', name: 'English only', nameEs: 'Solo inglés', kind: 'student-group' },
	{
		code: 'SED',
		name: 'Socioeconomically disadvantaged',
		nameEs: 'Socioeconómicamente desfavorecidos',
		kind: 'student-group'
	},
	{
		code: 'SWD',
		name: 'Students with disabilities',
		nameEs: 'Estudiantes con discapacidades',
		kind: 'student-group'
	},
	{
		code: 'FOS',
		name: 'Foster youth',
		nameEs: 'Jóvenes de crianza temporal',
		kind: 'student-group'
	},
	{ code: 'HOM', name: 'Homeless', nameEs: 'Jóvenes sin hogar', kind: 'student-group' },
	{
		code: 'SBA',
		name: 'Took the Smarter Balanced tests',
		nameEs: 'Tomaron las pruebas Smarter Balanced',
		kind: 'test-takers'
	},
	{
		code: 'CAA',
		name: 'Took the California Alternate Assessments',
		nameEs: 'Tomaron las Pruebas Alternativas de California',
		kind: 'test-takers'
	},
	{
		code: 'CAST',
		name: 'Took the California Science Test',
		nameEs: 'Tomaron la Prueba de Ciencias de California',
		kind: 'test-takers'
	},
	{
		code: 'CSA',
		name: 'Took the California Spanish Assessment',
		nameEs: 'Tomaron la Evaluación de Español de California',
		kind: 'test-takers'
	}
];

/**
 * Codes the state's academic files use, or may use, for who took which assessment (SBA, CAA,
 * CAST, the ELPAC…): never a student group, whatever the catalog knows of them.
 */
const assessmentCode = /^(SBA|SB|CAA|CAST|CSA|ELPAC|ALTELPAC|CAASPP|ALT|TESTED)/;

export function looksLikeTestTakers(code: string): boolean {
	return assessmentCode.test(code);
}

const byCode = new Map(knownStudentGroups.map((g, i) => [g.code, { ...g, sortOrder: i }]));

/** Groups the catalog does not know sort after it. */
const unknownSortOrder = 100;

export function isKnownStudentGroup(code: string): boolean {
	return byCode.has(code);
}

export function knownGroup(code: string): (StudentGroupEntry & { sortOrder: number }) | undefined {
	return byCode.get(code);
}

/** A student-group code as the files write it ("sed", " SED ") in the state's form, or '' . */
export function normaliseGroupCode(text: string): string {
	return text.trim().toUpperCase();
}

/** A group code is short letters and digits; anything else is a broken cell, not a new group. */
export const groupCodePattern = /^[A-Z][A-Z0-9_]{0,11}$/;

/**
 * Creates the groups among `codes` the database lacks (a code the catalog does not know is created
 * under its code, for staff to name; as test takers when it reads as an assessment or the file
 * marked it so, `testTakers`), and fills in the catalog's Spanish name and kind where a
 * stored group has none. Returns the codes created.
 */
export function ensureStudentGroups(
	db: Db,
	codes: Iterable<string>,
	testTakers: ReadonlySet<string> = new Set()
): string[] {
	const have = new Map(
		db
			.select({ code: studentGroups.code, nameEs: studentGroups.nameEs })
			.from(studentGroups)
			.all()
			.map((g) => [g.code, g])
	);
	const created: string[] = [];
	for (const code of codes) {
		const known = byCode.get(code);
		const stored = have.get(code);
		if (stored) {
			if (known && stored.nameEs === null) {
				db.update(studentGroups)
					.set({ nameEs: known.nameEs, kind: known.kind })
					.where(eq(studentGroups.code, code))
					.run();
			}
			continue;
		}
		db.insert(studentGroups)
			.values(
				known
					? {
							code,
							name: known.name,
							nameEs: known.nameEs,
							kind: known.kind,
							sortOrder: known.sortOrder
						}
					: {
							code,
							name: code,
							sortOrder: unknownSortOrder,
							kind:
								testTakers.has(code) || looksLikeTestTakers(code) ? 'test-takers' : 'student-group'
						}
			)
			.onConflictDoNothing()
			.run();
		have.set(code, { code, nameEs: known?.nameEs ?? null });
		created.push(code);
	}
	return created;
}
