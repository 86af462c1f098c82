// The California School Dashboard's own scales, as the state names them. Results imported from
// its files carry a performance color (1 Red … 5 Blue), a status level and a change level.
// Relative imports, not $lib: server code (and the CLI scripts, on plain Node) imports this file.
import * as m from './paraglide/messages/_index.js';
import type { Locale } from './format.ts';

export interface StateLevels {
	/** 1 Red, 2 Orange, 3 Yellow, 4 Green, 5 Blue; null when the state gave none. */
	color: number | null;
	/** The status level by performance, as the state's files code it: 1 worst … 5 best. */
	status: number | null;
	/** The change level by performance: 1 worst … 5 best. */
	change: number | null;
	/** Why there is no color: 'status-only' (a year such as 2022), 'small-group', 'not-given'. */
	colorMissing: string | null;
	/**
	 * Which direction of the indicator is better. The state codes levels by performance for every
	 * indicator, but words them by the indicator's direction: chronic absenteeism's status level 1
	 * is "Very High". Records frozen before it was kept have none (the slide's trend knows it).
	 */
	direction?: 'higher' | 'lower';
}

/**
 * The words the state prints for a level, by performance (1 worst … 5 best) where higher values
 * are better; where lower values are better (chronic absenteeism, suspension) the same words run
 * the other way (STATE-FILES.md: status 1 "Very High", change 1 "Increased Significantly").
 */
const statusWords = [
	m.state_status_1,
	m.state_status_2,
	m.state_status_3,
	m.state_status_4,
	m.state_status_5
];
const changeWords = [
	m.state_change_1,
	m.state_change_2,
	m.state_change_3,
	m.state_change_4,
	m.state_change_5
];
const colorWords = [
	m.state_color_1,
	m.state_color_2,
	m.state_color_3,
	m.state_color_4,
	m.state_color_5
];

const wordIndex = (level: number, direction: 'higher' | 'lower') =>
	direction === 'lower' ? 5 - level : level - 1;

/** The state's words for a status level ("Very High" for chronic absenteeism's level 1). */
export function statusLevelWord(
	level: number,
	direction: 'higher' | 'lower',
	locale?: Locale
): string {
	return statusWords[wordIndex(level, direction)]({}, locale ? { locale } : undefined);
}

/** The state's words for a change level ("Declined" for chronic absenteeism's level 4). */
export function changeLevelWord(
	level: number,
	direction: 'higher' | 'lower',
	locale?: Locale
): string {
	return changeWords[wordIndex(level, direction)]({}, locale ? { locale } : undefined);
}

/** The state's name of a color (1 Red … 5 Blue). */
export function colorWord(color: number, locale?: Locale): string {
	return colorWords[color - 1]({}, locale ? { locale } : undefined);
}

/** The state's Dashboard page of a district or school for the fall release of a school year. */
export function stateDashboardUrl(cdsCode: string, startYear: number): string {
	// The Dashboard names its years by the fall they are released in: 2022-23 is "2023".
	return `https://www.caschooldashboard.org/reports/${encodeURIComponent(cdsCode)}/${startYear + 1}`;
}

/** Start year of a label "2022-23" (for the link above). */
export function startYearOf(label: string): number | null {
	const m = /^(\d{4})-/.exec(label);
	return m ? Number(m[1]) : null;
}
