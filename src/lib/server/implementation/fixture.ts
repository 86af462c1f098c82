import type { Db } from '../db/open.ts';
import { district, schools, schoolYears } from '../db/schema/district.ts';
import { checkIns } from '../db/schema/implementation.ts';
import { leaderTenures } from '../db/schema/leadership.ts';
import { priorities } from '../db/schema/priorities.ts';
import { structurePriorities, structures } from '../db/schema/structures.ts';

/**
 * A tiny district for the reach queries, with known answers:
 * three years (2022-23 … 2024-25, current 2024-25); three open schools and one closed;
 * structures 1 (required, from 2022), 2 (discretionary), 3 (required, starting 2024-25);
 * priority 1 carried by structures 1 and 2, priority 2 by structure 3.
 */
export function seedReachDistrict(db: Db) {
	db.insert(schoolYears)
		.values([
			{ id: 1, label: '2022-23', startYear: 2022 },
			{ id: 2, label: '2023-24', startYear: 2023 },
			{ id: 3, label: '2024-25', startYear: 2024 }
		])
		.run();
	db.insert(district)
		.values({ id: 1, name: 'Test Unified', cdsCode: '01234560000000', currentSchoolYearId: 3 })
		.run();
	db.insert(schools)
		.values([
			{ id: 1, cdsCode: '01234560000001', name: 'Alder Elementary', type: 'elementary' },
			{ id: 2, cdsCode: '01234560000002', name: 'Birch Middle', type: 'middle' },
			{ id: 3, cdsCode: '01234560000003', name: 'Cedar Elementary', type: 'elementary' },
			{ id: 4, cdsCode: '01234560000004', name: 'Closed High', type: 'high', status: 'closed' }
		])
		.run();
	db.insert(priorities)
		.values([
			{ id: 1, slug: 'literacy', title: 'Every student reads', sortOrder: 1 },
			{ id: 2, slug: 'math', title: 'Math for all', sortOrder: 2 }
		])
		.run();
	db.insert(structures)
		.values([
			{
				id: 1,
				name: 'Collaboration time',
				category: 'time',
				authority: 'required',
				origin: 'repurposed',
				startYearId: 1,
				sortOrder: 1
			},
			{
				id: 2,
				name: 'Literacy coaching',
				category: 'people',
				authority: 'discretionary',
				origin: 'new',
				startYearId: 1,
				sortOrder: 2
			},
			{
				id: 3,
				name: 'Math walkthroughs',
				category: 'routines',
				authority: 'required',
				origin: 'new',
				startYearId: 3,
				sortOrder: 3
			}
		])
		.run();
	db.insert(structurePriorities)
		.values([
			{ structureId: 1, priorityId: 1 },
			{ structureId: 2, priorityId: 1 },
			{ structureId: 3, priorityId: 2 }
		])
		.run();
}

export function addCheckIn(
	db: Db,
	schoolId: number,
	structureId: number,
	schoolYearId: number,
	depth: number,
	extra: { adaptation?: string; siteLed?: boolean } = {}
) {
	db.insert(checkIns)
		.values({ schoolId, structureId, schoolYearId, depth, ...extra })
		.run();
}

export function addTenure(
	db: Db,
	role: 'superintendent' | 'sponsor' | 'principal',
	personName: string,
	startedOn: string,
	endedOn: string | null,
	place: { schoolId?: number; priorityId?: number } = {}
) {
	db.insert(leaderTenures)
		.values({ role, personName, startedOn, endedOn, ...place })
		.run();
}
