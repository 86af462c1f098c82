import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { users } from '../db/schema/auth.ts';
import { boardMember, seedMeetingsDistrict, staff, superintendent } from '../meetings/fixture.ts';
import { addAgendaItem, createMeeting, setDuePriorities } from '../meetings/meetings.ts';
import { agendaCsv } from '../meetings/agenda-csv.ts';
import { escapeText, foldLine, icsCalendar } from './ics.ts';
import { boardCalendarIcs } from './feed.ts';
import { calendarFeedPath, calendarSignature, feedReader, isCalendarSignature } from './link.ts';

const secret = 'a-test-secret-of-more-than-32-characters';

describe('iCalendar lines', () => {
	it('escapes TEXT and folds at 75 octets without splitting a character', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
		const long = 'DESCRIPTION:' + 'Año escolar — ñandú '.repeat(12);
		const folded = foldLine(long).split('\r\n');
		expect(folded.length).toBeGreaterThan(1);
		for (const line of folded)
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
		expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
		const text = icsCalendar([['VERSION', '2.0']], []);
		expect(text).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
	});
});

describe('the board calendar feed', () => {
	let db: DbFile;
	let april: number;
	beforeAll(() => {
		db = testDb();
		seedMeetingsDistrict(db);
		april = createMeeting(db, staff, {
			heldOn: '2025-04-10',
			kind: 'regular',
			title: 'Regular meeting, with a comma; and a semicolon',
			location: 'District office, Board room'
		});
		createMeeting(db, staff, { heldOn: '2025-06-12', kind: 'special', title: '', location: null });
		addAgendaItem(db, staff, april, {
			title: '=HYPERLINK("http://evil") Early literacy: progress update',
			priorityId: 1,
			minutes: 35,
			sortOrder: 1
		});
		addAgendaItem(db, staff, april, {
			title: 'Consent agenda',
			priorityId: null,
			minutes: 10,
			sortOrder: 2
		});
		setDuePriorities(db, staff, april, [1, 2]);
	});
	afterAll(() => db.$client.close());

	it('parses back: one all-day event per meeting, with its agenda and due updates', () => {
		const text = boardCalendarIcs(db, {
			origin: 'https://board.example.org',
			today: '2025-06-15',
			now: new Date('2025-06-15T12:00:00Z')
		});
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
		for (const line of text.split('\r\n'))
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

		const calendar = new ICAL.Component(ICAL.parse(text));
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events).toHaveLength(2);
		const first = events[0];
		expect(first.uid).toBe(`board-meeting-${april}@board.example.org`);
		expect(first.summary).toBe(
			'Test USD: Regular meeting, with a comma; and a semicolon (April 10, 2025)'
		);
		expect(first.location).toBe('District office, Board room');
		expect(first.startDate.isDate).toBe(true);
		expect(first.startDate.toString()).toBe('2025-04-10');
		expect(first.endDate.toString()).toBe('2025-04-11');
		expect(first.description).toContain(
			'Progress updates due:\n- Early literacy: not started (overdue)'
		);
		expect(first.description).toContain('- Math for all: not started (overdue)');
		expect(first.description).toContain('- Consent agenda (other, 10 min)');
		expect(first.description).toContain(`https://board.example.org/board/meetings/${april}`);
		expect(events[1].summary).toBe('Test USD: Special meeting, June 12, 2025');
	});

	it('signs a link per person and refuses any other', () => {
		const sig = calendarSignature(secret, boardMember.id!);
		expect(isCalendarSignature(secret, boardMember.id!, sig)).toBe(true);
		expect(isCalendarSignature(secret, staff.id!, sig)).toBe(false);
		expect(isCalendarSignature('another-secret-another-secret-xx', boardMember.id!, sig)).toBe(
			false
		);
		expect(isCalendarSignature(secret, boardMember.id!, sig.slice(0, -1))).toBe(false);

		const params = (path: string) => new URL(path, 'https://x.example').searchParams;
		const link = calendarFeedPath(secret, boardMember.id!);
		expect(link).toMatch(/^\/board\/calendar\.ics\?user=u-board&sig=[\w-]{43}$/);
		expect(feedReader(db, secret, params(link))).toEqual({
			ok: true,
			userId: 'u-board',
			role: 'board'
		});
		expect(feedReader(db, secret, params('/board/calendar.ics'))).toEqual({
			ok: false,
			why: 'missing'
		});
		expect(feedReader(db, secret, params('/board/calendar.ics?user=u-board'))).toEqual({
			ok: false,
			why: 'missing'
		});
		const forged = link.replace('user=u-board', 'user=u-sup');
		expect(feedReader(db, secret, params(forged))).toEqual({ ok: false, why: 'bad-signature' });
		// A signature for an account that was removed.
		expect(feedReader(db, secret, params(calendarFeedPath(secret, 'u-gone')))).toEqual({
			ok: false,
			why: 'no-such-user'
		});
	});

	it('refuses the link of a deactivated account', () => {
		const link = new URL(calendarFeedPath(secret, superintendent.id!), 'https://x.example');
		expect(feedReader(db, secret, link.searchParams).ok).toBe(true);
		db.update(users).set({ banned: true }).where(eq(users.id, superintendent.id!)).run();
		expect(feedReader(db, secret, link.searchParams)).toEqual({ ok: false, why: 'not-allowed' });
		// A ban that has run out no longer refuses.
		db.update(users)
			.set({ banExpires: new Date('2020-01-01') })
			.where(eq(users.id, superintendent.id!))
			.run();
		expect(feedReader(db, secret, link.searchParams).ok).toBe(true);
	});

	it('writes the agenda as CSV for a board portal, formulas as text', () => {
		const file = agendaCsv(db, april)!;
		expect(file.filename).toBe('agenda-2025-04-10.csv');
		expect(file.csv.split('\n')).toEqual([
			'meeting_date,meeting,order,agenda_item,priority,minutes,progress_update_due',
			'2025-04-10,"Regular meeting, with a comma; and a semicolon (April 10, 2025)",1,"\'=HYPERLINK(""http://evil"") Early literacy: progress update",Early literacy,35,yes',
			'2025-04-10,"Regular meeting, with a comma; and a semicolon (April 10, 2025)",2,Consent agenda,other,10,no',
			''
		]);
		expect(agendaCsv(db, 999)).toBeNull();
	});
});
