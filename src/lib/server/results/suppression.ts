import { measures, results } from '../db/schema/measures.ts';
import type { StateLevels } from '../../state-dashboard.ts';
import type { PublicResult } from '../../priorities/results.ts';
import { type ColorMissingReason, type MeasureDirection } from '../../choices.ts';

/**
 * The public never sees a result for a group smaller than the suppression size. A group result
 * whose size is unknown is suppressed too; all-students results without a size (e.g. an
 * implementation measure counted by staff) are shown.
 */
export function isSuppressed(
	row: { n: number | null; studentGroup: string },
	suppressionSize: number
): boolean {
	if (row.n === null) return row.studentGroup !== 'ALL';
	return row.n < suppressionSize;
}

/**
 * The columns a query selects so that `toPublicResult` can carry the state's color and levels.
 * The query joins `measure`: the words of a level depend on which direction is better.
 */
export const stateLevelColumns = {
	direction: measures.direction,
	stateColor: results.stateColor,
	statusLevel: results.statusLevel,
	changeLevel: results.changeLevel,
	colorMissing: results.colorMissing
};

/** What a shown result is read from (toPublicResult): its value, its n and the state's levels. */
export const shownResultColumns = { value: results.value, n: results.n, ...stateLevelColumns };

interface StateColumns {
	direction: MeasureDirection;
	stateColor?: number | null;
	statusLevel?: number | null;
	changeLevel?: number | null;
	colorMissing?: ColorMissingReason | null;
}

const level = (n: number | null | undefined) => (n && n >= 1 && n <= 5 ? n : null);

/** The state's color and levels of a row, or null when the state gave none of them. */
export function stateLevelsOf(row: StateColumns): StateLevels | null {
	const state = {
		color: level(row.stateColor),
		status: level(row.statusLevel),
		change: level(row.changeLevel),
		colorMissing: row.colorMissing ?? null,
		direction: row.direction
	};
	return state.color || state.status || state.change || state.colorMissing ? state : null;
}

/** Strips the value (and the exact size, and the state's levels) of a suppressed result. */
export function toPublicResult(
	row: { value: number | null; n: number | null; studentGroup: string } & StateColumns,
	suppressionSize: number
): PublicResult {
	if (isSuppressed(row, suppressionSize))
		return { value: null, n: null, suppressed: true, state: null };
	return { value: row.value, n: row.n, suppressed: false, state: stateLevelsOf(row) };
}
