// The mid-year report as a meeting's item: entered (imported), given statuses, put on a meeting,
// and frozen with that meeting's record when it is held — refused edits by the database too.
// San Juan Unified's 2024-25 mid-year report (../shared/data/lcap): 199 actions, $69,102,440 spent
// as of 10 December 2024 (typed from the report presented on 11 February 2025).
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { testDb } from '../testing.ts';
import { systemActor } from '../audit/index.ts';
import { markHeld } from '../meetings/held.ts';
import { readLcapFiles } from './read.ts';
import { importLcap } from './import.ts';
import {
	midYearOfMeeting,
	midYearReports,
	setMidYearMeeting,
	setMidYearStatuses
} from './mid-year.ts';

const file = resolve('../shared/data/lcap/san-juan-usd-2024-25-midyear.csv');

async function withReport() {
	const db = testDb();
	db.$client
		.prepare("insert into board_meeting (held_on, title) values ('2025-02-11', 'Regular meeting')")
		.run();
	const parsed = await readLcapFiles([{ path: file, name: 'midyear.csv' }]);
	const report = importLcap(db, parsed, systemActor);
	expect(report.errors).toEqual([]);
	const id = midYearReports(db)[0].id;
	return { db, id, parsed };
}

describe('the mid-year report on a meeting', () => {
	it('is kept with the meeting and presented there', async () => {
		const { db, id } = await withReport();
		expect(setMidYearMeeting(db, systemActor, id, { meetingId: '1' })).toEqual({ ok: true, id });
		const report = midYearOfMeeting(db, 1)!;
		expect(report.year).toBe('2024-25');
		expect(report.asOf).toBe('2024-12-10');
		expect(report.spentCents).toBe(6_910_244_000);
		expect(report.rows).toHaveLength(199);
		const first = report.rows[0];
		expect(
			setMidYearStatuses(db, systemActor, id, { [`status-${first.id}`]: 'in progress' })
		).toEqual({ ok: true, id });
		expect(midYearOfMeeting(db, 1)!.byStatus['in progress']).toBe(1);
	});

	it('takes the spending to date by hand, all of it or none', async () => {
		const { db, id } = await withReport();
		setMidYearMeeting(db, systemActor, id, { meetingId: '1' });
		const [first, second] = midYearOfMeeting(db, 1)!.rows;
		const refused = setMidYearStatuses(db, systemActor, id, {
			[`spent-${first.id}`]: '250,000.50',
			[`spent-${second.id}`]: 'lots'
		});
		expect(refused.ok).toBe(false);
		// Action 1.01's spending as the report printed it: $204,127.00.
		expect(midYearOfMeeting(db, 1)!.rows[0].spentCents).toBe(20_412_700);
		expect(
			setMidYearStatuses(db, systemActor, id, { [`spent-${first.id}`]: '250,000.50' }).ok
		).toBe(true);
		expect(midYearOfMeeting(db, 1)!.rows[0].spentCents).toBe(25_000_050);
	});

	it('is frozen with the meeting’s record: no edit, no re-import, the database refuses too', async () => {
		const { db, id, parsed } = await withReport();
		setMidYearMeeting(db, systemActor, id, { meetingId: '1' });
		markHeld(db, systemActor, 1, '2025-02-11');
		const row = midYearOfMeeting(db, 1)!.rows[0];
		expect(midYearOfMeeting(db, 1)!.meeting).toMatchObject({ held: true, frozen: true });
		expect(setMidYearStatuses(db, systemActor, id, { [`status-${row.id}`]: 'completed' }).ok).toBe(
			false
		);
		expect(setMidYearMeeting(db, systemActor, id, { meetingId: '' }).ok).toBe(false);
		const again = importLcap(db, parsed, systemActor);
		expect(again.errors.map((e) => e.reason)).toEqual([
			'the 2024-25 mid-year report is on the record of its meeting and no longer changes'
		]);
		expect(() =>
			db.$client
				.prepare("update lcap_midyear_row set status = 'completed' where id = ?")
				.run(row.id)
		).toThrow(/on the record of its meeting/);
	});
});
