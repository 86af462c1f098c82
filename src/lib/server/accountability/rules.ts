// Differentiated Assistance (DA) for a district or county office, from the Dashboard's colors: which
// LCFF priority areas each student group meets the criteria in, why, the state's letter for them
// and whether the LEA is eligible. The rules are data by Dashboard year, so a year's change is one
// entry. Sources: the state's "LCFF District/COE Eligibility File" workbooks (assistancestatusYY.xlsx:
// its "Value" and "LCFF Priority Definitions" sheets) and the California Department of Education's
// Differentiated Assistance pages, as written down and checked in shared/data/ACCOUNTABILITY.md.
// Local indicators (priorities 1, 2, 3, 7) are not in the Dashboard files and are not computed here.

export type Priority = 4 | 5 | 6 | 8;
export const priorities: readonly Priority[] = [4, 5, 6, 8];

/** A Dashboard indicator as the reader codes it (src/lib/server/imports/indicators.ts). */
export type IndicatorCode = 'ela' | 'math' | 'elpi' | 'grad' | 'chronic' | 'susp' | 'cci';

/** Red or Orange; where a year or indicator has status only, the lowest status level is Red. */
export type Level = 'red' | 'orange';

interface Condition {
	indicator: IndicatorCode;
	/** The levels that meet it (Red, or Red or Orange). */
	levels: readonly Level[];
}

/** A priority area is met when every condition of one criterion is. */
interface Criterion {
	priority: Priority;
	allOf: readonly Condition[];
	/** Only these groups (English learner progress). */
	onlyGroups?: readonly string[];
	/** Not these groups. */
	exceptGroups?: readonly string[];
}

export interface DaRules {
	/** The first Dashboard year these rules apply to; they hold until the next entry's year. */
	from: number;
	/** Why this entry exists, in a few words, with its source. */
	note: string;
	/** The student groups the state determines (the workbook's `<group>priorities` columns). */
	groups: readonly string[];
	criteria: readonly Criterion[];
}

const red: readonly Level[] = ['red'];
const redOrOrange: readonly Level[] = ['red', 'orange'];
const englishLearners = ['EL', 'LTEL'];

/**
 * The groups of the state's workbook, in the Dashboard files' codes: its TOM is the files' MR (two
 * or more races). ALL is not a student group for DA. LTEL has a column from the 2024 workbook.
 */
const stateGroups = [
	'AA',
	'AI',
	'AS',
	'EL',
	'FI',
	'FOS',
	'HI',
	'HOM',
	'PI',
	'SED',
	'SWD',
	'MR',
	'WH',
	'LTEL'
] as const;

// Priority 4: ELA and math both Red, or one Red and the other Orange.
const achievement = (exceptGroups?: readonly string[]): Criterion[] =>
	[
		[red, red],
		[red, ['orange'] as const],
		[['orange'] as const, red]
	].map(([ela, math]) => ({
		priority: 4,
		allOf: [
			{ indicator: 'ela', levels: ela },
			{ indicator: 'math', levels: math }
		],
		...(exceptGroups ? { exceptGroups } : {})
	}));

const engagementClimateOutcomes: Criterion[] = [
	{ priority: 5, allOf: [{ indicator: 'grad', levels: red }] },
	{ priority: 5, allOf: [{ indicator: 'chronic', levels: red }] },
	{ priority: 6, allOf: [{ indicator: 'susp', levels: red }] },
	{ priority: 8, allOf: [{ indicator: 'cci', levels: red }] }
];

/** The rules by Dashboard year, oldest first. */
export const daRules: readonly DaRules[] = [
	{
		from: 2017,
		note: 'ACCOUNTABILITY.md; the state\'s workbooks 2022 and 2023 ("LCFF Priority Definitions")',
		groups: stateGroups,
		criteria: [
			...achievement(),
			{
				priority: 4,
				allOf: [{ indicator: 'elpi', levels: red }],
				onlyGroups: englishLearners
			},
			...engagementClimateOutcomes
		]
	},
	{
		from: 2025,
		note: 'From the 2025 Dashboard, long-term English learners count in priority 4 only through English learner progress, Red or Orange (ACCOUNTABILITY.md)',
		groups: stateGroups,
		criteria: [
			...achievement(['LTEL']),
			{ priority: 4, allOf: [{ indicator: 'elpi', levels: red }], onlyGroups: ['EL'] },
			{ priority: 4, allOf: [{ indicator: 'elpi', levels: redOrOrange }], onlyGroups: ['LTEL'] },
			...engagementClimateOutcomes
		]
	}
];

/** The indicators any year's rules use; the others (science, census, growth…) have no part. */
export const daIndicators: ReadonlySet<string> = new Set(
	daRules.flatMap((r) => r.criteria.flatMap((c) => c.allOf.map((a) => a.indicator)))
);

/**
 * Dashboard years and indicators with status only (no colors): there the lowest status level
 * (`statuslevel` 1, coded by performance for every indicator) stands where Red would, and nothing
 * is Orange. 2022 had no colors at all; in 2023 college/career had a status level only.
 */
export const statusOnly: Readonly<Record<number, 'all' | readonly IndicatorCode[]>> = {
	2022: 'all',
	2023: ['cci']
};

/** The state's minimum group size for a color or a determination: 30, 15 for foster youth and homeless. */
export function sizeForColor(group: string): number {
	return group === 'FOS' || group === 'HOM' ? 15 : 30;
}

/** The state's letter for two or more priority areas (the workbook's "Value" sheet). */
export const letters: Readonly<Record<string, readonly Priority[]>> = {
	A: [4, 5, 6],
	B: [4, 5],
	C: [5, 6],
	D: [4, 6],
	E: [4, 8],
	F: [5, 8],
	G: [6, 8],
	H: [4, 5, 8],
	I: [4, 6, 8],
	J: [5, 6, 8],
	K: [4, 5, 6, 8]
};

/** The letter of a set of priority areas, or null for fewer than two. */
export function letterOf(areas: readonly Priority[]): string | null {
	if (areas.length < 2) return null;
	const key = [...areas].sort((a, b) => a - b).join(',');
	for (const [letter, set] of Object.entries(letters)) if (set.join(',') === key) return letter;
	return null;
}

/** The priority areas of a state letter (`*` or blank: none). */
export function prioritiesOfLetter(letter: string | null): Priority[] {
	const l = (letter ?? '').trim().toUpperCase();
	if (l === '' || l === '*') return [];
	const set = letters[l];
	if (!set) throw new Error(`“${letter}” is not one of the state's letters A–K`);
	return [...set];
}

export function rulesFor(year: number): DaRules {
	let found: DaRules | undefined;
	for (const r of daRules) if (r.from <= year) found = r;
	if (!found) throw new Error(`No Differentiated Assistance rules for the ${year} Dashboard`);
	return found;
}

/** One Dashboard result of the LEA (its own row, not a school's) for one year. */
export interface LeaResult {
	indicator: string;
	group: string;
	/** The state's color: 1 Red, 2 Orange, 3 Yellow, 4 Green, 5 Blue; 0 or null none. */
	color: number | null;
	/** 1 = lowest performance … 5 = highest, for every indicator. */
	statusLevel: number | null;
	/** Students in the group (the current denominator). */
	n: number | null;
}

/** Why a group meets the criteria in a priority area: each indicator and its level. */
export interface Reason {
	indicator: IndicatorCode;
	level: Level;
	/** Whether the level is the state's color, or the lowest status level of a status-only year. */
	basis: 'color' | 'status';
}

export interface GroupDetermination {
	group: string;
	priorities: Priority[];
	/** For each priority area met, the indicators that met it (one criterion each). */
	reasons: Partial<Record<Priority, Reason[][]>>;
	/** The state's letter when two or more areas, else null. */
	letter: string | null;
}

export interface Determination {
	year: number;
	/** The first year of the rules applied. */
	rulesFrom: number;
	/** Groups that met the criteria in at least one priority area, in the rules' group order. */
	groups: GroupDetermination[];
	/** One group in two or more priority areas (on the Dashboard's indicators alone). */
	eligible: boolean;
}

/** Whether a year's indicator has status only, so that its lowest status level stands for Red. */
export function isStatusOnly(year: number, indicator: string): boolean {
	const only = statusOnly[year];
	return only === 'all' || (only?.includes(indicator as IndicatorCode) ?? false);
}

/** A result's Red or Orange for the determination (null: neither, or the group is too small). */
export function levelOf(
	r: LeaResult,
	statusBasis: boolean
): { level: Level; basis: Reason['basis'] } | null {
	// Groups under the state's size for a color are not Red, whatever the file says; a status
	// level stands for a color only where the group's size is known.
	if (r.n !== null && r.n < sizeForColor(r.group)) return null;
	if (statusBasis && r.n === null) return null;
	if (statusBasis) return r.statusLevel === 1 ? { level: 'red', basis: 'status' } : null;
	if (r.color === 1) return { level: 'red', basis: 'color' };
	if (r.color === 2) return { level: 'orange', basis: 'color' };
	return null;
}

/** The LEA's determination for one Dashboard year, from its own results of that year. */
export function determine(
	year: number,
	results: readonly LeaResult[],
	rules: DaRules = rulesFor(year)
): Determination {
	const statusBasis = (indicator: string) => isStatusOnly(year, indicator);
	const byGroup = new Map<string, Map<string, LeaResult>>();
	for (const r of results) {
		let m = byGroup.get(r.group);
		if (!m) byGroup.set(r.group, (m = new Map()));
		m.set(r.indicator, r);
	}
	const groups: GroupDetermination[] = [];
	for (const group of rules.groups) {
		const mine = byGroup.get(group);
		if (!mine) continue;
		const reasons: Partial<Record<Priority, Reason[][]>> = {};
		for (const c of rules.criteria) {
			if (c.onlyGroups && !c.onlyGroups.includes(group)) continue;
			if (c.exceptGroups?.includes(group)) continue;
			const met: Reason[] = [];
			for (const cond of c.allOf) {
				const r = mine.get(cond.indicator);
				const l = r ? levelOf(r, statusBasis(cond.indicator)) : null;
				if (!l || !cond.levels.includes(l.level)) break;
				met.push({ indicator: cond.indicator, ...l });
			}
			if (met.length === c.allOf.length) (reasons[c.priority] ??= []).push(met);
		}
		const areas = priorities.filter((p) => reasons[p]);
		if (areas.length) groups.push({ group, priorities: areas, reasons, letter: letterOf(areas) });
	}
	return {
		year,
		rulesFrom: rules.from,
		groups,
		eligible: groups.some((g) => g.priorities.length >= 2)
	};
}
