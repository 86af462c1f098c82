import type { Db } from '../db/open.ts';
import { csvText } from '../exports/index.ts';
import { agendaOf, duePriorityIds, getMeeting, meetingLabel } from './meetings.ts';

/**
 * A meeting's agenda items as CSV, to paste into the district's board portal: in agenda order,
 * with the priority each is tied to and the minutes spent. Text a spreadsheet would run as a
 * formula is written as text (exports/cells.ts).
 */
export function agendaCsv(db: Db, meetingId: number): { filename: string; csv: string } | null {
	const meeting = getMeeting(db, meetingId);
	if (!meeting) return null;
	const due = new Set(duePriorityIds(db, meetingId));
	const rows = agendaOf(db, meetingId).map((item, i) => [
		meeting.heldOn,
		meetingLabel(meeting),
		i + 1,
		item.title,
		item.priorityTitle ?? 'other',
		item.minutes,
		item.priorityId !== null && due.has(item.priorityId) ? 'yes' : 'no'
	]);
	return {
		filename: `agenda-${meeting.heldOn}.csv`,
		csv: csvText(
			[
				'meeting_date',
				'meeting',
				'order',
				'agenda_item',
				'priority',
				'minutes',
				'progress_update_due'
			],
			rows
		)
	};
}
