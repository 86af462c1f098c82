// Results as the public may see them, as a page receives them. Types only: the server's
// results/suppression.ts decides what is shown (a small group never is).
import type { StateLevels } from '../state-dashboard.ts';

export interface PublicResult {
	value: number | null;
	n: number | null;
	suppressed: boolean;
	/** The state's color and levels, where the result came from its Dashboard files. */
	state: StateLevels | null;
}

/** A measure's all-students results at one school, by school year label. */
export interface SchoolRow {
	cdsCode: string;
	name: string;
	type: string;
	byYear: Record<string, PublicResult>;
}
