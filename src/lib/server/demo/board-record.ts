/**
 * The board's own record in the demo: five seats (one changed hands in December 2024), the last
 * school year's meetings held with the board's verdict and roll call on each report presented
 * (the newest meeting's reports still awaiting one), certifications and the members' trainings
 * (one member still due for the finance-law training).
 */
import { systemActor } from '../audit/index.ts';
import { freezeMeeting } from '../meetings/snapshots.ts';
import { markHeld } from '../meetings/held.ts';
import type { RollCallVote, UpdateStatus, Verdict } from '../../choices.ts';
import { inserter, type Context } from './context.ts';
import { addDays } from './dates.ts';
import { schoolYearLabel } from '../../school-year.ts';
import { exampleInstrument } from '../board-record/self-evaluation.ts';

// Trustees take office on the second Friday of December after a November election (Ed Code 5017).
const members: {
	name: string;
	seat: string;
	termStart: string;
	termEnd: string;
	user?: boolean;
}[] = [
	{
		name: 'Rosa Delgado',
		seat: 'Trustee Area 1',
		termStart: '2022-12-09',
		termEnd: '2026-12-10',
		user: true
	},
	{
		name: 'James Whitfield',
		seat: 'Trustee Area 2',
		termStart: '2022-12-09',
		termEnd: '2026-12-10'
	},
	{ name: 'Linh Tran', seat: 'Trustee Area 3', termStart: '2020-12-11', termEnd: '2024-12-12' },
	{ name: 'Marcus Bell', seat: 'Trustee Area 3', termStart: '2024-12-13', termEnd: '2028-12-07' },
	{ name: 'Priya Raman', seat: 'Trustee Area 4', termStart: '2020-12-11', termEnd: '2024-12-12' },
	{ name: 'Priya Raman', seat: 'Trustee Area 4', termStart: '2024-12-13', termEnd: '2028-12-07' },
	{ name: 'Daniel Okafor', seat: 'Trustee Area 5', termStart: '2022-12-09', termEnd: '2026-12-10' }
];

const findings: Record<UpdateStatus, string> = {
	'on track':
		'The results meet the year’s target and the report explains them fairly; keep the course.',
	watch:
		'Some progress, short of the target at several schools; the board asks for the adjustments at the next report.',
	'off track':
		'The results fall short of the target; the board asks for a plan of support for the schools furthest behind.'
};
const progressOf: Record<UpdateStatus, Verdict> = {
	'on track': 'yes',
	watch: 'partly',
	'off track': 'no'
};

export function addBoardRecord(context: Context): void {
	const { db, random } = context;
	const insertMember = inserter(db, 'board_member', [
		'name',
		'seat',
		'term_start',
		'term_end',
		'user_id',
		'created_at'
	]);
	const ids = members.map((m) =>
		insertMember(
			m.name,
			m.seat,
			m.termStart,
			m.termEnd,
			m.user ? (context.users.board[0] ?? null) : null,
			context.stamp
		)
	);
	const seated = (date: string) =>
		members.flatMap((m, i) => (m.termStart <= date && date <= m.termEnd ? [ids[i]] : []));

	// The last school year's meetings with a published report, held and on record (the newest
	// past meeting, with a report shared with the board only, is left for the e2e to hold).
	const yearStart = `${context.lastYear}-07-01`;
	const meetings = db.$client
		.prepare(
			`select distinct m.id, m.held_on heldOn, m.held_at heldAt from board_meeting m
			 join progress_update u on u.meeting_id = m.id
			 join progress_update_version v on v.update_id = u.id and v.state = 'published'
			 where m.held_on >= ? and m.held_on <= ? order by m.held_on`
		)
		.all(yearStart, context.today) as { id: number; heldOn: string; heldAt: string | null }[];
	for (const m of meetings) {
		if (m.heldAt) continue;
		const at = `${m.heldOn}T04:00:00.000Z`;
		freezeMeeting(db, systemActor, m.id, 'held', at);
		markHeld(db, systemActor, m.id, context.today, at);
	}

	// A verdict on each report but the newest meeting's, which await theirs (the board's signal).
	const reports = db.$client
		.prepare(
			`select u.id, m.held_on heldOn, v.status from progress_update u
			 join board_meeting m on m.id = u.meeting_id
			 join progress_update_version v on v.update_id = u.id and v.state != 'draft'
			 where m.held_on >= ? and m.held_on < ? group by u.id order by m.held_on, u.id`
		)
		.all(yearStart, meetings.at(-1)?.heldOn ?? yearStart) as {
		id: number;
		heldOn: string;
		status: UpdateStatus;
	}[];
	const insertDisposition = inserter(db, 'disposition', [
		'update_id',
		'interpretation',
		'progress',
		'finding',
		'motion',
		'recorded_by',
		'recorded_at'
	]);
	const insertVote = inserter(db, 'disposition_vote', ['disposition_id', 'member_id', 'vote']);
	const insertCertification = inserter(db, 'report_certification', [
		'update_id',
		'true_as_of',
		'certified_by',
		'certified_at'
	]);
	for (const r of reports) {
		insertCertification(
			r.id,
			addDays(r.heldOn, -7),
			'superintendent@example.org',
			`${addDays(r.heldOn, -6)}T17:00:00.000Z`
		);
		const id = insertDisposition(
			r.id,
			random.chance(0.2) ? 'partly' : 'yes',
			progressOf[r.status],
			findings[r.status],
			'Accept the progress report, with the finding above.',
			'system',
			`${r.heldOn}T05:00:00.000Z`
		);
		for (const member of seated(r.heldOn)) {
			const roll = random.int(1, 20);
			const vote: RollCallVote =
				roll === 1 ? 'no' : roll === 2 ? 'abstain' : roll === 3 ? 'absent' : 'aye';
			insertVote(id, member, vote);
		}
	}

	// Last year's evaluation, adopted in June with its roll call; this year's, drafted: the board's
	// conclusions so far and two members' ratings (confidential to the board), not adopted yet.
	const insertEvaluation = inserter(db, 'superintendent_evaluation', [
		'school_year',
		'conclusions',
		'goals',
		'summary',
		'motion',
		'adopted_on',
		'created_at'
	]);
	const adoptedOn = addDays(yearStart, -4);
	const adopted = insertEvaluation(
		schoolYearLabel(context.lastYear - 1),
		'The superintendent kept the board informed and the priorities few.',
		'Report on each priority at least three times a year, with the schools furthest behind.',
		'The board finds that the superintendent met the year’s goals for attendance and literacy and partly met them for mathematics, and sets three reports a year on each priority as next year’s goal.',
		'Adopt the superintendent’s evaluation for the year.',
		adoptedOn,
		context.stamp
	);
	const insertEvaluationVote = inserter(db, 'evaluation_vote', [
		'evaluation_id',
		'member_id',
		'vote'
	]);
	for (const member of seated(adoptedOn)) insertEvaluationVote(adopted, member, 'aye');
	const drafted = insertEvaluation(
		schoolYearLabel(context.lastYear),
		'Attendance and literacy reports were accepted as reasonable; mathematics progress was partial all year.',
		'Close the gap in mathematics for English learners; keep the attendance routines in every school.',
		null,
		null,
		null,
		context.stamp
	);
	const rated = db.$client
		.prepare(
			`select distinct u.priority_id from disposition d join progress_update u on u.id = d.update_id
			 order by u.priority_id`
		)
		.pluck()
		.all() as number[];
	const insertRating = inserter(db, 'evaluation_rating', [
		'evaluation_id',
		'member_id',
		'priority_id',
		'rating',
		'comment',
		'updated_at'
	]);
	for (const [i, member] of [ids[0], ids[1]].entries())
		for (const priorityId of rated)
			insertRating(
				drafted,
				member,
				priorityId,
				random.int(2, 4),
				i === 0 ? 'Steady work; the reports answer our questions.' : '',
				context.stamp
			);

	// Two years of self-evaluation on the example instrument, each member and the superintendent
	// rating every item; the second year drops on the budget item. Goals adopted for the first.
	const insertItem = inserter(db, 'self_evaluation_item', ['area', 'text', 'sort_order']);
	const itemIds = exampleInstrument.map((item, i) => insertItem(item.area, item.text, i + 1));
	const insertSelf = inserter(db, 'self_evaluation_rating', [
		'school_year',
		'item_id',
		'rater',
		'rating'
	]);
	for (const [yearBack, year] of [1, 0].map(
		(b) => [b, schoolYearLabel(context.lastYear - b)] as const
	)) {
		const date = `${context.lastYear - yearBack + 1}-05-15`;
		const raters = [...seated(date).map((id) => `member:${id}`), 'superintendent'];
		for (const rater of raters)
			itemIds.forEach((itemId, i) => {
				const dropped = yearBack === 0 && i === 3;
				insertSelf(year, itemId, rater, dropped ? random.int(1, 3) : random.int(3, 5));
			});
	}
	inserter(db, 'self_evaluation_goals', ['school_year', 'goals', 'adopted_on'])(
		schoolYearLabel(context.lastYear - 1),
		'Give a verdict on every report at the meeting it is presented; read the budget against the priorities before adopting it.',
		`${context.lastYear}-06-27`
	);

	// Trainings: every current member's orientation; all but one have the finance-law training.
	const insertTraining = inserter(db, 'board_training', [
		'member_id',
		'completed_on',
		'provider',
		'topic',
		'hours',
		'finance_law',
		'created_at'
	]);
	const current = members.flatMap((m, i) =>
		m.termStart <= context.today && context.today <= m.termEnd ? [i] : []
	);
	for (const i of current) {
		const m = members[i];
		insertTraining(
			ids[i],
			addDays(m.termStart, 45),
			'County Office of Education',
			'New trustee orientation: roles, the Brown Act, ethics',
			6,
			0,
			context.stamp
		);
		if (m.name !== 'Marcus Bell')
			insertTraining(
				ids[i],
				addDays(context.today, -30 - 20 * i),
				'County Office Fiscal Crisis and Management Assistance Team',
				'School finance law: the budget and fiscal penalties',
				4,
				1,
				context.stamp
			);
	}
}

/**
 * The demo's board account is Rosa Delgado's, so a visitor signed in as board@example.org rates
 * the superintendent as her. Run after the demo accounts exist (scripts/demo.ts).
 */
export function linkDemoBoardAccount(db: Context['db']): void {
	db.$client
		.prepare(
			`update board_member set user_id = (select id from user where email = 'board@example.org')
			 where name = 'Rosa Delgado' and user_id is null`
		)
		.run();
}
