// The board's own record as open data: what the public pages show (the verdicts and their roll
// calls, the trainings of the last five years), never a member's rating of the superintendent.
import type { Db } from '../db/open.ts';
import { dispositionRecords } from '../board-record/dispositions.ts';
import { publicTrainings } from '../board-record/trainings.ts';
import { today } from '../clock.ts';
import type { Row } from './tables.ts';

export function verdictRows(db: Db): Row[] {
	return dispositionRecords(db).map((d) => ({
		meeting_date: d.heldOn,
		meeting_id: d.meetingId,
		priority_id: d.priorityId,
		interpretation_reasonable: d.interpretation,
		progress_made: d.progress,
		finding: d.finding,
		motion: d.motion,
		ayes: d.tally.aye,
		noes: d.tally.no,
		abstentions: d.tally.abstain,
		absent: d.tally.absent,
		carried: d.tally.carried,
		certified_true_as_of: d.trueAsOf
	}));
}

export function voteRows(db: Db): Row[] {
	return dispositionRecords(db).flatMap((d) =>
		d.votes.map((v) => ({
			meeting_date: d.heldOn,
			meeting_id: d.meetingId,
			priority_id: d.priorityId,
			seat: v.seat,
			member: v.name,
			vote: v.vote
		}))
	);
}

export function trainingRows(db: Db): Row[] {
	return publicTrainings(db, today()).map((t) => ({
		member: t.memberName,
		completed_on: t.completedOn,
		provider: t.provider,
		topic: t.topic,
		hours: t.hours,
		finance_law: t.financeLaw
	}));
}
