/**
 * The deterministic district generator. `generateDistrict` fills every table but the sign-in
 * tables from a seed; the demo (index.ts) and the benchmark call it with their own sizes.
 */
import type { Db } from '../db/open.ts';
import { studentGroupCatalog } from './catalog.ts';
import type { Context, DistrictOptions } from './context.ts';
import { addFeedback } from './feedback.ts';
import { addCheckIns } from './implementation.ts';
import { addEngagements, addLeaders, currentSponsors } from './leadership.ts';
import { addMeetings } from './meetings.ts';
import {
	addInitiatives,
	addMeasures,
	addNotDoingItems,
	addPolicies,
	addPriorities,
	addStructures
} from './plan.ts';
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

function existingUsers(db: Db): Context['users'] {
	const byRole = (role: string) =>
		(
			db.$client.prepare('select id from user where role = ? order by email').all(role) as {
				id: string;
			}[]
		).map((row) => row.id);
	return { superintendent: byRole('superintendent')[0] ?? null, board: byRole('board') };
}

function recordSeed(context: Context, options: DistrictOptions): void {
	context.db.$client
		.prepare(
			"insert into audit_log (at, user_id, user_email, action, entity, entity_id, after, note) values (?, null, 'system', 'create', 'district', '1', ?, 'demo seed')"
		)
		.run(
			context.stamp,
			JSON.stringify({ seed: options.seed, schools: options.schools, years: options.years })
		);
}

/** Fills an empty, migrated database with a whole district, in one transaction. */
export function generateDistrict(db: Db, options: DistrictOptions): void {
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
	db.$client.transaction(() => {
		addSchoolYears(context);
		addDistrict(context, context.stamp.replace('.000', ''));
		addStudentGroups(context);
		addSchools(context, options.schools);
		addEnrollment(context);
		addPriorities(context, currentSponsors(context));
		addMeasures(context);
		addResults(context);
		addStructures(context);
		addPolicies(context);
		addNotDoingItems(context);
		addInitiatives(context);
		addLeaders(context);
		addCheckIns(context);
		addEngagements(context);
		addMeetings(context);
		addFeedback(context);
		recordSeed(context, options);
	})();
}
