import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cdsPattern } from '../../params.ts';
import { district, schoolYears } from '../db/schema/district.ts';
import type { Db } from '../db/open.ts';
import { ensureSchoolYears } from '../school-years/index.ts';
import { today } from '../clock.ts';
import { type Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';

/** The district's settings: the columns of the one `district` row an administrator may edit. */
export const settingsSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Enter the district’s name.')
		.max(200, 'Use at most 200 characters.'),
	cdsCode: z.string().trim().regex(cdsPattern, 'A CDS code is 14 digits, e.g. 19647330000000.'),
	priorityCap: z.coerce
		.number()
		.int('Use a whole number.')
		.min(1, 'At least 1.')
		.max(20, 'At most 20.'),
	suppressionSize: z.coerce
		.number()
		.int('Use a whole number.')
		.min(1, 'At least 1.')
		.max(100, 'At most 100.'),
	currentSchoolYearId: z.preprocess(
		(v) => (v === '' || v === undefined || v === null ? null : v),
		z.coerce.number().int().positive().nullable()
	),
	initiativeLimit: z.coerce
		.number()
		.int('Use a whole number.')
		.min(1, 'At least 1.')
		.max(50, 'At most 50.'),
	engagementWindowDays: z.coerce
		.number()
		.int('Use a whole number.')
		.min(1, 'At least 1 day.')
		.max(730, 'At most 730 days.'),
	boardTimeGoalPercent: z.coerce
		.number()
		.int('Use a whole number.')
		.min(0, 'At least 0.')
		.max(100, 'At most 100.'),
	feedbackOpenDays: z.coerce
		.number()
		.int('Use a whole number.')
		.min(1, 'At least 1 day.')
		.max(365, 'At most 365 days.'),
	/** Admin, superintendent and staff sign in with an authenticator app. Absent: left as it is. */
	mfaRequired: z
		.preprocess(
			(v) => (typeof v === 'boolean' ? String(v) : v),
			z.enum(['true', 'false'], { error: 'Choose whether an authenticator app is required.' })
		)
		.transform((v) => v === 'true')
		.optional()
});

export type DistrictSettings = z.infer<typeof settingsSchema>;

const columns = {
	name: district.name,
	cdsCode: district.cdsCode,
	priorityCap: district.priorityCap,
	suppressionSize: district.suppressionSize,
	currentSchoolYearId: district.currentSchoolYearId,
	initiativeLimit: district.initiativeLimit,
	engagementWindowDays: district.engagementWindowDays,
	boardTimeGoalPercent: district.boardTimeGoalPercent,
	feedbackOpenDays: district.feedbackOpenDays,
	mfaRequired: district.mfaRequired
};

/** The settings, or undefined before the district exists. */
export function districtSettings(db: Db): (DistrictSettings & { id: number }) | undefined {
	return db
		.select({ id: district.id, ...columns })
		.from(district)
		.orderBy(asc(district.id))
		.limit(1)
		.get();
}

export function schoolYearChoices(db: Db) {
	ensureSchoolYears(db, today());
	return db
		.select({ id: schoolYears.id, label: schoolYears.label })
		.from(schoolYears)
		.orderBy(asc(schoolYears.startYear))
		.all();
}

/**
 * Saves the settings (creating the district row if there is none) and records before/after.
 * Returns the saved settings; unchanged settings record nothing.
 */
export function updateDistrictSettings(
	db: Db,
	actor: Actor,
	input: DistrictSettings
): DistrictSettings {
	return write(db, actor, ({ tx: t, audit }) => {
		if (input.currentSchoolYearId !== null) {
			const year = t
				.select({ id: schoolYears.id })
				.from(schoolYears)
				.where(eq(schoolYears.id, input.currentSchoolYearId))
				.get();
			if (!year) throw new Error('No such school year.');
		}
		const existing = districtSettings(t);
		if (!existing) {
			const id = t.insert(district).values(input).returning({ id: district.id }).get().id;
			audit({
				action: 'settings',
				entity: 'district',
				entityId: id,
				before: null,
				after: input
			});
			return input;
		}
		const { id, ...before } = existing;
		if (JSON.stringify(before) === JSON.stringify({ ...before, ...input })) return before;
		t.update(district).set(input).where(eq(district.id, id)).run();
		const { id: _id, ...after } = districtSettings(t)!;
		audit({ action: 'settings', entity: 'district', entityId: id, before, after });
		return after;
	});
}
