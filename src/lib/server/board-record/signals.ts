import { formatDate } from '../../format.ts';
import type { Db } from '../db/open.ts';
import type { Signal } from '../../signals.ts';
import type { SignalSource } from '../signals/types.ts';
import { reportsAwaitingVerdict } from './dispositions.ts';
import { seatedOn } from './members.ts';
import { financeLawByMember } from './trainings.ts';

/**
 * A report presented at a held meeting that the board never gave a verdict, and each seated
 * member who has yet to complete the school-finance-law training (the overview says who is due).
 */
export const boardRecordSignals: SignalSource = (db: Db, { today }) => {
	const signals: Signal[] = reportsAwaitingVerdict(db).map((r) => ({
		key: `verdict-missing:${r.updateId}`,
		area: 'meetings',
		message: `The report on "${r.priorityTitle}" presented on ${formatDate(r.heldOn)} has no verdict of the board on record.`,
		href: `/board/meetings/${r.meetingId}#verdict-${r.updateId}`,
		fixLabel: 'Record the board’s verdict',
		subject: { entity: 'priority', id: r.priorityId }
	}));
	for (const m of financeLawByMember(db, seatedOn(db, today), today)) {
		if (m.standing.state === 'done') continue;
		signals.push({
			key: `finance-law-training:${m.memberId}`,
			area: 'leadership',
			message:
				m.standing.state === 'due'
					? `${m.name} (${m.seat}) is due to complete the school-finance-law training by ${formatDate(m.standing.dueBy)}.`
					: `${m.name} (${m.seat}) has not completed the school-finance-law training, due by ${formatDate(m.standing.dueBy)}.`,
			href: '/board/members#training-form',
			fixLabel: 'Record the training'
		});
	}
	return signals;
};
