// The implementation rubric, shared by the server (validation) and the pages (labels, legend).

export const depthSteps = [
	{
		depth: 0,
		label: 'not started',
		description: 'The structure is not yet in place at the school.'
	},
	{
		depth: 1,
		label: 'beginning',
		description: 'First steps: people named, time set aside, used now and then.'
	},
	{
		depth: 2,
		label: 'developing',
		description: 'Used regularly by some teams, not yet as designed or by everyone.'
	},
	{
		depth: 3,
		label: 'implementing',
		description: 'Used as designed by all teams, and it shapes instructional decisions.'
	},
	{
		depth: 4,
		label: 'sustaining',
		description:
			'Owned by the school: it runs without district prompting and survives staff changes.'
	}
] as const;

export type Depth = 0 | 1 | 2 | 3 | 4;

/** The depth from which a school counts as reached: 3, implementing. */
export const reachedDepth = 3;

export function depthLabel(depth: number): string {
	return depthSteps.find((s) => s.depth === depth)?.label ?? 'unknown';
}

/** A whole-percent label for a share in 0…1, or an em dash when there is nothing to measure. */
export function percent(share: number | null | undefined): string {
	return share == null ? '—' : `${Math.round(share * 100)}%`;
}

/** One decimal, or an em dash. */
export function oneDecimal(value: number | null | undefined): string {
	return value == null ? '—' : value.toFixed(1);
}
