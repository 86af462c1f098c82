// Leadership signals for the board overview: sponsor changes, engagement gone quiet, and schools
// whose depth fell after a new principal.

import { and, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { schools } from '../db/schema/district.ts';
import { checkIns } from '../db/schema/implementation.ts';
import { engagements } from '../db/schema/leadership.ts';
import { priorities } from '../db/schema/priorities.ts';
import type { Signal } from '../../signals.ts';
import type { SignalSource } from '../signals/types.ts';
import { currentSchoolYear, listSchoolYears } from '../school-years/index.ts';
import { mean } from '../../stats.ts';
import { tenuresWhere } from './queries.ts';
import { changeTenures, daysBetween, schoolYearOf, type Tenure } from './measures.ts';
import { formatDateShort } from './format.ts';
import { openInFigures } from '../results/counted.ts';

function allTenures(db: Db): Tenure[] {
	return tenuresWhere(db);
}

/** Active priorities whose sponsor changed during the current school year. */
export function sponsorChanges(db: Db, today: string, tenures = allTenures(db)): Signal[] {
	const year = currentSchoolYear(db, today).startYear;
	const active = new Map(
		db
			.select({ id: priorities.id, title: priorities.title })
			.from(priorities)
			.where(eq(priorities.status, 'active'))
			.all()
			.map((p) => [p.id, p.title])
	);
	const changed = changeTenures(tenures.filter((t) => t.role === 'sponsor')).filter(
		(t) =>
			t.priorityId != null &&
			active.has(t.priorityId) &&
			schoolYearOf(t.startedOn) === year &&
			t.startedOn <= today
	);
	const seen = new Set<number>();
	return changed.flatMap((t) => {
		const id = t.priorityId as number;
		if (seen.has(id)) return [];
		seen.add(id);
		return [
			{
				key: `sponsor-changed:${id}`,
				area: 'leadership' as const,
				message: `The sponsor of “${active.get(id)}” changed this school year (${t.personName} since ${formatDateShort(t.startedOn)}).`,
				href: '/board/leadership',
				fixLabel: 'See leadership continuity',
				subject: { entity: 'priority', id }
			}
		];
	});
}

/** Active priorities with no senior-leader engagement logged in the last `windowDays` days. */
export function quietPriorities(db: Db, today: string, windowDays: number): Signal[] {
	const last = new Map(
		db
			.select({ priorityId: engagements.priorityId, last: max(engagements.occurredOn) })
			.from(engagements)
			.groupBy(engagements.priorityId)
			.all()
			.map((r) => [r.priorityId, r.last])
	);
	return db
		.select({ id: priorities.id, title: priorities.title })
		.from(priorities)
		.where(eq(priorities.status, 'active'))
		.all()
		.flatMap((p) => {
			const on = last.get(p.id);
			const days = on ? daysBetween(on, today) : null;
			if (days !== null && days <= windowDays) return [];
			const since =
				days === null
					? 'ever'
					: `in the last ${windowDays} days (last: ${formatDateShort(on as string)})`;
			return [
				{
					key: `engagement-quiet:${p.id}`,
					area: 'leadership' as const,
					message: `No senior-leader engagement logged for “${p.title}” ${since} — possibly delegated downward.`,
					href: '/manage/leadership#engagement-form',
					fixLabel: 'Log an engagement',
					subject: { entity: 'priority', id: p.id }
				}
			];
		});
}

/**
 * Schools whose mean depth (over all structures they checked in on) fell after a principal
 * change in the current or the previous school year: the year before the change is compared with
 * the latest year since the change that has check-ins.
 */
export function depthFellAfterPrincipalChange(
	db: Db,
	today: string,
	tenures = allTenures(db)
): Signal[] {
	const current = currentSchoolYear(db, today);
	const years = listSchoolYears(db);
	const changes = changeTenures(tenures.filter((t) => t.role === 'principal')).filter((t) => {
		const y = schoolYearOf(t.startedOn);
		return (
			t.schoolId != null &&
			t.startedOn <= today &&
			y >= current.startYear - 1 &&
			y <= current.startYear
		);
	});
	if (changes.length === 0) return [];
	const schoolIds = [...new Set(changes.map((t) => t.schoolId as number))];
	const yearIds = new Map(years.map((y) => [y.id, y.startYear]));
	const rows = db
		.select({
			schoolId: checkIns.schoolId,
			schoolYearId: checkIns.schoolYearId,
			depth: checkIns.depth,
			name: schools.name
		})
		.from(checkIns)
		.innerJoin(schools, eq(checkIns.schoolId, schools.id))
		.where(and(inArray(checkIns.schoolId, schoolIds), openInFigures()))
		.all();
	const depths = new Map<string, number[]>();
	const names = new Map<number, string>();
	for (const r of rows) {
		names.set(r.schoolId, r.name);
		const key = `${r.schoolId}:${yearIds.get(r.schoolYearId)}`;
		const list = depths.get(key);
		if (list) list.push(r.depth);
		else depths.set(key, [r.depth]);
	}
	const seen = new Set<number>();
	const out: Signal[] = [];
	for (const change of changes.sort((a, b) => b.startedOn.localeCompare(a.startedOn))) {
		const schoolId = change.schoolId as number;
		if (seen.has(schoolId)) continue;
		const changeYear = schoolYearOf(change.startedOn);
		const before = mean(depths.get(`${schoolId}:${changeYear - 1}`) ?? []);
		let after: number | null = null;
		for (let y = current.startYear; y >= changeYear && after === null; y--) {
			after = mean(depths.get(`${schoolId}:${y}`) ?? []);
		}
		if (before === null || after === null || after >= before) continue;
		seen.add(schoolId);
		out.push({
			key: `depth-fell-after-principal:${schoolId}`,
			area: 'leadership',
			message: `${names.get(schoolId)}: mean implementation depth fell from ${before.toFixed(1)} to ${after.toFixed(1)} after a new principal (${change.personName}) started ${formatDateShort(change.startedOn)}.`,
			href: '/board/coherence',
			fixLabel: 'See the coherence matrix',
			subject: { entity: 'school', id: schoolId }
		});
	}
	return out;
}

export const leadershipSignals: SignalSource = (db, { settings, today }) => {
	const tenures = allTenures(db);
	return [
		...sponsorChanges(db, today, tenures),
		...quietPriorities(db, today, settings.engagementWindowDays ?? 90),
		...depthFellAfterPrincipalChange(db, today, tenures)
	];
};
