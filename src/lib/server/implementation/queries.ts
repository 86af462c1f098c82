import { byText } from '../../collate.ts';
import { byName } from '../db/sort.ts';
// Queries for implementation check-ins: the coherence matrix, the scale profile, the entry grid.
// Each gathers rows in as few queries as it can and hands them to the pure measures.

import { type SchoolType } from '../../choices.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { schools, schoolYears } from '../db/schema/district.ts';
import { checkIns } from '../db/schema/implementation.ts';
import { leaderTenures } from '../db/schema/leadership.ts';
import { priorities } from '../db/schema/priorities.ts';
import { structurePriorities, structures } from '../db/schema/structures.ts';
import { tenuresWhere } from '../leadership/queries.ts';
import { principalChangeYears, type Tenure } from '../leadership/measures.ts';
import { listSchoolYears } from '../school-years/index.ts';
import {
	autonomy,
	coherence,
	mean,
	scaleProfile,
	summarizeStructure,
	type CellFact
} from './measures.ts';
import type {
	Matrix,
	MatrixCell,
	MatrixRow,
	MatrixStructure
} from '../../implementation/coherence.ts';
import type { PriorityScaleProfile } from '../../implementation/scale-profile.ts';
import { openInFigures } from '../results/counted.ts';

export { currentSchoolYear, listSchoolYears, type SchoolYear } from '../school-years/index.ts';

export const matrixSorts = {
	name: 'School name',
	'coherence-asc': 'Coherence, lowest first',
	'coherence-desc': 'Coherence, highest first',
	'autonomy-desc': 'Autonomy, highest first',
	'autonomy-asc': 'Autonomy, lowest first',
	'depth-asc': 'Mean depth, lowest first'
} as const;
export type MatrixSort = keyof typeof matrixSorts;

export interface MatrixQuery {
	yearId: number;
	schoolType?: SchoolType | null;
	priorityId?: number | null;
	sort?: MatrixSort;
}

/** Structures in use in a school year (started by then, or undated), required ones first. */
function structuresForYear(db: Db, startYear: number, priorityId?: number | null) {
	const rows = db
		.select({
			id: structures.id,
			name: structures.name,
			category: structures.category,
			authority: structures.authority,
			sortOrder: structures.sortOrder,
			start: schoolYears.startYear
		})
		.from(structures)
		.leftJoin(schoolYears, eq(structures.startYearId, schoolYears.id))
		.all();
	let carrying: Set<number> | null = null;
	if (priorityId != null) {
		carrying = new Set(
			db
				.select({ id: structurePriorities.structureId })
				.from(structurePriorities)
				.where(eq(structurePriorities.priorityId, priorityId))
				.all()
				.map((r) => r.id)
		);
	}
	return rows
		.filter((s) => s.start == null || s.start <= startYear)
		.filter((s) => carrying == null || carrying.has(s.id))
		.sort(
			(a, b) =>
				Number(a.authority !== 'required') - Number(b.authority !== 'required') ||
				a.sortOrder - b.sortOrder ||
				byText(a.name, b.name)
		);
}

const byNullable = (a: number | null, b: number | null, dir: 1 | -1) => {
	if (a == null && b == null) return 0;
	if (a == null) return 1; // schools with nothing to measure go last either way
	if (b == null) return -1;
	return (a - b) * dir;
};

/**
 * The coherence & autonomy matrix for one school year: open schools × structures in use. One
 * query reads the year's check-ins (by the check_in_uq index, which leads with the year); they
 * are grouped in memory.
 */
export function coherenceMatrix(db: Db, query: MatrixQuery): Matrix {
	const year = db.select().from(schoolYears).where(eq(schoolYears.id, query.yearId)).get();
	if (!year) return { structures: [], rows: [], schoolsCheckedIn: 0 };
	const cols = structuresForYear(db, year.startYear, query.priorityId);
	const colIndex = new Map(cols.map((s, i) => [s.id, i]));

	const schoolRows = db
		.select({ id: schools.id, name: schools.name, type: schools.type })
		.from(schools)
		.where(
			query.schoolType ? and(openInFigures(), eq(schools.type, query.schoolType)) : openInFigures()
		)
		.orderBy(byName(schools.name))
		.all();
	const rowIndex = new Map(schoolRows.map((s, i) => [s.id, i]));

	const grid: (MatrixCell | null)[][] = schoolRows.map(() => cols.map(() => null));
	const yearCheckIns = db
		.select({
			schoolId: checkIns.schoolId,
			structureId: checkIns.structureId,
			depth: checkIns.depth,
			adaptation: checkIns.adaptation,
			siteLed: checkIns.siteLed
		})
		.from(checkIns)
		.where(eq(checkIns.schoolYearId, year.id))
		.all();
	for (const c of yearCheckIns) {
		const r = rowIndex.get(c.schoolId);
		const k = colIndex.get(c.structureId);
		if (r === undefined || k === undefined) continue;
		grid[r][k] = {
			depth: c.depth,
			adaptation: c.adaptation?.trim() ? c.adaptation.trim() : null,
			siteLed: c.siteLed
		};
	}

	const rows: MatrixRow[] = schoolRows.map((school, r) => {
		const facts: CellFact[] = [];
		grid[r].forEach((cell, k) => {
			if (cell)
				facts.push({
					required: cols[k].authority === 'required',
					depth: cell.depth,
					adapted: cell.adaptation != null
				});
		});
		return {
			school,
			cells: grid[r],
			coherence: coherence(facts),
			autonomy: autonomy(facts),
			meanDepth: mean(facts.map((f) => f.depth))
		};
	});

	const matrixStructures: MatrixStructure[] = cols.map((s, k) => ({
		id: s.id,
		name: s.name,
		category: s.category,
		required: s.authority === 'required',
		summary: summarizeStructure(
			grid
				.map((row) => row[k])
				.filter((c): c is MatrixCell => c != null)
				.map((c) => ({ depth: c.depth, adapted: c.adaptation != null }))
		)
	}));

	const sort = query.sort ?? 'name';
	if (sort !== 'name') {
		const [field, dir] = sort.split('-') as ['coherence' | 'autonomy' | 'depth', 'asc' | 'desc'];
		const key = field === 'depth' ? 'meanDepth' : field;
		rows.sort(
			(a, b) =>
				byNullable(a[key], b[key], dir === 'asc' ? 1 : -1) || byText(a.school.name, b.school.name)
		);
	}

	return {
		structures: matrixStructures,
		rows,
		schoolsCheckedIn: rows.filter((r) => r.cells.some((c) => c != null)).length
	};
}

export function listPriorities(db: Db) {
	return db
		.select({
			id: priorities.id,
			slug: priorities.slug,
			title: priorities.title,
			status: priorities.status,
			sponsor: priorities.sponsor
		})
		.from(priorities)
		.orderBy(asc(priorities.sortOrder), byName(priorities.title))
		.all();
}

export function principalTenures(db: Db): Tenure[] {
	return tenuresWhere(db, eq(leaderTenures.role, 'principal'));
}

/**
 * Scale profiles (spread, depth, sustainability, ownership per year) of the given priorities, or
 * of every active one, up to and including `throughYear` (a start year).
 */
export function scaleProfiles(
	db: Db,
	options: { priorityIds?: number[]; throughYear?: number } = {}
): PriorityScaleProfile[] {
	const all = listPriorities(db);
	const chosen = options.priorityIds
		? all.filter((p) => options.priorityIds?.includes(p.id))
		: all.filter((p) => p.status === 'active');
	if (chosen.length === 0) return [];
	const years = listSchoolYears(db).filter(
		(y) => options.throughYear == null || y.startYear <= options.throughYear
	);
	const links = db
		.select({
			priorityId: structurePriorities.priorityId,
			id: structures.id,
			name: structures.name,
			authority: structures.authority,
			sortOrder: structures.sortOrder
		})
		.from(structurePriorities)
		.innerJoin(structures, eq(structurePriorities.structureId, structures.id))
		.where(
			inArray(
				structurePriorities.priorityId,
				chosen.map((p) => p.id)
			)
		)
		.orderBy(asc(structures.sortOrder), byName(structures.name))
		.all();
	const structureIds = [...new Set(links.map((l) => l.id))];
	const yearStart = new Map(years.map((y) => [y.id, y.startYear]));
	const rows =
		structureIds.length === 0
			? []
			: db
					.select({
						schoolId: checkIns.schoolId,
						structureId: checkIns.structureId,
						schoolYearId: checkIns.schoolYearId,
						depth: checkIns.depth,
						adaptation: checkIns.adaptation,
						siteLed: checkIns.siteLed
					})
					.from(checkIns)
					.innerJoin(schools, eq(checkIns.schoolId, schools.id))
					.where(and(inArray(checkIns.structureId, structureIds), openInFigures()))
					.all();
	const changes = principalChangeYears(principalTenures(db));

	return chosen.map((p) => {
		const carrying = links.filter((l) => l.priorityId === p.id);
		const ids = new Set(carrying.map((l) => l.id));
		const facts = rows
			.filter((r) => ids.has(r.structureId) && yearStart.has(r.schoolYearId))
			.map((r) => ({
				schoolId: r.schoolId,
				year: yearStart.get(r.schoolYearId) as number,
				depth: r.depth,
				adapted: !!r.adaptation?.trim(),
				siteLed: r.siteLed
			}));
		const profile = scaleProfile(
			facts,
			years.map((y) => y.startYear),
			changes
		);
		return {
			priority: { id: p.id, slug: p.slug, title: p.title },
			structures: carrying.map((s) => ({
				id: s.id,
				name: s.name,
				required: s.authority === 'required'
			})),
			years: profile.map((y, i) => ({ ...y, label: years[i].label }))
		};
	});
}
