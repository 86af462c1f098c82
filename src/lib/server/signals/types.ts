import type { Signal } from '../../signals.ts';
import type { Db } from '../db/open.ts';
import type { district } from '../db/schema/district.ts';

export interface SignalContext {
	settings: typeof district.$inferSelect;
	/** ISO date (YYYY-MM-DD) the signals are computed for. */
	today: string;
}

export type SignalSource = (db: Db, context: SignalContext) => Signal[];
