import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { boardMember, staff, superintendent } from '../meetings/fixture.ts';
import { createMeeting } from '../meetings/meetings.ts';
import { saveUpdate, updateInput } from '../meetings/updates.ts';
import { presentedReport, seedBoardDistrict } from './fixture.ts';
import { addMember, seatedOn, updateMember } from './members.ts';
import {
	certifyReport,
	dispositionRecords,
	recordDisposition,
	reportsAwaitingVerdict,
	tallyOf
} from './dispositions.ts';

const verdict = (votes: Record<string, string>) => ({
	interpretation: 'yes',
	progress: 'partly',
	finding: 'Reading grew in most schools; two schools fell back.',
	motion: 'Accept the report as presented.',
	votes
});

describe('board members', () => {
	let db: DbFile;
	beforeEach(() => {
		db = testDb();
		seedBoardDistrict(db);
	});
	afterEach(() => db.$client.close());

	it('refuses a term that ends before it starts, and saves nothing', () => {
		const count = () => db.$client.prepare('select count(*) n from board_member').get();
		const before = count();
		const saved = addMember(db, staff, {
			name: 'Gil Grant',
			seat: 'Area 6',
			termStart: '2026-12-01',
			termEnd: '2022-11-30'
		});
		expect(saved).toEqual({
			ok: false,
			errors: { termEnd: ['The term must end after it starts.'] }
		});
		expect(count()).toEqual(before);
		expect(
			updateMember(db, staff, 1, {
				name: 'Ana Alvarez',
				seat: 'Area 1',
				termStart: '2026-12-01',
				termEnd: '2026-12-01'
			}).ok
		).toBe(false);
	});

	it('seats the members whose term covers a date (the fifth seat changed hands on 1 December 2024)', () => {
		expect(seatedOn(db, '2024-11-30').map((m) => m.name)).toEqual([
			'Ana Alvarez',
			'Ben Brooks',
			'Cam Chen',
			'Dee Diaz',
			'Eli Evans'
		]);
		expect(
			seatedOn(db, '2025-03-12')
				.map((m) => m.name)
				.at(-1)
		).toBe('Fay Fox');
	});
});

describe('the board’s verdict on a report', () => {
	let db: DbFile;
	let updateId: number;
	beforeEach(() => {
		db = testDb();
		seedBoardDistrict(db);
		updateId = presentedReport(db, 1, '2025-03-12');
	});
	afterEach(() => db.$client.close());
	const rows = (table: string) =>
		(db.$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
	// Seated on 12 March 2025: members 1–4 and Fay Fox (6); Eli Evans (5) left on 30 November 2024.
	const fullRollCall = { '1': 'aye', '2': 'aye', '3': 'no', '4': 'abstain', '6': 'absent' };

	it('records the verdict and the roll call by member, and says the motion carried', () => {
		const saved = recordDisposition(db, boardMember, updateId, verdict(fullRollCall));
		expect(saved.ok).toBe(true);
		const [record] = dispositionRecords(db, { priorityId: 1 });
		expect(record).toMatchObject({
			interpretation: 'yes',
			progress: 'partly',
			heldOn: '2025-03-12'
		});
		expect(record.votes.map((v) => [v.name, v.vote])).toEqual([
			['Ana Alvarez', 'aye'],
			['Ben Brooks', 'aye'],
			['Cam Chen', 'no'],
			['Dee Diaz', 'abstain'],
			['Fay Fox', 'absent']
		]);
		// 2 ayes of 5 seats is not a majority of the membership (Education Code 35164).
		expect(record.tally).toEqual({
			aye: 2,
			no: 1,
			abstain: 1,
			absent: 1,
			seats: 5,
			carried: false
		});
		expect(rows("audit_log where entity = 'disposition'")).toBe(1);
		expect(reportsAwaitingVerdict(db)).toEqual([]);
	});

	it('counts a majority of the seats, not of those voting', () => {
		expect(tallyOf(['aye', 'aye', 'aye', 'no', 'absent']).carried).toBe(true);
		expect(tallyOf(['aye', 'aye', 'absent', 'absent', 'absent']).carried).toBe(false);
	});

	it('refuses a roll call that does not add up to the seats, and saves nothing', () => {
		const short = recordDisposition(
			db,
			boardMember,
			updateId,
			verdict({ '1': 'aye', '2': 'aye', '3': 'aye', '4': 'aye' })
		);
		expect(short.ok).toBe(false);
		if (!short.ok) {
			expect(short.errors.votes[0]).toMatch(
				/each of the 5 seated members; it counts 4\. No vote for Fay Fox\./
			);
			expect(short.errors['vote-6']).toBeDefined();
		}
		const someoneGone = recordDisposition(
			db,
			boardMember,
			updateId,
			verdict({ ...fullRollCall, '5': 'aye' })
		);
		expect(someoneGone.ok).toBe(false);
		if (!someoneGone.ok) expect(someoneGone.errors.votes[0]).toMatch(/not seated/);
		expect(rows('disposition')).toBe(0);
		expect(rows('disposition_vote')).toBe(0);
	});

	it('refuses a verdict on a report not presented, and a second verdict', () => {
		const meetingId = createMeeting(db, staff, {
			heldOn: '2025-05-14',
			kind: 'regular',
			title: '',
			location: null
		});
		const draft = saveUpdate(
			db,
			staff,
			2,
			meetingId,
			updateInput.parse({ status: 'watch', summary: 'Draft' })
		).updateId;
		const refused = recordDisposition(db, boardMember, draft, verdict(fullRollCall));
		expect(refused).toMatchObject({
			ok: false,
			errors: { form: [expect.stringMatching(/not presented/)] }
		});
		expect(rows('disposition')).toBe(0);
		expect(recordDisposition(db, boardMember, updateId, verdict(fullRollCall)).ok).toBe(true);
		expect(recordDisposition(db, boardMember, updateId, verdict(fullRollCall))).toMatchObject({
			ok: false,
			errors: { form: [expect.stringMatching(/already on record/)] }
		});
	});

	it('keeps a verdict as voted: the database refuses to change it', () => {
		recordDisposition(db, boardMember, updateId, verdict(fullRollCall));
		expect(() => db.$client.prepare("update disposition set progress = 'yes'").run()).toThrow(
			/kept as it was voted/
		);
		expect(() => db.$client.prepare('delete from disposition_vote').run()).toThrow(
			/kept as it was cast/
		);
	});

	it('lists a presented report without a verdict, and refuses a certification in the future', () => {
		expect(reportsAwaitingVerdict(db)).toMatchObject([
			{ updateId, priorityId: 1, heldOn: '2025-03-12' }
		]);
		expect(
			certifyReport(db, superintendent, updateId, { trueAsOf: '2025-03-20' }, '2025-03-15').ok
		).toBe(false);
		expect(
			certifyReport(db, superintendent, updateId, { trueAsOf: '2025-03-05' }, '2025-03-15').ok
		).toBe(true);
		recordDisposition(db, boardMember, updateId, verdict(fullRollCall));
		expect(dispositionRecords(db)[0].trueAsOf).toBe('2025-03-05');
	});

	it('a member added later does not change a past roll call', () => {
		recordDisposition(db, boardMember, updateId, verdict(fullRollCall));
		addMember(db, staff, {
			name: 'Gil Grant',
			seat: 'Area 6',
			termStart: '2025-01-01',
			termEnd: '2028-12-01'
		});
		expect(dispositionRecords(db)[0].votes).toHaveLength(5);
	});
});
