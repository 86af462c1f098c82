// Breaks in a series: years from which a measure's results are not comparable with those before
// (the state gave no Dashboard, changed a definition), and marks that say something changed but
// leave the series comparable (status only, a new group, colors added). Isomorphic: the server
// computes "change since" with it, the charts draw the gap and the mark.
//
// The state's breaks, by the Dashboard's indicator codes (the measure codes the import gives,
// imports/indicators.ts). Sources: ../shared/data/STATE-FILES.md ("Names and years", "Columns",
// "Student groups"), except the college/career change, which is the state's announcement of the
// 2025 Dashboard's new college/career measures (not in STATE-FILES.md; check it against the 2025
// record layout).

import { schoolYearLabel, startYearOfLabel } from './school-year.ts';

export type BreakKind =
	/** No results those years: the series before and after do not compare. */
	| 'gap'
	/** The measure was defined anew from this year: not comparable with the years before. */
	| 'definition'
	/** Something changed in what the state shows, the values stay comparable. */
	| 'mark';

export interface SeriesBreak {
	/** Start year of the first school year the break applies to (2021 for 2021-22). */
	startYear: number;
	kind: BreakKind;
	/** For a gap: the start years with no results (2019 and 2020). */
	missing?: number[];
	reason: string;
	reasonEs: string;
	/** The state's (in the code) or the district's (recorded by staff). */
	by: 'state' | 'district';
}

const dashboard = ['ela', 'math', 'chronic', 'susp', 'grad', 'cci', 'elpi'];

const pandemic: Omit<SeriesBreak, 'startYear'> = {
	kind: 'gap',
	missing: [2019, 2020],
	reason:
		'the state published no Dashboard for 2019-20 and 2020-21 (the pandemic); tests and most indicators were not reported',
	reasonEs:
		'el estado no publicó el Dashboard de 2019-20 ni de 2020-21 (la pandemia); no se informaron las pruebas ni la mayoría de los indicadores',
	by: 'state'
};
const statusOnly: Omit<SeriesBreak, 'startYear'> = {
	kind: 'mark',
	reason: 'the 2022 Dashboard (2021-22) showed status only: no change and no colors',
	reasonEs: 'el Dashboard de 2022 (2021-22) mostró solo el estado: sin cambio ni colores',
	by: 'state'
};

/** The state's breaks of one Dashboard indicator, oldest first; none for other measures. */
export function stateBreaks(measureCode: string): SeriesBreak[] {
	const list: SeriesBreak[] = [];
	if (dashboard.includes(measureCode)) {
		list.push({ startYear: 2021, ...pandemic }, { startYear: 2021, ...statusOnly });
	}
	if (measureCode === 'elpi')
		list.push({
			startYear: 2023,
			kind: 'mark',
			reason: 'long-term English learners are counted as a group from 2023-24 (the 2024 Dashboard)',
			reasonEs:
				'los estudiantes de inglés a largo plazo se cuentan como grupo desde 2023-24 (el Dashboard de 2024)',
			by: 'state'
		});
	if (measureCode === 'cci')
		list.push({
			startYear: 2024,
			kind: 'definition',
			reason: 'the state changed the college/career measures for 2024-25 (the 2025 Dashboard)',
			reasonEs:
				'el estado cambió las medidas de preparación universitaria y profesional para 2024-25 (el Dashboard de 2025)',
			by: 'state'
		});
	if (measureCode === 'science')
		list.push({
			startYear: 2024,
			kind: 'mark',
			reason:
				'science has a change and colors from 2024-25 (the 2025 Dashboard); 2023-24 was status only',
			reasonEs:
				'ciencias tiene cambio y colores desde 2024-25 (el Dashboard de 2025); 2023-24 fue solo estado',
			by: 'state'
		});
	return list;
}

/** Every break of a measure: the state's and the district's, oldest first. */
export function breaksOf(measureCode: string, districtBreaks: SeriesBreak[] = []): SeriesBreak[] {
	return [...stateBreaks(measureCode), ...districtBreaks].sort((a, b) => a.startYear - b.startYear);
}

/** Whether results of `from` and `to` (start years) compare: no gap or definition break between. */
export function comparable(breaks: SeriesBreak[], from: number, to: number): boolean {
	const [a, b] = from <= to ? [from, to] : [to, from];
	return !breaks.some((x) => x.kind !== 'mark' && x.startYear > a && x.startYear <= b);
}

/**
 * The breaks that separate the years before from `to` (the newest year): what a page says
 * instead of a change ("not comparable with 2018-19: …").
 */
export function breaksBefore(breaks: SeriesBreak[], to: number): SeriesBreak[] {
	return breaks.filter((x) => x.kind !== 'mark' && x.startYear <= to);
}

/** School-year start years a chart spanning `first`…`last` must show as empty: the gaps inside it. */
export function gapYears(breaks: SeriesBreak[], first: number, last: number): number[] {
	return breaks
		.filter((x) => x.kind === 'gap')
		.flatMap((x) => x.missing ?? [])
		.filter((y) => y > first && y < last);
}

/** What a page says instead of a change across a break: the year it does not compare with, and why. */
export interface NotComparable {
	/** The newest year before the break that has a value, e.g. "2018-19". */
	year: string;
	reasons: { reason: string; reasonEs: string }[];
}

/**
 * Whether the newest value of a series is cut off from older values by a break: the newest older
 * year with a value and the breaks between (null when every value compares with the newest).
 */
export function notComparableWith(
	series: { startYear: number; value: number | null }[],
	breaks: SeriesBreak[]
): NotComparable | null {
	const known = series.filter((r) => r.value !== null).sort((a, b) => a.startYear - b.startYear);
	const newest = known.at(-1);
	if (!newest) return null;
	const before = known.filter((r) => !comparable(breaks, r.startYear, newest.startYear)).at(-1);
	if (!before) return null;
	const between = breaks.filter(
		(x) => x.kind !== 'mark' && x.startYear > before.startYear && x.startYear <= newest.startYear
	);
	return {
		year: schoolYearLabel(before.startYear),
		reasons: between.map(({ reason, reasonEs }) => ({ reason, reasonEs }))
	};
}

/** Every school year from the first to the last label given: a year without data stays in, empty. */
export function filledYears(labels: string[]): string[] {
	const starts = labels.map((y) => startYearOfLabel(y)).filter((y): y is number => y !== null);
	if (!starts.length) return [...new Set(labels)].sort();
	const all: string[] = [];
	for (let y = Math.min(...starts); y <= Math.max(...starts); y++) all.push(schoolYearLabel(y));
	return [...new Set([...all, ...labels])].sort();
}

/** The breaks within a chart's years (after its first): those to mark and list under it. */
export function breaksWithin(breaks: SeriesBreak[], years: string[]): SeriesBreak[] {
	return breaks.filter((b) => {
		const label = schoolYearLabel(b.startYear);
		return label > years[0] && label <= (years.at(-1) ?? '');
	});
}

/** The years a new series starts within a chart (a gap or a new definition): the line stops before them. */
export function breakYearsWithin(breaks: SeriesBreak[], years: string[]): string[] {
	return [
		...new Set(
			breaksWithin(breaks, years)
				.filter((b) => b.kind !== 'mark')
				.map((b) => schoolYearLabel(b.startYear))
		)
	];
}
