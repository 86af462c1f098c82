/**
 * The deterministic district generator. `generateDistrict` fills every table but the sign-in
 * tables from a seed; the demo (index.ts) and the benchmark call it with their own sizes.
 */
import { addAreaFigures, addEventNotes, addSeriesBreaks } from './notes.ts';
import { addAccountability } from './accountability.ts';
import { addStateLevels } from './state-levels.ts';
import type { DbFile } from '../db/open.ts';
import { systemActor } from '../audit/index.ts';
import { recordEvent } from '../audit/write.ts';
import { freezeMeeting } from '../meetings/snapshots.ts';
import { markHeld } from '../meetings/held.ts';
import { studentGroupCatalog } from './catalog.ts';
import type { Context, DistrictOptions } from './context.ts';
import { addFeedback } from './feedback.ts';
import { addCheckIns } from './implementation.ts';
import { addEngagements, addLeaders, currentSponsors } from './leadership.ts';
import { addMeetings } from './meetings.ts';
import { addLcap } from './lcap.ts';
import { addBoardRecord } from './board-record.ts';
import {
	addInitiatives,
	addMeasures,
	addNotDoingItems,
	addPolicies,
	addPriorities,
	addStructures
} from './plan.ts';
import { addPlanChanges, recordAdoptedPlans } from './plan-changes.ts';
import { seededRandom } from './random.ts';
import { addResults } from './results.ts';
import {
	addDistrict,
	addSchools,
	addEnrollment,
	addSchoolYears,
	addStudentGroups
} from './schools.ts';

export type { DistrictOptions } from './context.ts';

function existingUsers(db: DbFile): Context['users'] {
	const byRole = (role: string) =>
		(
			db.$client.prepare('select id from user where role = ? order by email').all(role) as {
				id: string;
			}[]
		).map((row) => row.id);
	return { superintendent: byRole('superintendent')[0] ?? null, board: byRole('board') };
}

function recordSeed(context: Context, options: DistrictOptions): void {
	recordEvent(context.db, systemActor, {
		action: 'create',
		entity: 'district',
		entityId: 1,
		after: { seed: options.seed, schools: options.schools, years: options.years },
		note: 'demo seed',
		at: context.stamp
	});
}

/**
 * The newest meeting held by the demo's today with a published update gets its record, as
 * publishing does, and is marked held. (Older meetings have none: a record frozen today would hold figures those
 * meetings never saw.)
 */
function freezeLatestMeeting(context: Context): void {
	const meeting = context.db.$client
		.prepare(
			`select m.id from board_meeting m join progress_update u on u.meeting_id = m.id
			 join progress_update_version v on v.update_id = u.id and v.state = 'published'
			 where m.held_on <= ? order by m.held_on desc limit 1`
		)
		.get(context.today) as { id: number } | undefined;
	if (!meeting) return;
	freezeMeeting(context.db, systemActor, meeting.id, 'published', context.stamp);
	// And it was held: its public record is at /meetings/[id].
	markHeld(context.db, systemActor, meeting.id, context.today, context.stamp);
}

/** Fills an empty, migrated database with a whole district, in one transaction. */
export function generateDistrict(db: DbFile, options: DistrictOptions): void {
	const lastYear = options.lastYear ?? 2024;
	const context: Context = {
		db,
		random: seededRandom(options.seed),
		firstYear: lastYear - options.years + 1,
		lastYear,
		today: `${lastYear + 1}-06-15`,
		stamp: `${lastYear + 1}-06-10T16:00:00.000Z`,
		groups:
			options.groups ??
			studentGroupCatalog.map((group) => group.code).filter((code) => code !== 'ALL'),
		yearIds: new Map(),
		schools: [],
		priorityIds: new Map(),
		priorityYears: new Map(),
		measureIds: new Map(),
		structureIds: new Map(),
		structureStart: new Map(),
		users: existingUsers(db)
	};
	db.$client
		.transaction(() => {
			addSchoolYears(context);
			addDistrict(context, context.stamp.replace('.000', ''));
			addStudentGroups(context);
			addSchools(context, options.schools);
			addEnrollment(context);
			addPriorities(context, currentSponsors(context));
			addMeasures(context);
			addResults(context);
			addStateLevels(context);
			addAccountability(context);
			addStructures(context);
			addPolicies(context);
			addNotDoingItems(context);
			addInitiatives(context);
			addLeaders(context);
			addCheckIns(context);
			addEngagements(context);
			addMeetings(context);
			addFeedback(context);
			addLcap(context);
			recordAdoptedPlans(context);
			addPlanChanges(context);
			addEventNotes(context);
			addSeriesBreaks(context);
			addAreaFigures(context);
			freezeLatestMeeting(context);
			addBoardRecord(context);
			recordSeed(context, options);
		})
		.immediate();
}
