// The public's priority pages: the home page's summary and each priority's page. The results are
// the priorities' (priorities/summary.ts), the published updates the meetings' (meetings/updates.ts);
// this only puts them side by side.

import type { Db } from '../db/open.ts';
import {
	headlineSummary,
	priorityResults,
	type HeadlineSummary,
	type PriorityHeadline,
	type PriorityResults
} from '../priorities/summary.ts';
import {
	latestPublishedByPriority,
	publishedUpdates,
	type PublishedUpdate
} from '../meetings/updates.ts';

export type { MeasureDetail, MeasureTrend } from '../priorities/summary.ts';

export interface PrioritySummary extends PriorityHeadline {
	update: PublishedUpdate | null;
}

export interface PublicSummary extends Omit<HeadlineSummary, 'active' | 'completed'> {
	active: PrioritySummary[];
	completed: PrioritySummary[];
}

/** Everything the public home page shows: each priority's headline trend, standing and update. */
export function publicSummary(db: Db): PublicSummary {
	const summary = headlineSummary(db);
	if (!summary.district) return { ...summary, active: [], completed: [] };
	const all = [...summary.active, ...summary.completed];
	const updates = latestPublishedByPriority(
		db,
		all.map((s) => s.priority.id)
	);
	const withUpdate = (s: PriorityHeadline): PrioritySummary => ({
		...s,
		update: updates.get(s.priority.id) ?? null
	});
	return {
		district: summary.district,
		active: summary.active.map(withUpdate),
		completed: summary.completed.map(withUpdate),
		notDoing: summary.notDoing
	};
}

export interface PriorityPage extends PriorityResults {
	updates: PublishedUpdate[];
}

/** A priority's public page: every measure over the years, by group and by school, with targets. */
export function priorityPage(db: Db, slug: string): PriorityPage | null {
	const results = priorityResults(db, slug);
	if (!results) return null;
	const { priority, measures, ...rest } = results;
	return {
		priority,
		measures,
		updates: publishedUpdates(db, { priorityIds: [priority.id] }),
		...rest
	};
}
