import type { Db } from '../db/open.ts';
import type { Signal, SignalContext, SignalSource } from './types.ts';
import { throughlineSignals } from '../throughline/signals.ts';
import { reachSignals } from '../implementation/signals.ts';
import { leadershipSignals } from '../leadership/signals.ts';
import { meetingSignals } from '../meetings/signals.ts';
import { feedbackSignals } from '../feedback/signals.ts';

export type { Signal, SignalContext, SignalSource } from './types.ts';

/** Each product area contributes its own signals; add an area's source here. */
const sources: SignalSource[] = [
	throughlineSignals,
	reachSignals,
	leadershipSignals,
	meetingSignals,
	feedbackSignals
];

export function boardSignals(db: Db, context: SignalContext): Signal[] {
	return sources.flatMap((source) => source(db, context));
}

export function signalsAbout(signals: Signal[], entity: string, id: number): Signal[] {
	return signals.filter((s) => s.subject?.entity === entity && s.subject.id === id);
}
