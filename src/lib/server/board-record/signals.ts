import { formatDate } from '../../format.ts';
import type { Db } from '../db/open.ts';
import type { SignalSource } from '../signals/types.ts';
import { reportsAwaitingVerdict } from './dispositions.ts';

/** A report presented at a held meeting that the board never gave a verdict. */
export const boardRecordSignals: SignalSource = (db: Db) =>
	reportsAwaitingVerdict(db).map((r) => ({
		key: `verdict-missing:${r.updateId}`,
		area: 'meetings',
		message: `The report on "${r.priorityTitle}" presented on ${formatDate(r.heldOn)} has no verdict of the board on record.`,
		href: `/board/meetings/${r.meetingId}#verdict-${r.updateId}`,
		fixLabel: 'Record the board’s verdict',
		subject: { entity: 'priority', id: r.priorityId }
	}));
