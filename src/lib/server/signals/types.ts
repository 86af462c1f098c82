import type { SignalArea } from '../../choices.ts';
import type { Db } from '../db/open.ts';
import type { district } from '../db/schema/district.ts';

/** A governance signal for the board: something in plain words, and a link to what would fix it. */
export interface Signal {
	/** Stable key, e.g. "influence-only:3", so pages and tests can find one signal. */
	key: string;
	area: SignalArea;
	message: string;
	href: string;
	fixLabel: string;
	/**
	 * Set by `forReader` when the reader's role cannot open the fix: who can, in words, shown
	 * instead of the link ("Staff can link a policy to it.").
	 */
	whoCan?: string;
	/** The item the signal is about, so its own page can show it too. */
	subject?: { entity: string; id: number };
}

export interface SignalContext {
	settings: typeof district.$inferSelect;
	/** ISO date (YYYY-MM-DD) the signals are computed for. */
	today: string;
}

export type SignalSource = (db: Db, context: SignalContext) => Signal[];
