// The board's own record as pages receive it. Types only: the server's board-record/ computes them.
import type { RollCallVote, Verdict } from './choices.ts';

export interface Tally {
	aye: number;
	no: number;
	abstain: number;
	absent: number;
	seats: number;
	/**
	 * A board acts by a majority of its membership, not of those present (Education Code 35164):
	 * the motion carries with more ayes than half the seats.
	 */
	carried: boolean;
}

export interface RecordedVote {
	memberId: number;
	name: string;
	seat: string;
	vote: RollCallVote;
}

export interface DispositionRecord {
	id: number;
	updateId: number;
	priorityId: number;
	meetingId: number;
	heldOn: string;
	interpretation: Verdict;
	progress: Verdict;
	finding: string;
	motion: string;
	recordedAt: string;
	votes: RecordedVote[];
	tally: Tally;
	/** The superintendent's "true as of" date, if certified. */
	trueAsOf: string | null;
}

export type FinanceLawStanding =
	| { state: 'done'; completedOn: string }
	| { state: 'due'; dueBy: string }
	| { state: 'overdue'; dueBy: string };

export interface MemberFinanceLaw {
	memberId: number;
	name: string;
	seat: string;
	standing: FinanceLawStanding;
}
