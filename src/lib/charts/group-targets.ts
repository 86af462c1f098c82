// A measure's targets for single student groups, as the charts draw them: one dotted series per
// group, labelled "Target for English Learners" in the reader's language.
import { pick } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/format';

export interface GroupTargetsData {
	name: string;
	nameEs: string | null;
	targets: { year: string; value: number | null }[];
}

export function groupTargetSeries(
	groups: readonly GroupTargetsData[] | undefined,
	locale: Locale
): { label: string; points: { year: string; value: number | null }[] }[] {
	return (groups ?? []).map((g) => ({
		label: m.chart_group_target({ group: pick(g.name, g.nameEs, locale).text }, { locale }),
		points: g.targets.map((t) => ({ year: t.year, value: t.value }))
	}));
}
