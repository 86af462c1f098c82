// One priority as the board reviews it (/board/priorities/[slug]): its measures, scale profile,
// the systems that carry it, its leadership, the signals about it and its updates. Each part is
// the owning area's query; this only gathers them for one priority.

import type { Db } from '../db/open.ts';
import type { Signal } from '../../signals.ts';
import { signalsConcerningPriority, type SignalContext } from './signals.ts';
import { scaleProfiles } from '../implementation/queries.ts';
import { currentSchoolYear } from '../school-years/index.ts';
import { priorityLeadership } from '../leadership/queries.ts';
import { boardUpdatesOfPriority } from '../meetings/updates.ts';
import { carriersOfPriority } from '../throughline/carriers.ts';
import { boardPriority } from '../priorities/summary.ts';

/** How many progress updates the page lists; the rest are on each meeting's page. */
export const reviewUpdateCount = 6;

/**
 * `board` is the board's signals and the context they were computed for (`keptBoardSignals`, or
 * `boardSignals` with its context): this picks out those that concern the priority.
 */
export function priorityReview(
	db: Db,
	slug: string,
	board: { context: SignalContext; signals: Signal[] }
) {
	const { context } = board;
	const base = boardPriority(db, slug);
	if (!base) return null;
	const id = base.priority.id;
	const year = currentSchoolYear(db, context.today);
	const profile = scaleProfiles(db, { priorityIds: [id], throughYear: year?.startYear })[0];
	return {
		...base,
		scale: profile,
		carriers: carriersOfPriority(db, id),
		leadership: priorityLeadership(db, id, context.today),
		engagementWindowDays: context.settings.engagementWindowDays,
		signals: signalsConcerningPriority(board.signals, {
			id,
			measureIds: base.measures.map((m) => m.id),
			structureIds: profile.structures.map((s) => s.id)
		}),
		updates: boardUpdatesOfPriority(db, id, reviewUpdateCount)
	};
}

export type PriorityReview = NonNullable<ReturnType<typeof priorityReview>>;
