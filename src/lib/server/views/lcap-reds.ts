// The state's Red student groups beside the LCAP actions that name them: the state's LCAP
// template asks for specific actions for a student group at the lowest performance level, so a
// Red group no action names is for the board to ask about. Gathered here, above both areas.
import type { Db } from '../db/open.ts';
import { accountabilityView } from '../accountability/overview.ts';
import { actionsByGroup } from '../lcap/groups.ts';

export interface RedGroupActions {
	code: string;
	name: string;
	nameEs: string | null;
	indicators: string[];
	actions: { number: string; title: string; totalCents: number }[];
}

export function redGroupsAndActions(
	db: Db,
	versionId: number
): { year: number | null; groups: RedGroupActions[] } {
	const view = accountabilityView(db, 'board', { schools: false });
	const latest = view.years.find((y) => y.computedFrom);
	if (!latest) return { year: null, groups: [] };
	const named = actionsByGroup(db, versionId);
	const groups = new Map<string, RedGroupActions>();
	for (const red of latest.reds) {
		if (red.group.code === 'ALL') continue;
		const g = groups.get(red.group.code) ?? {
			code: red.group.code,
			name: red.group.name,
			nameEs: red.group.nameEs,
			indicators: [],
			actions: named.get(red.group.code) ?? []
		};
		if (!g.indicators.includes(red.indicator)) g.indicators.push(red.indicator);
		groups.set(red.group.code, g);
	}
	return { year: latest.year, groups: [...groups.values()] };
}
