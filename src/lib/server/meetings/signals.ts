import { formatDate } from '../../format.ts';
import type { Db } from '../db/open.ts';
import type { Signal } from '../../signals.ts';
import type { SignalSource } from '../signals/types.ts';
import { monitoringCalendarOf } from './meetings.ts';
import { questionAnswerDays, unansweredOlderThan } from './questions.ts';

/** Overdue progress updates, and board questions left unanswered for more than 14 days. */
export const meetingSignals: SignalSource = (db: Db, { today }) => {
	const signals: Signal[] = [];
	for (const due of monitoringCalendarOf(db, today).filter((d) => d.overdue)) {
		signals.push({
			key: `update-overdue:${due.priorityId}:${due.meetingId}`,
			area: 'meetings',
			message: `The progress update on "${due.priorityTitle}" was due at the board meeting of ${formatDate(due.heldOn)} and is not published (${due.state}).`,
			href: `/manage/meetings/${due.meetingId}/updates/${due.priorityId}`,
			fixLabel: 'Finish the update',
			subject: { entity: 'priority', id: due.priorityId }
		});
	}
	const unanswered = unansweredOlderThan(db, today);
	if (unanswered.length > 0) {
		const n = unanswered.length;
		signals.push({
			key: 'questions-unanswered',
			area: 'meetings',
			message: `${n} board ${n === 1 ? 'question has' : 'questions have'} waited more than ${questionAnswerDays} days for an answer.`,
			href: `/board/meetings/${unanswered[0].meetingId}#questions`,
			fixLabel: 'See the questions'
		});
	}
	return signals;
};
