import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { districtSettings, settingsSchema, updateDistrictSettings } from './index.ts';

let db: DbFile;
afterEach(() => db?.$client.close());
const actor = { id: 'a', email: 'admin@example.org' };

describe('district settings', () => {
	it('validates the CDS code and the numbers', () => {
		const r = settingsSchema.safeParse({
			name: 'X',
			cdsCode: '123',
			priorityCap: '0',
			suppressionSize: '11',
			currentSchoolYearId: '',
			initiativeLimit: '4',
			engagementWindowDays: '90',
			boardTimeGoalPercent: '150',
			feedbackOpenDays: '30'
		});
		expect(r.success).toBe(false);
		const paths = r.error!.issues.map((i) => i.path[0]);
		expect(paths.sort()).toEqual(['boardTimeGoalPercent', 'cdsCode', 'priorityCap']);
	});

	it('saves with exactly one audit entry carrying before and after', () => {
		db = testDb();
		db.$client.exec(
			"insert into district (id, name, cds_code) values (1, 'Sample Valley Unified', '99999990000000')"
		);
		const before = districtSettings(db)!;
		const input = settingsSchema.parse({ ...before, priorityCap: '3', currentSchoolYearId: '' });
		updateDistrictSettings(db, actor, input);
		updateDistrictSettings(db, actor, input); // unchanged: nothing recorded
		const entries = db.select().from(auditLog).all();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			action: 'settings',
			entity: 'district',
			entityId: '1',
			before: { priorityCap: 5 },
			after: { priorityCap: 3 }
		});
		expect(districtSettings(db)!.priorityCap).toBe(3);
	});

	it('requires an authenticator app in a new district; an administrator can turn it off', () => {
		db = testDb();
		db.$client.exec(
			"insert into district (id, name, cds_code) values (1, 'Sample Valley Unified', '99999990000000')"
		);
		const before = districtSettings(db)!;
		expect(before.mfaRequired).toBe(true);
		// A form without the field leaves it as it is.
		const { mfaRequired: _, ...rest } = before;
		updateDistrictSettings(db, actor, settingsSchema.parse({ ...rest, priorityCap: '4' }));
		expect(districtSettings(db)!.mfaRequired).toBe(true);
		expect(settingsSchema.safeParse({ ...before, mfaRequired: 'maybe' }).success).toBe(false);
		updateDistrictSettings(db, actor, settingsSchema.parse({ ...before, mfaRequired: 'false' }));
		expect(districtSettings(db)!.mfaRequired).toBe(false);
		const last = db.select().from(auditLog).all().at(-1)!;
		expect(last).toMatchObject({ before: { mfaRequired: true }, after: { mfaRequired: false } });
	});
});
