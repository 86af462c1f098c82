import { and, asc, eq, isNull, lt, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { boardQuestions, progressUpdates, progressUpdateVersions } from '../db/schema/meetings.ts';
import { priorities } from '../db/schema/priorities.ts';
import { users } from '../db/schema/auth.ts';
import { WorkflowError } from './updates.ts';
import { write } from '../audit/write.ts';

export const questionInput = z.object({
	question: z
		.string()
		.trim()
		.min(1, 'Write your question.')
		.max(2000, 'Keep the question under 2,000 characters.')
});
export const answerInput = z.object({
	answer: z
		.string()
		.trim()
		.min(1, 'Write the answer.')
		.max(4000, 'Keep the answer under 4,000 characters.')
});

/** A question may be asked once the board can read the update (shared or published). */
export function askQuestion(db: Db, actor: Actor, updateId: number, question: string): number {
	return write(db, actor, ({ tx, audit }) => {
		const readable = tx
			.select({ id: progressUpdateVersions.id })
			.from(progressUpdateVersions)
			.where(
				and(
					eq(progressUpdateVersions.updateId, updateId),
					ne(progressUpdateVersions.state, 'draft')
				)
			)
			.get();
		if (!readable) throw new WorkflowError('Questions can be asked once the update is shared.');
		const row = tx
			.insert(boardQuestions)
			.values({ updateId, askedBy: actor.id, question })
			.returning()
			.get();
		audit({
			action: 'create',
			entity: 'board_question',
			entityId: row.id,
			after: row
		});
		return row.id;
	});
}

export function answerQuestion(db: Db, actor: Actor, questionId: number, answer: string): boolean {
	return write(db, actor, ({ tx, audit }) => {
		const before = tx.select().from(boardQuestions).where(eq(boardQuestions.id, questionId)).get();
		if (!before) return false;
		const after = tx
			.update(boardQuestions)
			.set({ answer, answeredBy: actor.id, answeredAt: new Date().toISOString() })
			.where(eq(boardQuestions.id, questionId))
			.returning()
			.get();
		audit({
			action: 'update',
			entity: 'board_question',
			entityId: questionId,
			before,
			after
		});
		return true;
	});
}

export interface QuestionRow {
	id: number;
	updateId: number;
	priorityId: number;
	priorityTitle: string;
	question: string;
	askedAt: string;
	askedByName: string | null;
	answer: string | null;
	answeredAt: string | null;
}

/** The questions asked on a meeting's updates, oldest first. */
export function questionsOfMeeting(db: Db, meetingId: number): QuestionRow[] {
	return db
		.select({
			id: boardQuestions.id,
			updateId: boardQuestions.updateId,
			priorityId: progressUpdates.priorityId,
			priorityTitle: priorities.title,
			question: boardQuestions.question,
			askedAt: boardQuestions.askedAt,
			askedByName: users.name,
			answer: boardQuestions.answer,
			answeredAt: boardQuestions.answeredAt
		})
		.from(boardQuestions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, boardQuestions.updateId))
		.innerJoin(priorities, eq(priorities.id, progressUpdates.priorityId))
		.leftJoin(users, eq(users.id, boardQuestions.askedBy))
		.where(eq(progressUpdates.meetingId, meetingId))
		.orderBy(asc(boardQuestions.askedAt), asc(boardQuestions.id))
		.all();
}

export const questionAnswerDays = 14;

/** Unanswered questions asked more than `days` days before today. */
export function unansweredOlderThan(db: Db, today: string, days = questionAnswerDays) {
	const cutoff = new Date(Date.parse(today + 'T00:00:00Z') - days * 86_400_000).toISOString();
	return db
		.select({
			id: boardQuestions.id,
			askedAt: boardQuestions.askedAt,
			meetingId: progressUpdates.meetingId
		})
		.from(boardQuestions)
		.innerJoin(progressUpdates, eq(progressUpdates.id, boardQuestions.updateId))
		.where(and(isNull(boardQuestions.answer), lt(boardQuestions.askedAt, cutoff)))
		.all();
}
