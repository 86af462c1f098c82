// The student groups an LCAP action names, in the Dashboard files' codes, so that a Red group can
// be matched to the actions that name it. LCAPs write groups their own way ("EL, LI", "English
// Learners, Low Income", "HIS", "FY", "EL (Newcomer)"); "All" names no group in particular.
import type { Db } from '../db/open.ts';
import { actionsOf } from './queries.ts';

const codeOf: Record<string, string> = {
	aa: 'AA',
	'african american': 'AA',
	'black/african american': 'AA',
	ai: 'AI',
	'american indian': 'AI',
	as: 'AS',
	asian: 'AS',
	fi: 'FI',
	filipino: 'FI',
	his: 'HI',
	hi: 'HI',
	hispanic: 'HI',
	pi: 'PI',
	'pacific islander': 'PI',
	wh: 'WH',
	white: 'WH',
	tom: 'MR',
	mr: 'MR',
	'two or more races': 'MR',
	el: 'EL',
	'english learners': 'EL',
	'english learner': 'EL',
	ltel: 'LTEL',
	sed: 'SED',
	li: 'SED',
	'low income': 'SED',
	'socioeconomically disadvantaged': 'SED',
	swd: 'SWD',
	'students with disabilities': 'SWD',
	fy: 'FOS',
	fos: 'FOS',
	'foster youth': 'FOS',
	hm: 'HOM',
	hom: 'HOM',
	homeless: 'HOM',
	'homeless youth': 'HOM'
};

/** "EL (Newcomer), LI, Foster Youth" → EL, SED, FOS. An "(LTEL)" names long-term English learners too. */
export function groupCodesIn(text: string): string[] {
	const codes = new Set<string>();
	for (const part of text.split(/[,;]/)) {
		const t = part.trim().toLowerCase();
		if (!t) continue;
		if (/\bltel\b/.test(t)) codes.add('LTEL');
		const base = t.replace(/\(.*?\)/g, '').trim();
		const code = codeOf[base];
		if (code) codes.add(code);
	}
	return [...codes];
}

/** Group code → the actions of the year that name the group. */
export function actionsByGroup(db: Db, versionId: number) {
	const map = new Map<string, { number: string; title: string; totalCents: number }[]>();
	for (const a of actionsOf(db, versionId)) {
		const codes = new Set(
			[a.studentGroupFocus, a.studentGroups, a.unduplicatedGroups].flatMap(groupCodesIn)
		);
		for (const code of codes) {
			const list = map.get(code) ?? [];
			list.push({ number: a.number, title: a.title, totalCents: a.totalCents });
			map.set(code, list);
		}
	}
	return map;
}
