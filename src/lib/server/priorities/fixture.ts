import type { Db } from '../db/open.ts';
import { district, schools, schoolYears, studentGroups } from '../db/schema/district.ts';
import { measures, measureTargets, results } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import { boardMeetings, progressUpdates, progressUpdateVersions } from '../db/schema/meetings.ts';

/**
 * A tiny district with known answers: one active priority with a headline ELA measure, two
 * schools, two years, a small group (n = 7) and a draft and a published update.
 */
export function seedSmallDistrict(db: Db) {
	db.insert(schoolYears)
		.values([
			{ id: 1, label: '2022-23', startYear: 2022 },
			{ id: 2, label: '2023-24', startYear: 2023 }
		])
		.run();
	db.insert(district)
		.values({ id: 1, name: 'Test Unified', cdsCode: '01234560000000', currentSchoolYearId: 2 })
		.run();
	db.insert(studentGroups)
		.values([
			{ code: 'ALL', name: 'All students', sortOrder: 0 },
			{ code: 'FOS', name: 'Foster youth', sortOrder: 1 }
		])
		.run();
	db.insert(schools)
		.values([
			{ id: 1, cdsCode: '01234560000001', name: 'Alder Elementary', type: 'elementary' },
			{ id: 2, cdsCode: '01234560000002', name: 'Birch Middle', type: 'middle' }
		])
		.run();
	db.insert(priorities)
		.values([
			{ id: 1, slug: 'literacy', title: 'Every student reads', status: 'active', sortOrder: 1 },
			{ id: 2, slug: 'old', title: 'A retired priority', status: 'retired', sortOrder: 2 }
		])
		.run();
	db.insert(measures)
		.values({
			id: 1,
			code: 'ela',
			priorityId: 1,
			name: 'ELA distance from standard',
			unit: 'points',
			direction: 'higher',
			headline: true,
			baselineYearId: 1,
			baselineValue: -40
		})
		.run();
	db.insert(measureTargets)
		.values([
			{ measureId: 1, schoolYearId: 1, value: -38 },
			{ measureId: 1, schoolYearId: 2, value: -30 }
		])
		.run();
	db.insert(results)
		.values([
			{ measureId: 1, schoolYearId: 1, schoolId: null, studentGroup: 'ALL', value: -40, n: 900 },
			{ measureId: 1, schoolYearId: 2, schoolId: null, studentGroup: 'ALL', value: -33.1, n: 910 },
			{ measureId: 1, schoolYearId: 2, schoolId: null, studentGroup: 'FOS', value: -91.7, n: 7 },
			{ measureId: 1, schoolYearId: 2, schoolId: 1, studentGroup: 'ALL', value: -20.5, n: 400 },
			{ measureId: 1, schoolYearId: 2, schoolId: 2, studentGroup: 'ALL', value: -45.2, n: 510 }
		])
		.run();
	db.insert(boardMeetings).values({ id: 1, heldOn: '2024-05-01', title: 'Regular meeting' }).run();
	db.insert(progressUpdates).values({ id: 1, priorityId: 1, meetingId: 1 }).run();
	db.insert(progressUpdateVersions)
		.values([
			{
				updateId: 1,
				version: 1,
				state: 'published',
				status: 'watch',
				summary: 'Published summary',
				publishedAt: '2024-05-02T10:00:00Z'
			},
			{ updateId: 1, version: 2, state: 'draft', status: 'on track', summary: 'Draft summary text' }
		])
		.run();
}
