import { error, fail } from '@sveltejs/kit';
import { idOf } from '$lib/params';
import type { Actions, PageServerLoad } from './$types';
import { authorize, can } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseForm, invalid } from '$lib/server/forms';
import { meetingForReader } from '$lib/server/meetings/board';
import {
	answerInput,
	answerQuestion,
	askQuestion,
	questionInput
} from '$lib/server/meetings/questions';
import { WorkflowError } from '$lib/server/meetings/updates';
import { markHeld } from '$lib/server/meetings/held';
import { getMeeting } from '$lib/server/meetings/meetings';
import { today } from '$lib/server/clock';
import { formValues } from '$lib/server/forms';
import {
	certifyReport,
	dispositionValues,
	meetingVerdicts,
	recordDisposition
} from '$lib/server/board-record/dispositions';

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'board');
	const id = Number(event.params.id);
	const data = meetingForReader(db(), id, can(user, 'edit'));
	if (!data) error(404, 'No such meeting.');
	return {
		...data,
		canAsk: can(user, 'ask'),
		canAnswer: can(user, 'edit'),
		canHold: can(user, 'hold'),
		canVerdict: can(user, 'verdict'),
		canCertify: can(user, 'publish'),
		verdicts: meetingVerdicts(db(), data.meeting),
		today: today()
	};
};

export const actions: Actions = {
	verdict: async (event) => {
		const user = authorize(event, 'verdict');
		const meetingId = Number(event.params.id);
		const values = formValues(await event.request.formData());
		const updateId = idOf(String(values.updateId ?? ''));
		const key = `verdict-${updateId}`;
		// A report of another meeting is not this page's to decide.
		if (
			updateId === null ||
			!meetingVerdicts(
				db(),
				getMeeting(db(), meetingId) ?? { id: meetingId, heldOn: '' }
			).presented.includes(updateId)
		) {
			return invalid(
				values,
				{
					form: [
						'This report was not presented at this meeting, or the meeting is not marked held yet: the board records its verdict on a report presented at a held meeting.'
					]
				},
				key
			);
		}
		const saved = recordDisposition(
			db(),
			{ id: user.id, email: user.email },
			updateId,
			dispositionValues(values)
		);
		if (!saved.ok) return invalid(values, saved.errors, key);
		return { done: 'The board’s verdict and roll call are on record.' };
	},
	certify: async (event) => {
		const user = authorize(event, 'publish');
		const meetingId = Number(event.params.id);
		const values = formValues(await event.request.formData());
		const updateId = idOf(String(values.updateId ?? ''));
		const key = `certify-${updateId}`;
		const reader = meetingForReader(db(), meetingId, true);
		if (updateId === null || !reader?.updates.some((u) => u.updateId === updateId))
			return invalid(values, { form: ['There is no such report at this meeting.'] }, key);
		const saved = certifyReport(
			db(),
			{ id: user.id, email: user.email },
			updateId,
			values,
			today()
		);
		if (!saved.ok) return invalid(values, saved.errors, key);
		return { done: `The report is certified true as of ${values.trueAsOf}.` };
	},
	hold: async (event) => {
		const user = authorize(event, 'hold');
		const meetingId = Number(event.params.id);
		if (!getMeeting(db(), meetingId)) error(404, 'No such meeting.');
		try {
			const held = markHeld(db(), { id: user.id, email: user.email }, meetingId, today());
			return {
				done: held.frozenNow
					? 'The meeting is marked held and its record was frozen as it reads now. Its public record page is open.'
					: 'The meeting is marked held. Its public record page is open, with the record frozen when its updates were published.'
			};
		} catch (e) {
			if (e instanceof WorkflowError) return fail(400, { refused: e.message });
			throw e;
		}
	},
	ask: async (event) => {
		const user = authorize(event, 'ask');
		const meetingId = Number(event.params.id);
		const form = await event.request.formData();
		const updateId = idOf(form.get('updateId'));
		const parsed = parseForm(questionInput, form);
		if (updateId === null) error(400, 'Missing update.');
		const reader = meetingForReader(db(), meetingId, false);
		if (!reader?.updates.some((u) => u.updateId === updateId && u.current)) {
			error(404, 'No such update at this meeting.');
		}
		if (!parsed.ok) {
			return invalid(parsed.values, parsed.errors, `ask-${updateId}`);
		}
		try {
			askQuestion(db(), { id: user.id, email: user.email }, updateId, parsed.data.question);
		} catch (e) {
			if (e instanceof WorkflowError) {
				return invalid(parsed.values, { question: [e.message] }, `ask-${updateId}`);
			}
			throw e;
		}
		return { done: 'Your question was sent to staff.' };
	},
	answer: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const questionId = idOf(form.get('questionId'));
		const meetingId = Number(event.params.id);
		if (questionId === null) error(400, 'Missing question.');
		const reader = meetingForReader(db(), meetingId, true);
		if (!reader?.questions.some((q) => q.id === questionId)) error(404, 'No such question.');
		const parsed = parseForm(answerInput, form);
		if (!parsed.ok) {
			return invalid(parsed.values, parsed.errors, `answer-${questionId}`);
		}
		answerQuestion(db(), { id: user.id, email: user.email }, questionId, parsed.data.answer);
		return { done: 'The answer was saved.' };
	}
};
