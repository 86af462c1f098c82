import type { Db } from '../db/open.ts';
import { schoolYears } from '../db/schema/district.ts';
import { measures, measureTargets } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import {
	policies,
	policyStructures,
	structurePriorities,
	structures
} from '../db/schema/structures.ts';
import { policyRelations, structureCategories } from '../../choices.ts';

/**
 * A throughline at the size the map must stay readable at: 40 policies, 30 structures,
 * 5 priorities, 20 measures, linked in a deterministic pattern (a few gaps left on purpose).
 * Writes into an empty throughline; returns the counts.
 */
export function seedLargeThroughline(db: Db) {
	const years = db.select().from(schoolYears).all();
	const titles = [
		'Early literacy',
		'Math for every student',
		'Attendance and belonging',
		'English learner progress',
		'College and career readiness'
	];
	const pri = titles.map((title, i) =>
		db
			.insert(priorities)
			.values({
				slug: `large-${i + 1}`,
				title,
				sortOrder: i,
				sponsor: `Assistant Superintendent ${i + 1}`
			})
			.returning()
			.get()
	);
	const topics = [
		'Collaboration time',
		'Instructional coaching',
		'Pacing guides',
		'Principal learning walks',
		'Data cycles',
		'Shared rubric',
		'Site budget allocation',
		'Guiding coalition',
		'Tutoring block',
		'Family liaison',
		'Newcomer program',
		'Summer bridge'
	];
	const str = Array.from({ length: 30 }, (_, i) =>
		db
			.insert(structures)
			.values({
				name: `${topics[i % topics.length]}${i >= topics.length ? ` (${Math.floor(i / topics.length) + 1})` : ''}`,
				category: structureCategories[i % structureCategories.length],
				authority: i % 3 === 0 ? 'discretionary' : 'required',
				origin: i % 2 ? 'new' : 'repurposed',
				sortOrder: i
			})
			.returning()
			.get()
	);
	const pol = Array.from({ length: 40 }, (_, i) =>
		db
			.insert(policies)
			.values({
				kind: i % 5 === 4 ? 'AR' : 'BP',
				number: String(6000 + i * 10 + (i % 7)),
				title: `Policy on ${topics[(i * 5) % topics.length].toLowerCase()} and instruction`,
				adoptedOn: `20${10 + (i % 14)}-0${1 + (i % 9)}-15`
			})
			.returning()
			.get()
	);
	// Each structure carries one or two priorities; the last five carry none.
	for (const [i, s] of str.entries()) {
		if (i >= 25) continue;
		db.insert(structurePriorities)
			.values({ structureId: s.id, priorityId: pri[i % 5].id })
			.run();
		if (i % 4 === 0)
			db.insert(structurePriorities)
				.values({ structureId: s.id, priorityId: pri[(i + 2) % 5].id })
				.run();
	}
	// Each of the first 36 policies touches one or two structures; the last four are on paper.
	for (const [i, p] of pol.entries()) {
		if (i >= 36) continue;
		db.insert(policyStructures)
			.values({
				policyId: p.id,
				structureId: str[(i * 7) % 30].id,
				relation: policyRelations[i % 4]
			})
			.run();
		if (i % 3 === 0)
			db.insert(policyStructures)
				.values({ policyId: p.id, structureId: str[(i * 7 + 11) % 30].id, relation: 'establishes' })
				.run();
	}
	// Four measures per priority; the current year's target is missing on every fifth.
	const current = years.at(-1);
	for (let i = 0; i < 20; i++) {
		const m = db
			.insert(measures)
			.values({
				code: `large-m${i + 1}`,
				priorityId: pri[i % 5].id,
				name: `${titles[i % 5]}: indicator ${Math.floor(i / 5) + 1}`,
				unit: 'percent',
				direction: 'higher',
				kind: i < 10 ? 'outcome' : 'implementation',
				headline: i < 5
			})
			.returning()
			.get();
		if (current && i % 5 !== 4)
			db.insert(measureTargets)
				.values({ measureId: m.id, schoolYearId: current.id, value: 50 + i })
				.run();
	}
	return { policies: pol.length, structures: str.length, priorities: pri.length, measures: 20 };
}
