import { asc } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { district } from '../db/schema/district.ts';
import { agendaItems, boardMeetings } from '../db/schema/meetings.ts';
import { priorities } from '../db/schema/priorities.ts';
import { meetingLabel, monitoringCalendarOf, schoolYearOf } from '../meetings/meetings.ts';
import { midYearReports } from '../lcap/mid-year.ts';
import { escapeText, icsCalendar, icsDate, icsDateTime, type IcsProperty } from './ics.ts';

function nextDay(isoDate: string): string {
	const d = new Date(isoDate + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/**
 * The board's calendar as iCalendar: one all-day event per board meeting (Throughline keeps the
 * date, not the hour), its description the agenda and the monitoring calendar — which priorities
 * are due for a progress update there and how far each update has got. Read by a calendar app
 * that subscribes to a person's signed link; `origin` makes the links and the events' UIDs.
 */
export function boardCalendarIcs(
	db: Db,
	options: { origin: string; today: string; now?: Date }
): string {
	const now = options.now ?? new Date();
	const host = new URL(options.origin).host;
	const name = db.select({ name: district.name }).from(district).get()?.name ?? 'Throughline';
	const meetings = db.select().from(boardMeetings).orderBy(asc(boardMeetings.heldOn)).all();
	const items = db
		.select()
		.from(agendaItems)
		.orderBy(asc(agendaItems.sortOrder), asc(agendaItems.id))
		.all();
	const titles = new Map(
		db
			.select({ id: priorities.id, title: priorities.title })
			.from(priorities)
			.all()
			.map((p) => [p.id, p.title])
	);
	// The monitoring calendar of every school year that has a meeting.
	const due = [...new Set(meetings.map((m) => schoolYearOf(m.heldOn).label))].flatMap((year) =>
		monitoringCalendarOf(db, options.today, year)
	);
	const midYear = new Map(midYearReports(db).map((r) => [r.meetingId, r.year]));
	const events: IcsProperty[][] = meetings.map((m) => {
		const agenda = items.filter((i) => i.meetingId === m.id);
		const dueHere = due.filter((d) => d.meetingId === m.id);
		const lines: string[] = [];
		const lcapYear = midYear.get(m.id);
		// The LCAP's mid-year report, due to the board by 28 February, is on this meeting.
		if (lcapYear) lines.push(`LCAP mid-year report ${lcapYear} (due by 28 February)`, '');
		if (dueHere.length) {
			lines.push('Progress updates due:');
			for (const d of dueHere)
				lines.push(`- ${d.priorityTitle}: ${d.state}${d.overdue ? ' (overdue)' : ''}`);
		}
		if (agenda.length) {
			if (lines.length) lines.push('');
			lines.push('Agenda:');
			for (const a of agenda)
				lines.push(
					`- ${a.title} (${a.priorityId === null ? 'other' : (titles.get(a.priorityId) ?? 'other')}${a.minutes ? `, ${a.minutes} min` : ''})`
				);
		}
		const url = `${options.origin}/board/meetings/${m.id}`;
		lines.push('', url);
		const event: IcsProperty[] = [
			['UID', `board-meeting-${m.id}@${host}`],
			['DTSTAMP', icsDateTime(now)],
			['DTSTART;VALUE=DATE', icsDate(m.heldOn)],
			['DTEND;VALUE=DATE', icsDate(nextDay(m.heldOn))],
			['SUMMARY', escapeText(`${name}: ${meetingLabel(m)}`)],
			['DESCRIPTION', escapeText(lines.join('\n'))],
			['URL', url],
			['TRANSP', 'TRANSPARENT']
		];
		if (m.location) event.push(['LOCATION', escapeText(m.location)]);
		event.push([
			'CATEGORIES',
			dueHere.length ? 'Board meeting,Progress updates due' : 'Board meeting'
		]);
		return event;
	});
	return icsCalendar(
		[
			['VERSION', '2.0'],
			['PRODID', '-//Throughline//Board calendar//EN'],
			['CALSCALE', 'GREGORIAN'],
			['METHOD', 'PUBLISH'],
			['NAME', escapeText(`${name} board meetings`)],
			['X-WR-CALNAME', escapeText(`${name} board meetings`)],
			['REFRESH-INTERVAL;VALUE=DURATION', 'PT12H'],
			['X-PUBLISHED-TTL', 'PT12H']
		],
		events
	);
}
