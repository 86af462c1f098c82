import type { Db } from '../db/open.ts';
import {
	districtSeries,
	districtSettings,
	measuresOfPriorities,
	publicPriorities,
	targetsOf
} from './queries.ts';
import { standingAgainstTarget } from './status.ts';

export interface Portfolio {
	year: string;
	/** Measures of the active priorities with a districtwide target for the year. */
	total: number;
	onOrAhead: number;
	behind: number;
	/** No result for the year yet, or one the public may not see (suppressed). */
	noData: number;
}

/**
 * The one line of the public summary: of the active priorities' measures with a target in the
 * newest school year that has both results and targets, how many results are on or ahead of it,
 * behind it, or not in yet. A year of targets without results (the years ahead) is never counted.
 */
export function portfolioSummary(db: Db): Portfolio | null {
	const settings = districtSettings(db);
	if (!settings) return null;
	const active = publicPriorities(db).filter((p) => p.status === 'active');
	const list = measuresOfPriorities(
		db,
		active.map((p) => p.id)
	);
	const ids = list.map((m) => m.id);
	const targets = targetsOf(db, ids);
	const series = districtSeries(db, ids, settings.suppressionSize);
	const shown = (id: number, startYear: number) =>
		series.get(id)?.find((r) => r.startYear === startYear && !r.suppressed && r.value !== null);
	const years = list.flatMap((m) =>
		(targets.get(m.id) ?? [])
			.filter((t) => shown(m.id, t.startYear))
			.map((t) => ({ startYear: t.startYear, label: t.year }))
	);
	const year = years.sort((a, b) => b.startYear - a.startYear)[0];
	if (!year) return null;
	const out: Portfolio = { year: year.label, total: 0, onOrAhead: 0, behind: 0, noData: 0 };
	for (const m of list) {
		const target = targets.get(m.id)?.find((t) => t.startYear === year.startYear);
		if (!target) continue;
		out.total++;
		const result = shown(m.id, year.startYear);
		if (!result) {
			out.noData++;
			continue;
		}
		const standing = standingAgainstTarget([result], [target], m.direction, m.unit);
		if (standing.kind === 'behind') out.behind++;
		else out.onOrAhead++;
	}
	return out;
}
