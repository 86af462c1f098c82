import { type MeasureDirection, type MeasureUnit } from '../../choices.ts';

/** A California School Dashboard indicator, and the measure its results go to. */
export interface Indicator {
	/** The measure's code. */
	code: string;
	name: string;
	nameEs: string;
	unit: MeasureUnit;
	direction: MeasureDirection;
	/** Spellings of the indicator in the files' `indicator` column and names, lower-case. */
	aliases: string[];
	/** Columns only this indicator's files have (any one is enough). */
	signature: string[];
	/** The group of a file without a `studentgroup` column (the 2023 English learner progress layout). */
	defaultGroup: string;
	/** Census enrollment: context stored apart, never an outcome measure. */
	enrollment?: boolean;
	/** Not a catalog entry: a code first seen in a file. */
	isNew?: boolean;
}

const common = { defaultGroup: 'ALL' } as const;

export const indicators: readonly Indicator[] = [
	{
		...common,
		code: 'ela',
		name: 'English language arts: distance from standard',
		nameEs: 'Artes lingüísticas en inglés: distancia del estándar',
		unit: 'points',
		direction: 'higher',
		aliases: ['ela', 'english', 'englishlanguagearts'],
		signature: []
	},
	{
		...common,
		code: 'math',
		name: 'Mathematics: distance from standard',
		nameEs: 'Matemáticas: distancia del estándar',
		unit: 'points',
		direction: 'higher',
		aliases: ['math', 'mathematics'],
		signature: []
	},
	{
		...common,
		code: 'science',
		name: 'Science: distance from standard',
		nameEs: 'Ciencias: distancia del estándar',
		unit: 'points',
		direction: 'higher',
		aliases: ['science', 'sci', 'cast'],
		signature: []
	},
	{
		...common,
		code: 'chronic',
		name: 'Chronic absenteeism rate',
		nameEs: 'Tasa de ausentismo crónico',
		unit: 'percent',
		direction: 'lower',
		aliases: ['chronic', 'chro', 'chronicabsenteeism', 'absenteeism'],
		signature: []
	},
	{
		...common,
		code: 'susp',
		name: 'Suspension rate',
		nameEs: 'Tasa de suspensión',
		unit: 'percent',
		direction: 'lower',
		aliases: ['susp', 'suspension'],
		signature: []
	},
	{
		...common,
		code: 'grad',
		name: 'Graduation rate',
		nameEs: 'Tasa de graduación',
		unit: 'percent',
		direction: 'higher',
		aliases: ['grad', 'graduation'],
		signature: ['fiveyrnumer', 'fiveyrrate']
	},
	{
		...common,
		code: 'grad-dass',
		name: 'Graduation rate, alternative schools (one year)',
		nameEs: 'Tasa de graduación, escuelas alternativas (un año)',
		unit: 'percent',
		direction: 'higher',
		aliases: ['graddass', 'dassgrad', 'gradassonly', 'dass'],
		signature: []
	},
	{
		...common,
		code: 'cci',
		name: 'College/career: prepared',
		nameEs: 'Universidad/carrera: preparados',
		unit: 'percent',
		direction: 'higher',
		aliases: ['cci', 'collegecareer', 'college_career', 'collegeandcareer'],
		signature: ['curr_prep', 'curr_prep_pct', 'currprep']
	},
	{
		code: 'elpi',
		name: 'English learner progress',
		nameEs: 'Progreso de los estudiantes de inglés',
		unit: 'percent',
		direction: 'higher',
		aliases: ['elpi', 'elp', 'englishlearnerprogress'],
		signature: [
			'currprogressed',
			'pctcurrprogressed',
			'currmaintainpl4',
			'currmaintain_pl4',
			'flag95pct',
			'curr95'
		],
		defaultGroup: 'EL'
	},
	{
		...common,
		code: 'growth',
		name: 'Academic growth (informational)',
		nameEs: 'Crecimiento académico (informativo)',
		unit: 'scale',
		direction: 'higher',
		aliases: ['growthmodel', 'growth', 'gm'],
		signature: ['growthlevel', 'pctimproving', 'growthdenom']
	},
	{
		...common,
		code: 'census',
		name: 'Enrollment',
		nameEs: 'Matrícula',
		unit: 'count',
		direction: 'higher',
		aliases: ['censusenrollrates', 'censusenrollment', 'census', 'cenrollrates', 'enrollment'],
		signature: ['totalenrollment', 'subgroup_total', 'subgrouptotal'],
		enrollment: true
	}
];

const byCode = new Map(indicators.map((i) => [i.code, i]));
const byAlias = new Map<string, Indicator>();
for (const i of indicators) for (const a of [i.code, ...i.aliases]) byAlias.set(squash(a), i);

function squash(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.replace(/[\s\-_.]+/g, '');
}

export function indicatorByCode(code: string): Indicator | undefined {
	return byCode.get(code);
}

/** The indicator named by a value of the `indicator` column ("ela", "CHRO", "censusenrollrates"…). */
export function indicatorByName(name: string): Indicator | undefined {
	return byAlias.get(squash(name));
}

/**
 * An indicator the catalog does not know, named by its code as the file writes it: its results
 * become a new measure by that code, for staff to name.
 */
export function newIndicator(code: string): Indicator {
	const c = squash(code).replace(/[^a-z0-9]/g, '') || 'indicator';
	return {
		code: c,
		name: `Dashboard indicator ${code.trim().toUpperCase()}`,
		nameEs: `Indicador del Dashboard ${code.trim().toUpperCase()}`,
		unit: 'scale',
		direction: 'higher',
		aliases: [c],
		signature: [],
		defaultGroup: 'ALL',
		isNew: true
	};
}

/** The indicator whose own columns the header has (census, CCI, ELPI, graduation…). */
export function indicatorFromColumns(header: Iterable<string>): Indicator | undefined {
	const names = new Set(header);
	const found = indicators.filter((i) => i.signature.some((c) => names.has(c)));
	if (found.length === 1) return found[0];
	for (const name of names) if (name.startsWith('growth')) return byCode.get('growth');
	return undefined;
}

/**
 * The indicator a file name names: "chronicdownload2023.txt", "ELA_2024.txt", "ela 2024 final.txt",
 * "graddownload2021dassonly.txt".
 */
export function indicatorFromFileName(fileName: string): Indicator | undefined {
	const base = fileName
		.split(/[/\\]/)
		.pop()!
		.toLowerCase()
		.replace(/\.[a-z0-9]+$/, '');
	const words = base.split(/[^a-z]+/).filter(Boolean);
	const squashed = base.replace(/[^a-z]+/g, '');
	if (/dass/.test(squashed) && /grad/.test(squashed)) return byCode.get('grad-dass');
	// Longest alias first, so "censusenrollrates" wins over "census" and "chronic" over "chro".
	const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
	for (const a of aliases) if (squashed.startsWith(a)) return byAlias.get(a);
	for (const w of words) {
		const hit = byAlias.get(w.replace(/download$/, ''));
		if (hit) return hit;
	}
	for (const a of aliases) if (a.length >= 4 && squashed.includes(a)) return byAlias.get(a);
	return undefined;
}

/** "xyz" for "xyzdownload2026.txt": the state's own naming of an indicator it has added. */
export function indicatorCodeFromFileName(fileName: string): string | undefined {
	const base = fileName.split(/[/\\]/).pop()!.toLowerCase();
	const m = /^([a-z]+)download\d{4}/.exec(base);
	return m?.[1];
}

/** The four-digit Dashboard year a file name carries ("eladownload2024.txt" → 2024). */
export function yearFromFileName(fileName: string): number | undefined {
	const m = /(?:^|[^0-9])(20\d{2})(?:[^0-9]|$)/.exec(fileName.split(/[/\\]/).pop()!);
	return m ? Number(m[1]) : undefined;
}

// One rule for a year's label, shared with every other area.
export { schoolYearLabel } from '../../school-year.ts';

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
