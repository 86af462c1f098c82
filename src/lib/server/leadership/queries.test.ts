import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { engagements } from '../db/schema/leadership.ts';
import { addTenure, seedReachDistrict } from '../implementation/fixture.ts';
import {
	createEngagement,
	createTenure,
	deleteTenure,
	engagementInput,
	leadershipOverview,
	listEngagements,
	priorityLeadership,
	tenureInput,
	updateTenure
} from './queries.ts';

let db: DbFile;
const actor = { id: 'u1', email: 'staff@example.org' };
beforeEach(() => {
	db = testDb();
	seedReachDistrict(db);
});
afterEach(() => db.$client.close());

describe('tenure input', () => {
	it('requires the school for a principal and an end after the start', () => {
		const r = tenureInput.safeParse({
			role: 'principal',
			personName: 'A',
			schoolId: '',
			priorityId: '',
			startedOn: '2024-07-01',
			endedOn: '2024-01-01'
		});
		expect(r.success).toBe(false);
		const paths = r.error?.issues.map((i) => i.path[0]);
		expect(paths).toEqual(expect.arrayContaining(['schoolId', 'endedOn']));
	});
	it('keeps only the place that belongs to the role', () => {
		const r = tenureInput.parse({
			role: 'superintendent',
			personName: ' Dr. Rivera ',
			schoolId: '2',
			priorityId: '1',
			startedOn: '2024-07-01',
			endedOn: ''
		});
		expect(r).toEqual({
			role: 'superintendent',
			personName: 'Dr. Rivera',
			schoolId: null,
			priorityId: null,
			startedOn: '2024-07-01',
			endedOn: null
		});
	});
});

describe('tenure and engagement writes', () => {
	it('audit every change', () => {
		const t = createTenure(
			db,
			actor,
			tenureInput.parse({
				role: 'principal',
				personName: 'Pat',
				schoolId: '1',
				priorityId: '',
				startedOn: '2020-07-01',
				endedOn: ''
			})
		);
		updateTenure(db, actor, t.id, { ...t, endedOn: '2024-06-30' });
		deleteTenure(db, actor, t.id);
		createEngagement(
			db,
			actor,
			engagementInput.parse({
				priorityId: '1',
				leaderName: 'Supt.',
				leaderRole: 'Superintendent',
				kind: 'walkthrough',
				occurredOn: '2025-05-01',
				schoolId: '2',
				note: ''
			})
		);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => `${a.action} ${a.entity}`)
		).toEqual([
			'create leader_tenure',
			'update leader_tenure',
			'delete leader_tenure',
			'create engagement'
		]);
		const log = listEngagements(db, { priorityId: 1 });
		expect(log.total).toBe(1);
		expect(log.rows[0].schoolName).toBe('Birch Middle');
	});
});

describe('leadershipOverview', () => {
	it('lists leaders by seat and year, turnover and average tenure', () => {
		addTenure(db, 'superintendent', 'S1', '2018-07-01', '2023-06-30');
		addTenure(db, 'superintendent', 'S2', '2023-07-01', null);
		addTenure(db, 'sponsor', 'Sp1', '2022-07-01', null, { priorityId: 1 });
		addTenure(db, 'principal', 'P1', '2019-07-01', null, { schoolId: 1 });
		const o = leadershipOverview(db, '2025-06-30');
		expect(o.seats.map((s) => s.label)).toEqual([
			'Superintendent',
			'Every student reads',
			'Alder Elementary'
		]);
		expect(o.seats[0].holders).toEqual([['S1'], ['S2'], ['S2']]);
		expect(o.turnover.map((t) => [t.label, t.changed, t.seats])).toEqual([
			['2022-23', 0, 3],
			['2023-24', 1, 3],
			['2024-25', 0, 3]
		]);
		expect(o.turnover[1].byRole.superintendent.rate).toBe(1);
		expect(o.averageTenure.superintendent.years).toBeCloseTo((5 + 2) / 2, 1);
		expect(o.timelines.map((t) => t.daysSinceLast)).toEqual([null, null]);
	});
});

describe('priorityLeadership', () => {
	const engage = (priorityId: number, occurredOn: string, leaderName = 'Supt.') =>
		db.insert(engagements).values({ priorityId, leaderName, kind: 'site visit', occurredOn }).run();

	it('gives the priority’s sponsors oldest first and its engagement newest first', () => {
		addTenure(db, 'sponsor', 'Second', '2023-07-01', null, { priorityId: 1 });
		addTenure(db, 'sponsor', 'First', '2021-07-01', '2023-06-30', { priorityId: 1 });
		addTenure(db, 'sponsor', 'Other priority', '2021-07-01', null, { priorityId: 2 });
		addTenure(db, 'superintendent', 'Supt.', '2020-07-01', null);
		engage(1, '2025-03-01', 'March');
		engage(1, '2025-05-01', 'May');
		engage(2, '2025-06-01', 'Other priority');
		const l = priorityLeadership(db, 1, '2025-06-30');
		expect(l.sponsors.map((s) => [s.personName, s.endedOn])).toEqual([
			['First', '2023-06-30'],
			['Second', null]
		]);
		expect(l.sponsors[0].years).toBeCloseTo(2, 1);
		expect(l.sponsors[1].years).toBeCloseTo(2, 1);
		expect(l.engagements.map((e) => e.leaderName)).toEqual(['May', 'March']);
		expect(l.totalEngagements).toBe(2);
		expect(l.lastOn).toBe('2025-05-01');
		expect(l.daysSinceLast).toBe(60);
	});

	it('does not count an engagement dated after today as the last one', () => {
		engage(1, '2025-01-10');
		engage(1, '2025-09-01');
		const l = priorityLeadership(db, 1, '2025-01-20');
		expect(l.totalEngagements).toBe(2);
		expect(l.lastOn).toBe('2025-01-10');
		expect(l.daysSinceLast).toBe(10);
	});

	it('is empty, with no last engagement, for a priority nobody has engaged with', () => {
		expect(priorityLeadership(db, 2, '2025-06-30')).toEqual({
			sponsors: [],
			engagements: [],
			totalEngagements: 0,
			lastOn: null,
			daysSinceLast: null
		});
	});
});
