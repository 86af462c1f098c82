import type { Db, DbFile } from '../db/open.ts';
import type { Signal } from '../../signals.ts';
import type { SignalContext, SignalSource } from '../signals/types.ts';
import { derived } from '../cache/derived.ts';
import { access, accessForPath, can, type SessionUser } from '../auth/guard.ts';
import { whoCanDo } from '../../roles.ts';
import { signalContext } from '../throughline/context.ts';
import { throughlineSignals } from '../throughline/signals.ts';
import { reachSignals } from '../implementation/signals.ts';
import { leadershipSignals } from '../leadership/signals.ts';
import { meetingSignals } from '../meetings/signals.ts';
import { feedbackSignals } from '../feedback/signals.ts';
import { accountabilitySignals } from '../accountability/signals.ts';
import { lcapSignals } from '../lcap/signals.ts';
import { boardRecordSignals } from '../board-record/signals.ts';
import { contextSignals } from '../context/signals.ts';

export type { SignalContext, SignalSource } from '../signals/types.ts';

/** Each product area contributes its own signals; add an area's source here, with its name. */
const sources: [string, SignalSource][] = [
	['throughline', throughlineSignals],
	['reach', reachSignals],
	['leadership', leadershipSignals],
	['meetings', meetingSignals],
	['feedback', feedbackSignals],
	['accountability', accountabilitySignals],
	['lcap', lcapSignals],
	['board-record', boardRecordSignals],
	['context', contextSignals]
];

export function boardSignals(db: Db, context: SignalContext): Signal[] {
	// Each area's signals are kept apart, for the settings and day they were computed with: a write
	// to one area's tables, or publishing (which moves only when the data was last updated, read
	// by no signal), leaves the other areas' as they are (issue 30).
	const settings = JSON.stringify({ ...context.settings, dataUpdatedAt: null });
	return sources.flatMap(([name, source]) =>
		derived(db, `signals of ${name} ${context.today} ${settings}`, () => source(db, context))
	);
}

/**
 * The board's signals and the context (settings, today) they were computed for, kept until the
 * data or the date changes: the overview and each priority's page share one computation. Shared
 * between requests, so read-only.
 */
export function keptBoardSignals(db: DbFile): { context: SignalContext; signals: Signal[] } {
	return derived(db, 'board signals', () => {
		const context = signalContext(db);
		return { context, signals: boardSignals(db, context) };
	});
}

export function signalsAbout(signals: Signal[], entity: string, id: number): Signal[] {
	return signals.filter((s) => s.subject?.entity === entity && s.subject.id === id);
}

/**
 * The signals that concern one priority: those about the priority itself, about one of its
 * measures, or about a structure that carries it (a structure may carry several priorities, so
 * its signal shows on each of their pages).
 */
export function signalsConcerningPriority(
	signals: Signal[],
	priority: { id: number; measureIds: number[]; structureIds: number[] }
): Signal[] {
	const measures = new Set(priority.measureIds);
	const structures = new Set(priority.structureIds);
	return signals.filter(({ subject }) => {
		if (!subject) return false;
		if (subject.entity === 'priority') return subject.id === priority.id;
		if (subject.entity === 'measure') return measures.has(subject.id);
		if (subject.entity === 'structure') return structures.has(subject.id);
		return false;
	});
}

/**
 * The signals as one reader sees them: a fix link only where their role may open it; otherwise
 * who can act on it, so a board member is never sent to a page that refuses them.
 */
export function forReader(signals: Signal[], user: SessionUser | null): Signal[] {
	return signals.map((s) => {
		const need = accessForPath(new URL(s.href, 'http://site.invalid').pathname);
		if (!need || can(user, need)) return s;
		return { ...s, whoCan: whoCanDo(access[need], s.fixLabel) };
	});
}
