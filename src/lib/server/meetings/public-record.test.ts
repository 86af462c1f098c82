import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedDemo } from '../demo/index.ts';
import { heldMeetings, markHeld } from './held.ts';
import { meetingRecord } from './snapshots.ts';
import type { PrioritySlide } from './presentation.ts';
import { publicMeetingList, publicMeetingRecord } from './public-record.ts';
import { recordPdf, winAnsi } from './record-pdf.ts';

describe('a held meeting’s public record', () => {
	let db: DbFile;
	let meetingId: number;
	/** The demo's newest past meeting: an update shared with the board only, and a question. */
	let sharedOnly: number;
	beforeAll(async () => {
		db = testDb();
		await seedDemo(db);
		meetingId = heldMeetings(db)[0].id;
		sharedOnly = (
			db.$client
				.prepare(
					`select m.id from board_meeting m where m.held_on <= '2025-06-15' and m.held_at is null
					 and exists (select 1 from progress_update u join board_question q on q.update_id = u.id
					   join progress_update_version v on v.update_id = u.id and v.state = 'shared'
					   where u.meeting_id = m.id)
					 order by m.held_on desc limit 1`
				)
				.get() as { id: number }
		).id;
	}, 60_000);
	afterAll(() => db.$client.close());

	it('exists only for a held meeting', () => {
		expect(publicMeetingRecord(db, meetingId)).not.toBeNull();
		const notHeld = db.$client
			.prepare('select id from board_meeting where held_at is null limit 1')
			.get() as { id: number };
		expect(publicMeetingRecord(db, notHeld.id)).toBeNull();
		expect(publicMeetingRecord(db, 999_999)).toBeNull();
		// The demo holds the last school year's meetings with a published report (its board's record).
		const held = db.$client
			.prepare('select id from board_meeting where held_at is not null order by held_on desc')
			.pluck()
			.all();
		expect(publicMeetingList(db).map((m) => m.id)).toEqual(held);
		expect(held[0]).toBe(meetingId);
		expect(held).not.toContain(notHeld.id);
		expect(publicMeetingRecord(db, sharedOnly)).toBeNull();
	});

	it('shows published updates only: never one shared with the board alone, a draft, a question or notes', () => {
		markHeld(db, { id: null, email: 'superintendent@example.org' }, sharedOnly, '2025-06-15');
		for (const id of [meetingId, sharedOnly]) expectOnlyPublic(id);
	});

	function expectOnlyPublic(meetingId: number) {
		const record = publicMeetingRecord(db, meetingId)!;
		const deck = meetingRecord(db, meetingId)!.deck;
		const slides = deck.slides.filter((s): s is PrioritySlide => s.kind === 'priority');
		expect(record.priorities.map((p) => p.priorityId)).toEqual(slides.map((s) => s.priorityId));
		const versions = db.$client
			.prepare(
				`select u.priority_id as priorityId, v.state, v.summary, v.speaker_notes as notes
				 from progress_update_version v join progress_update u on u.id = v.update_id
				 where u.meeting_id = ?`
			)
			.all(meetingId) as { priorityId: number; state: string; summary: string; notes: string }[];
		const text = JSON.stringify(record);
		const hidden = versions.filter((v) => v.state !== 'published');
		for (const v of hidden)
			if (!versions.some((w) => w.state === 'published' && w.summary === v.summary))
				expect(text).not.toContain(v.summary);
		for (const v of versions) if (v.notes) expect(text).not.toContain(v.notes);
		for (const v of versions.filter((w) => w.state === 'published'))
			expect(record.priorities.find((p) => p.priorityId === v.priorityId)!.update?.summary).toBe(
				v.summary
			);
		const questions = db.$client
			.prepare(
				`select q.question, q.answer from board_question q join progress_update u on u.id = q.update_id
				 where u.meeting_id = ?`
			)
			.all(meetingId) as { question: string; answer: string | null }[];
		for (const q of questions) expect(text).not.toContain(q.question);
		if (meetingId === sharedOnly) {
			expect(hidden.length).toBeGreaterThan(0);
			expect(questions.length).toBeGreaterThan(0);
			// The record itself holds the shared update (the board was shown it); the public page not.
			expect(JSON.stringify(deck)).toContain(hidden[0].summary);
		}
	}

	it('hides a figure whose group is now under the suppression size', () => {
		const before = publicMeetingRecord(db, meetingId)!;
		const shown = before.priorities.find((p) => p.trend?.points.some((pt) => pt.value !== null))!;
		expect(shown.trend!.points.every((pt) => !pt.suppressed)).toBe(true);
		const size = before.suppressionSize;
		db.$client.prepare('update district set suppression_size = 1000000').run();
		try {
			const after = publicMeetingRecord(db, meetingId)!;
			const p = after.priorities.find((x) => x.priorityId === shown.priorityId)!;
			const withN = p.trend!.points.filter((pt) => pt.suppressed);
			expect(withN.length).toBeGreaterThan(0);
			expect(withN.every((pt) => pt.value === null)).toBe(true);
		} finally {
			db.$client.prepare('update district set suppression_size = ?').run(size);
		}
	});

	it('is a PDF with a first page and a page per priority', async () => {
		const record = publicMeetingRecord(db, meetingId)!;
		const pdf = await recordPdf(record, 'https://example.org/meetings/1');
		expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
		const doc = await PDFDocument.load(pdf);
		expect(doc.getPageCount()).toBe(1 + record.priorities.length);
		expect(doc.getTitle()).toContain('public record');
	});

	it('is Spanish on the Spanish record: its title, subject and language', async () => {
		const record = publicMeetingRecord(db, meetingId)!;
		const pdf = await recordPdf(record, 'https://example.org/es/meetings/1', 'es');
		const doc = await PDFDocument.load(pdf);
		expect(doc.getPageCount()).toBe(1 + record.priorities.length);
		expect(doc.getTitle()).toContain('registro público');
		expect(doc.getSubject()).toBe(
			'Lo que se le presentó a la mesa directiva, tal como se presentó'
		);
		expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('es-US');
	});

	it('writes text in the standard fonts’ characters', () => {
		expect(winAnsi('−10.7 points → año “x” — 3\u202fPM ✓')).toBe(
			'-10.7 points -> año “x” — 3 PM ?'
		);
	});
});
