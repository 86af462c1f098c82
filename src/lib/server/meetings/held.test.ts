import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedMeetingsDistrict, staff, superintendent } from './fixture.ts';
import { createMeeting, getMeeting } from './meetings.ts';
import { heldMeetings, markHeld } from './held.ts';
import { freezeMeeting, meetingRecord } from './snapshots.ts';
import { WorkflowError } from './updates.ts';

describe('marking a meeting held', () => {
	let db: DbFile;
	let meetingId: number;
	beforeEach(() => {
		db = testDb();
		seedMeetingsDistrict(db);
		meetingId = createMeeting(db, staff, {
			heldOn: '2025-04-10',
			kind: 'regular',
			title: '',
			location: null
		});
	});
	afterEach(() => db.$client.close());

	const audit = (action: string) =>
		db.$client
			.prepare('select * from audit_log where action = ? and entity_id = ?')
			.all(action, String(meetingId)) as { user_email: string; after: string }[];

	it('records who and when, freezes a record when there is none, and is audited', () => {
		expect(meetingRecord(db, meetingId)).toBeNull();
		const held = markHeld(db, superintendent, meetingId, '2025-04-11');
		expect(held.frozenNow).toBe(true);
		const meeting = getMeeting(db, meetingId)!;
		expect(meeting.heldAt).toBe(held.heldAt);
		expect(meeting.heldBy).toBe(superintendent.email);
		const record = meetingRecord(db, meetingId)!;
		expect(record).toMatchObject({ id: held.recordId, reason: 'held' });
		expect(audit('hold')).toHaveLength(1);
		expect(audit('hold')[0].user_email).toBe(superintendent.email);
		expect(JSON.parse(audit('hold')[0].after)).toMatchObject({ record: record.id });
		expect(audit('freeze')).toHaveLength(1);
		expect(heldMeetings(db).map((m) => m.id)).toEqual([meetingId]);
	});

	it('keeps the record publishing froze: no second freeze', () => {
		const first = freezeMeeting(db, superintendent, meetingId, 'published');
		const held = markHeld(db, superintendent, meetingId, '2025-04-10');
		expect(held).toMatchObject({ recordId: first, frozenNow: false });
		expect(audit('freeze')).toHaveLength(1);
		expect(meetingRecord(db, meetingId)!.reason).toBe('published');
	});

	it('refuses a meeting not yet come, a meeting held already, and leaves nothing behind', () => {
		expect(() => markHeld(db, superintendent, meetingId, '2025-04-09')).toThrow(WorkflowError);
		expect(getMeeting(db, meetingId)!.heldAt).toBeNull();
		expect(meetingRecord(db, meetingId)).toBeNull();
		expect(audit('hold')).toHaveLength(0);
		markHeld(db, superintendent, meetingId, '2025-04-10');
		expect(() => markHeld(db, superintendent, meetingId, '2025-04-12')).toThrow(/already/);
		expect(audit('hold')).toHaveLength(1);
		expect(() => markHeld(db, superintendent, 999, '2025-04-12')).toThrow(WorkflowError);
	});

	it('lists only held meetings, newest first', () => {
		const later = createMeeting(db, staff, {
			heldOn: '2025-05-08',
			kind: 'regular',
			title: '',
			location: null
		});
		createMeeting(db, staff, { heldOn: '2025-06-12', kind: 'regular', title: '', location: null });
		markHeld(db, superintendent, meetingId, '2025-06-15');
		markHeld(db, superintendent, later, '2025-06-15');
		expect(heldMeetings(db).map((m) => m.id)).toEqual([later, meetingId]);
	});
});
