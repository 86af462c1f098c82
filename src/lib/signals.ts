// A governance signal as a page receives it. Types only: the server's signals/ computes them.
import type { SignalArea } from './choices.ts';

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
