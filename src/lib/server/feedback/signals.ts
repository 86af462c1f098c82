import type { Db } from '../db/open.ts';
import type { SignalSource } from '../signals/types.ts';
import { openLoopsOlderThan } from './feedback.ts';

/** Feedback loops left open longer than the district's setting (default 30 days). */
export const feedbackSignals: SignalSource = (db: Db, { today, settings }) => {
	const days = settings.feedbackOpenDays;
	const old = openLoopsOlderThan(db, today, days);
	if (old.length === 0) return [];
	const n = old.length;
	return [
		{
			key: 'feedback-open',
			area: 'feedback',
			message: `${n} feedback ${n === 1 ? 'loop has' : 'loops have'} been open more than ${days} days without a district response.`,
			href: '/board/feedback?state=open',
			fixLabel: 'See the open loops'
		}
	];
};
