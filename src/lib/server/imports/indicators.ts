import type { MeasureDirection, MeasureUnit } from '../db/schema/measures.ts';

/** A California School Dashboard indicator, and the measure its results go to. */
export interface Indicator {
	/** The measure's code. */
	code: string;
	name: string;
	unit: MeasureUnit;
	direction: MeasureDirection;
	/** Spellings of the indicator in the files' `indicator` column and names, lower-case. */
	aliases: string[];
	/** Where the value and the group size are, by header name (first present wins). */
	valueColumns: string[];
	nColumns: string[];
}

export const indicators: readonly Indicator[] = [
	{
		code: 'ela',
		name: 'English language arts: distance from standard',
		unit: 'points',
		direction: 'higher',
		aliases: ['ela'],
		valueColumns: ['currstatus'],
		nColumns: ['currdenom']
	},
	{
		code: 'math',
		name: 'Mathematics: distance from standard',
		unit: 'points',
		direction: 'higher',
		aliases: ['math', 'mathematics'],
		valueColumns: ['currstatus'],
		nColumns: ['currdenom']
	},
	{
		code: 'chronic',
		name: 'Chronic absenteeism rate',
		unit: 'percent',
		direction: 'lower',
		aliases: ['chronic', 'chro', 'chronicabsenteeism'],
		valueColumns: ['currstatus'],
		nColumns: ['currdenom']
	},
	{
		code: 'susp',
		name: 'Suspension rate',
		unit: 'percent',
		direction: 'lower',
		aliases: ['susp', 'suspension'],
		valueColumns: ['currstatus'],
		nColumns: ['currdenom']
	},
	{
		code: 'grad',
		name: 'Graduation rate',
		unit: 'percent',
		direction: 'higher',
		aliases: ['grad', 'graduation'],
		valueColumns: ['currstatus'],
		nColumns: ['currdenom']
	},
	{
		code: 'cci',
		name: 'College/career: prepared',
		unit: 'percent',
		direction: 'higher',
		aliases: ['cci', 'collegecareer', 'college_career'],
		valueColumns: ['currstatus'],
		nColumns: ['currdenom']
	},
	{
		code: 'elpi',
		name: 'English learner progress',
		unit: 'percent',
		direction: 'higher',
		aliases: ['elpi', 'elp'],
		valueColumns: ['currstatus'],
		nColumns: ['currdenom']
	},
	{
		code: 'census',
		name: 'Enrollment: share of students',
		unit: 'percent',
		direction: 'higher',
		aliases: ['censusenrollrates', 'censusenrollment', 'census', 'cenrollrates'],
		valueColumns: ['rate', 'currstatus'],
		nColumns: ['subgroup_total', 'subgrouptotal', 'currdenom']
	}
];

const byAlias = new Map<string, Indicator>();
for (const i of indicators) for (const a of i.aliases) byAlias.set(a, i);

/** The indicator named by a value of the `indicator` column ("ela", "CHRO", "censusenrollrates"…). */
export function indicatorByName(name: string): Indicator | undefined {
	return byAlias.get(
		name
			.trim()
			.toLowerCase()
			.replace(/[\s-]+/g, '')
	);
}

/** The indicator a state file name names: "chronicdownload2023.txt", "ELA_2024.txt"… */
export function indicatorFromFileName(fileName: string): Indicator | undefined {
	const base = fileName
		.split(/[/\\]/)
		.pop()!
		.toLowerCase()
		.replace(/\.[a-z]+$/, '');
	// Longest alias first, so "censusenrollrates" wins over "census" and "chronic" over "chro".
	const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
	for (const a of aliases) if (base.startsWith(a)) return byAlias.get(a);
	for (const a of aliases) if (a.length >= 3 && base.includes(a)) return byAlias.get(a);
	return undefined;
}

/** "2022-23" for 2022. */
export function schoolYearLabel(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** 2022 for "2022-23", "2022-2023" or "2022–23"; undefined when not a school year. */
export function parseSchoolYear(text: string): number | undefined {
	const m = /^\s*(\d{4})\s*[-–/]\s*(\d{2}|\d{4})\s*$/.exec(text);
	if (!m) return undefined;
	const start = Number(m[1]);
	const end = Number(m[2]);
	const endFull = m[2].length === 2 ? Math.floor(start / 100) * 100 + end : end;
	if (endFull !== start + 1 && !(m[2].length === 2 && end === (start + 1) % 100)) return undefined;
	return start;
}
