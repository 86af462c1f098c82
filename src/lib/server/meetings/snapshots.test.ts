import { beforeAll, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedDemo } from '../demo/index.ts';
import { systemActor } from '../audit/index.ts';
import { users } from '../db/schema/auth.ts';
import { presentation, type PrioritySlide } from './presentation.ts';
import { deckForReader, meetingRecord, publishAndFreeze } from './snapshots.ts';
import { deleteMeeting, MeetingOnRecordError } from './meetings.ts';

const superintendent = { id: 'u-sup', email: 'superintendent@example.org' };

describe('a meeting’s frozen record', () => {
	let db: DbFile;
	let meetingId: number;
	beforeAll(async () => {
		db = testDb();
		await seedDemo(db);
		const now = new Date();
		db.insert(users)
			.values({
				...superintendent,
				name: 'Sue Super',
				role: 'superintendent',
				createdAt: now,
				updatedAt: now
			})
			.run();
		// A meeting whose newest update version is shared, not yet published.
		const row = db.$client
			.prepare(
				`select u.id as updateId, u.meeting_id as meetingId from progress_update u
				 join progress_update_version v on v.update_id = u.id
				 where v.version = (select max(version) from progress_update_version where update_id = u.id)
				   and v.state = 'shared' limit 1`
			)
			.get() as { updateId: number; meetingId: number };
		meetingId = row.meetingId;
		expect(meetingRecord(db, meetingId)).toBeNull();
		publishAndFreeze(db, superintendent, row.updateId);
	}, 60_000);

	const firstPriority = (slides: { kind: string }[]) =>
		slides.find((s): s is PrioritySlide => s.kind === 'priority' && !!(s as PrioritySlide).trend)!;

	it('is taken when the meeting’s update is published, and audited', () => {
		const record = meetingRecord(db, meetingId)!;
		expect(record.reason).toBe('published');
		expect(record.deck).toEqual(presentation(db, meetingId));
		const audit = db.$client
			.prepare("select * from audit_log where action = 'freeze' and entity_id = ?")
			.all(String(meetingId));
		expect(audit).toHaveLength(1);
	});

	it('keeps the old figures after the results change; today’s view shows and names the new ones', () => {
		const slide = firstPriority(meetingRecord(db, meetingId)!.deck.slides);
		const point = slide.trend!.points.findLast((p) => p.value !== null)!;
		db.$client
			.prepare(
				`update result set value = value + 5 where school_id is null and student_group = 'ALL'
				 and measure_id = (select id from measure where name = ?)
				 and school_year_id = (select id from school_year where label = ?)`
			)
			.run(slide.trend!.name, point.schoolYear);

		const shown = deckForReader(db, meetingId, false)!;
		expect(shown.live).toBe(false);
		expect(firstPriority(shown.deck.slides).trend!.points).toEqual(slide.trend!.points);

		const today = deckForReader(db, meetingId, true)!;
		expect(today.live).toBe(true);
		const now = firstPriority(today.deck.slides).trend!.points.find(
			(p) => p.schoolYear === point.schoolYear
		)!;
		expect(now.value).toBeCloseTo(point.value! + 5);
		expect(today.changes.some((c) => c.includes(`${point.schoolYear} result`))).toBe(true);
	});

	it('cannot be changed or deleted, even through SQLite, and keeps its meeting', () => {
		expect(() => db.$client.prepare("update meeting_snapshot set deck = '{}'").run()).toThrow(
			/kept as it was presented/
		);
		expect(() => db.$client.prepare('delete from meeting_snapshot').run()).toThrow(
			/kept as it was presented/
		);
		expect(() => deleteMeeting(db, systemActor, meetingId)).toThrow(MeetingOnRecordError);
	});

	it('a meeting without a record shows today’s data and no changes', () => {
		const other = db.$client
			.prepare(
				'select id from board_meeting where id not in (select meeting_id from meeting_snapshot) limit 1'
			)
			.get() as { id: number };
		const shown = deckForReader(db, other.id, false)!;
		expect(shown).toMatchObject({ live: true, frozenAt: null, changes: [] });
	});
});
