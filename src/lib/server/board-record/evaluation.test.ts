import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { boardMember, staff } from '../meetings/fixture.ts';
import { presentedReport, seedBoardDistrict } from './fixture.ts';
import { recordDisposition } from './dispositions.ts';
import { updateMember } from './members.ts';
import {
	adoptEvaluation,
	adoptedEvaluations,
	evaluationDraft,
	rateSuperintendent,
	ratingsForTheBoard,
	saveConclusions
} from './evaluation.ts';

// Seated through 2024-25 (fixture.ts): members 1–4 and Eli Evans (5) until 30 November 2024, then
// Fay Fox (6).
const rollCall = (date: string) =>
	date <= '2024-11-30'
		? { '1': 'aye', '2': 'aye', '3': 'aye', '4': 'no', '5': 'absent' }
		: { '1': 'aye', '2': 'aye', '3': 'aye', '4': 'aye', '6': 'aye' };

describe('the superintendent’s evaluation drafted from the year’s verdicts', () => {
	let db: DbFile;
	beforeEach(() => {
		db = testDb();
		seedBoardDistrict(db);
		const verdict = (
			priority: number,
			heldOn: string,
			interpretation: string,
			progress: string
		) => {
			const updateId = presentedReport(db, priority, heldOn);
			const saved = recordDisposition(db, boardMember, updateId, {
				interpretation,
				progress,
				finding: `Finding of ${heldOn}`,
				motion: 'Accept the report.',
				votes: rollCall(heldOn)
			});
			if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
		};
		// 2024-25: three reports on two priorities; one report of 2025-26, outside the year.
		verdict(1, '2024-10-10', 'yes', 'partly');
		verdict(2, '2025-01-16', 'yes', 'no');
		verdict(1, '2025-04-10', 'partly', 'yes');
		verdict(1, '2025-09-11', 'no', 'no');
	});
	afterEach(() => db.$client.close());

	it('lists each priority’s reports of the year with their dates and verdicts, and counts them', () => {
		const draft = evaluationDraft(db, '2024-25');
		expect(draft.map((p) => [p.title, p.reports.map((r) => r.heldOn)])).toEqual([
			['Early literacy', ['2024-10-10', '2025-04-10']],
			['Math for all', ['2025-01-16']]
		]);
		expect(draft[0].interpretation).toEqual({ yes: 1, partly: 1, no: 0 });
		expect(draft[0].progress).toEqual({ yes: 1, partly: 1, no: 0 });
		expect(draft[1].interpretation).toEqual({ yes: 1, partly: 0, no: 0 });
		expect(draft[1].progress).toEqual({ yes: 0, partly: 0, no: 1 });
		expect(evaluationDraft(db, '2025-26').map((p) => p.reports.length)).toEqual([1]);
	});

	it('takes a member’s own rating on the scale, refuses one outside it, and keeps it to the board', () => {
		const account = { id: 'u-board', email: 'board@example.org' };
		// Not linked to a member yet: refused.
		expect(rateSuperintendent(db, account, '2024-25', { priorityId: '1', rating: '3' }).ok).toBe(
			false
		);
		updateMember(db, staff, 1, {
			name: 'Ana Alvarez',
			seat: 'Area 1',
			termStart: '2022-12-01',
			termEnd: '2026-11-30',
			userId: 'u-board'
		});
		for (const rating of ['0', '5', '2.5', 'high'])
			expect(rateSuperintendent(db, account, '2024-25', { priorityId: '1', rating })).toMatchObject(
				{
					ok: false,
					errors: { rating: ['Choose a rating from 1 to 4.'] }
				}
			);
		expect(ratingsForTheBoard(db, '2024-25')).toEqual([]);
		const comment = 'Closed session: strong on literacy';
		expect(
			rateSuperintendent(db, account, '2024-25', { priorityId: '1', rating: '3', comment }).ok
		).toBe(true);
		expect(ratingsForTheBoard(db, '2024-25')).toEqual([
			{ memberId: 1, memberName: 'Ana Alvarez', priorityId: 1, rating: 3, comment }
		]);
		// The audit trail says a member rated, not what.
		const trail = db.$client
			.prepare(`select * from audit_log where entity = 'evaluation_rating'`)
			.all();
		expect(JSON.stringify(trail)).not.toContain(comment);
		expect(trail).toHaveLength(1);
	});

	it('adopts the summary by a roll call, then keeps it: the public reads the summary and the vote', () => {
		expect(
			saveConclusions(db, staff, '2024-25', { conclusions: 'Literacy grew.', goals: 'Math.' }).ok
		).toBe(true);
		const short = adoptEvaluation(
			db,
			staff,
			'2024-25',
			{ summary: 'S', motion: 'M', adoptedOn: '2025-06-12', votes: { '1': 'aye' } },
			'2025-06-15'
		);
		expect(short.ok).toBe(false);
		expect(adoptedEvaluations(db)).toEqual([]);
		const votes = { '1': 'aye', '2': 'aye', '3': 'aye', '4': 'no', '6': 'abstain' };
		expect(
			adoptEvaluation(
				db,
				staff,
				'2024-25',
				{ summary: 'Met most goals.', motion: 'Adopt.', adoptedOn: '2025-06-12', votes },
				'2025-06-15'
			).ok
		).toBe(true);
		const [adopted] = adoptedEvaluations(db);
		expect(adopted).toMatchObject({
			schoolYear: '2024-25',
			summary: 'Met most goals.',
			adoptedOn: '2025-06-12'
		});
		expect(adopted.tally).toEqual({
			aye: 3,
			no: 1,
			abstain: 1,
			absent: 0,
			seats: 5,
			carried: true
		});
		expect(saveConclusions(db, staff, '2024-25', { conclusions: 'Changed' }).ok).toBe(false);
	});
});
