import type { Db } from '../db/open.ts';
import { currentSchoolYear } from '../school-years/index.ts';
import { today } from '../clock.ts';
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
 * The one line of the public summary: of the active priorities' measures with a target this
 * school year, how many results are on or ahead of it, behind it, or not in yet.
 */
export function portfolioSummary(db: Db): Portfolio | null {
	const settings = districtSettings(db);
	if (!settings) return null;
	const year = currentSchoolYear(db, today());
	const active = publicPriorities(db).filter((p) => p.status === 'active');
	const list = measuresOfPriorities(
		db,
		active.map((p) => p.id)
	);
	const ids = list.map((m) => m.id);
	const targets = targetsOf(db, ids);
	const series = districtSeries(db, ids, settings.suppressionSize);
	const out: Portfolio = { year: year.label, total: 0, onOrAhead: 0, behind: 0, noData: 0 };
	for (const m of list) {
		const target = targets.get(m.id)?.find((t) => t.startYear === year.startYear);
		if (!target) continue;
		out.total++;
		const result = series
			.get(m.id)
			?.find((r) => r.startYear === year.startYear && !r.suppressed && r.value !== null);
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
