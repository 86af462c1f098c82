// The state's California School Dashboard download files, every year's layout: columns found by
// name, the indicator from the file's `indicator` column, then its columns, then its name; the
// school year from `reportingyear`; codes the catalog does not know imported and flagged.
import { type ColorMissingReason } from '../../choices.ts';
import { eq, sql } from 'drizzle-orm';
import { enrollments, nowIso, schools as schoolsTable } from '../db/schema/district.ts';
import { measures, results } from '../db/schema/measures.ts';
import { areaFigures } from '../db/schema/context.ts';
import type { Db, DbFile } from '../db/open.ts';
import { ImportFileError } from './read.ts';
import {
	cdsCell,
	checkLength,
	col,
	countRule,
	duplicate,
	levelRule,
	numberCell,
	placeOf,
	refuse,
	requireColumns,
	unusedColumns,
	yesCell,
	type ReadContext
} from './cells.ts';
import {
	ensureStudentGroups,
	groupCodePattern,
	knownGroup,
	looksLikeTestTakers,
	normaliseGroupCode
} from './groups.ts';
import {
	indicatorByName,
	indicatorCodeFromFileName,
	indicatorFromColumns,
	indicatorFromFileName,
	indicators,
	newIndicator,
	parseSchoolYear,
	yearFromFileName,
	type Indicator
} from './indicators.ts';
import { compiled, schoolsByCds, schoolYearIds, sameNumber } from './lookups.ts';
import type { ImportReport, Tally } from './report.ts';
import { groupRowName, resultUpserts } from './group-rows.ts';

const layout = 'California School Dashboard file';

/** Header spellings of each column across the years' layouts. */
export const dashboardColumns = {
	cds: ['cds', 'cdscode', 'cds_code'],
	rtype: ['rtype', 'record_type', 'recordtype'],
	group: ['studentgroup', 'student_group', 'subgroup', 'studentgroupcode'],
	year: ['reportingyear', 'reporting_year', 'dashboardyear', 'dashboard_year', 'year'],
	indicator: ['indicator', 'indicatorcode'],
	school: ['schoolname', 'school_name', 'school'],
	district: ['districtname', 'district_name', 'district'],
	charter: ['charter_flag', 'charterflag', 'charter'],
	value: ['currstatus', 'curr_status', 'status'],
	n: ['currdenom', 'curr_denom', 'denom'],
	priorStatus: ['priorstatus', 'prior_status'],
	change: ['change'],
	statusLevel: ['statuslevel', 'status_level'],
	changeLevel: ['changelevel', 'change_level'],
	color: ['color', 'colour', 'performancelevel'],
	sizeMet: ['currnsizemet', 'nsizemet', 'accountabilitymet'],
	// The academic files' participation: given for every student group, never for test takers.
	participation: ['currprate_enrolled', 'currprate_tested', 'currprate'],
	// Census enrollment.
	total: ['totalenrollment', 'total_enrollment'],
	students: ['subgroup_total', 'subgrouptotal', 'subgroupcount'],
	share: ['rate', 'subgroup_rate', 'pct']
} as const;

export interface DashboardRow {
	line: number;
	/** null: the district's own row. */
	schoolCds: string | null;
	startYear: number;
	group: string;
	value: number | null;
	n: number | null;
	stateColor: number | null;
	statusLevel: number | null;
	changeLevel: number | null;
	priorStatus: number | null;
	change: number | null;
	colorMissing: ColorMissingReason | null;
	/** The district's code, when reading every district's rows (`ReadContext.allDistricts`). */
	districtCds?: string;
}

export interface EnrollmentRow {
	line: number;
	schoolCds: string | null;
	startYear: number;
	group: string;
	students: number | null;
	share: number | null;
}

/** A state (rtype X) or county (rtype C) row: shown beside the district's figure, nothing else. */
export interface AreaRow {
	level: 'state' | 'county';
	startYear: number;
	group: string;
	value: number | null;
	n: number | null;
}

export interface DashboardRead {
	indicator: Indicator;
	rows: DashboardRow[];
	/** The file's state and county rows (counted with the other districts' rows in the preview). */
	areaRows: AreaRow[];
	enrollment: EnrollmentRow[];
	/** What the file says of each school, by CDS code, for creating the ones not yet known. */
	schoolInfo: Map<string, { name: string; charter: boolean }>;
	/** Rows per student-group code the catalog does not know. */
	newGroups: Map<string, number>;
	/**
	 * New codes the file marks as test takers: where its student groups' rows carry a
	 * participation rate, a code whose rows never do (as SBA and CAA do not).
	 */
	testTakers: Set<string>;
	/** Other districts whose rows the file holds, by CDS code (for a file with none of ours). */
	otherDistricts: Map<string, string>;
	districtNameInFile: string | null;
	/** When reading every district's rows: each district's name as the file writes it, by code. */
	districtNames: Map<string, string>;
	unusedColumns: string[];
}

/** The state's minimum group size for a color: 30 students, 15 for foster youth and homeless. */
export function colorMinimum(group: string): number {
	return group === 'FOS' || group === 'HOM' ? 15 : 30;
}

/** The 2022 Dashboard showed status only: no change, no colors. */
const statusOnlyYears = new Set([2022]);

/**
 * Why the state gave a row no color (null when it gave one), from what the file says: a layout or
 * year without colors, a group under the minimum size, or a status without a prior year to
 * compare (science in 2024, a new school). Never computes a color.
 */
export function colorMissingReason(
	color: number | null,
	hasColorColumn: boolean,
	reportingYear: number,
	group: string,
	n: number | null,
	sizeMet: string,
	hasChange: boolean
): ColorMissingReason | null {
	if (color !== null && color >= 1 && color <= 5) return null;
	if (!hasColorColumn || statusOnlyYears.has(reportingYear)) return 'status-only';
	if ((n !== null && n < colorMinimum(group)) || sizeMet === 'N') return 'small-group';
	if (!hasChange) return 'status-only';
	return 'not-given';
}

/** The indicator of the file: its `indicator` cell, its columns, then its name. */
function indicatorOf(named: string, header: string[], fileName: string): Indicator {
	const fromName = indicatorFromFileName(fileName);
	if (named) {
		const ind = indicatorByName(named);
		// The alternative schools' one-year graduation files share the graduation indicator's code.
		if (ind?.code === 'grad' && fromName?.code === 'grad-dass') return fromName;
		return ind ?? newIndicator(named);
	}
	const found = indicatorFromColumns(header) ?? fromName;
	if (found) return found;
	const code = indicatorCodeFromFileName(fileName);
	if (code) return newIndicator(code);
	throw new ImportFileError(
		`Cannot tell which Dashboard indicator this file holds: it has no “indicator” column, its columns are those of several indicators, and its name (${fileName}) does not say. Name it as the state does, e.g. eladownload2024.txt.`
	);
}

/** Reads a Dashboard file's rows for the district, checking every one. */
export async function readDashboard(ctx: ReadContext, fileName: string): Promise<DashboardRead> {
	const { table } = ctx;
	const c = (k: keyof typeof dashboardColumns) => col(table, ...dashboardColumns[k]);
	requireColumns(table, layout, [[...dashboardColumns.cds]]);
	const i = {
		cds: c('cds'),
		rtype: c('rtype'),
		group: c('group'),
		year: c('year'),
		indicator: c('indicator'),
		school: c('school'),
		district: c('district'),
		charter: c('charter'),
		value: c('value'),
		n: c('n'),
		priorStatus: c('priorStatus'),
		change: c('change'),
		statusLevel: c('statusLevel'),
		changeLevel: c('changeLevel'),
		color: c('color'),
		sizeMet: c('sizeMet'),
		participation: c('participation'),
		total: c('total'),
		students: c('students'),
		share: c('share')
	};
	const fileYear = yearFromFileName(fileName);
	if (i.year < 0 && fileYear === undefined) {
		throw new ImportFileError(
			`Cannot tell the school year: the file has no “reportingyear” column and its name (${fileName}) has no year. Keep the state's file name, e.g. eladownload2024.txt.`
		);
	}

	const out: DashboardRead = {
		indicator: undefined as unknown as Indicator,
		rows: [],
		enrollment: [],
		schoolInfo: new Map(),
		newGroups: new Map(),
		testTakers: new Set(),
		otherDistricts: new Map(),
		areaRows: [],
		districtNameInFile: null,
		districtNames: new Map(),
		unusedColumns: []
	};
	// Which group codes ever carry a participation rate (see `testTakers`).
	const participates = new Set<string>();
	let indicator: Indicator | undefined;
	const prepare = (named: string) => {
		indicator = indicatorOf(named, table.header, fileName);
		if (indicator.enrollment) requireColumns(table, layout, [[...dashboardColumns.students]]);
		else if (
			indicator.code === 'elpi' &&
			!dashboardColumns.value.some((v) => table.column.has(v)) &&
			table.header.some((h) => /^pl_?\d/.test(h))
		)
			throw new ImportFileError(
				"This English learner progress file holds the ELPAC's performance levels only (the columns PL_1 … PL_4: how many English learners scored at each level). The state published it so in 2018, the ELPAC's first year, with no status, change or color: the indicator's status (the percent of English learners making progress) needs two years of ELPAC scores and first appears in the 2019 file. Throughline keeps that status, so nothing in this file can be imported."
			);
		else requireColumns(table, layout, [[...dashboardColumns.value]]);
		out.indicator = indicator;
	};
	const hasColor = i.color >= 0;
	const groupIndex = new Map<string, number>();
	const seen = new Map<number | string, number>();
	const totals = new Map<string, EnrollmentRow>();
	const cdsIntern = new Map<string, string>();
	// The indicator cell is the same on every row: checked once per spelling.
	let lastNamed = '';

	for await (const batch of table.rows) {
		for (const { line, cells } of batch) {
			ctx.rowsRead++;
			const named = i.indicator >= 0 ? (cells[i.indicator] ?? '').trim() : '';
			if (!indicator) prepare(named);
			const ind = indicator!;
			if (!checkLength(ctx, line, cells)) continue;
			const cds = cdsCell(ctx, line, cells, i.cds);
			if (cds === false) continue;
			const rtype = i.rtype >= 0 ? (cells[i.rtype] ?? '').trim().toUpperCase() : '';
			const place = rtype === 'X' || rtype === 'C' ? 'other' : placeOf(ctx, cds);
			if (place === 'other') {
				ctx.otherDistrictRows++;
				if ((rtype === 'X' || rtype === 'C') && !indicator?.enrollment) {
					const area = areaRow(cells, i, rtype, fileYear);
					if (area) out.areaRows.push(area);
				}
				if (rtype === 'D' && i.district >= 0 && !out.otherDistricts.has(cds))
					out.otherDistricts.set(cds, (cells[i.district] ?? '').trim() || cds);
				continue;
			}
			// A known indicator by its name (the DASS graduation file names the plain one); a new
			// one by its code, checked once per spelling.
			const otherIndicator =
				named &&
				(ind.isNew
					? named !== lastNamed && newIndicator(named).code !== ind.code
					: indicatorByName(named)?.code !== ind.code && ind.code !== 'grad-dass');
			if (otherIndicator) {
				refuse(
					ctx,
					line,
					i.indicator,
					named,
					`is not the file's indicator (${ind.code}); import one indicator per file`
				);
				continue;
			}
			lastNamed = named;
			if (i.district >= 0 && out.districtNameInFile === null) {
				const name = (cells[i.district] ?? '').trim();
				if (name) out.districtNameInFile = name;
			}
			if (ctx.allDistricts && !out.districtNames.has(cds))
				out.districtNames.set(
					cds,
					(i.district >= 0 ? (cells[i.district] ?? '').trim() : '') || cds
				);
			let ok = true;
			const groupRaw = i.group >= 0 ? (cells[i.group] ?? '') : ind.defaultGroup;
			let group = normaliseGroupCode(groupRaw);
			const known = knownGroup(group);
			if (known) group = known.code;
			else if (!groupCodePattern.test(group)) {
				ok = refuse(
					ctx,
					line,
					i.group,
					groupRaw,
					group === ''
						? 'is empty; a student-group code is needed'
						: 'is not a student-group code (letters, like ALL, EL or LTEL)'
				);
			}
			let reportingYear = fileYear ?? NaN;
			if (i.year >= 0) {
				const text = (cells[i.year] ?? '').trim();
				const start = /^\d{4}$/.test(text) ? Number(text) - 1 : parseSchoolYear(text);
				if (start === undefined || start < 1990 || start > 2100) {
					ok = refuse(ctx, line, i.year, text, 'is not a year (e.g. 2024)');
				} else reportingYear = start + 1;
			}
			if (ind.enrollment) {
				const students = numberCell(ctx, line, cells, i.students, countRule);
				const share = numberCell(ctx, line, cells, i.share, { min: 0, max: 100 });
				const total = numberCell(ctx, line, cells, i.total, countRule);
				if (!ok || students === false || share === false || total === false) continue;
				const schoolCds = place === 'school' ? cds : null;
				if (!keepRow(seen, groupIndex, ctx, cds, group, reportingYear, line)) continue;
				if (place === 'school') noteSchool(out, cdsIntern, cells, i, cds);
				out.enrollment.push({
					line,
					schoolCds,
					startYear: reportingYear - 1,
					group,
					students,
					share
				});
				const totalKey = `${cds}|${reportingYear}`;
				if (total !== null && !totals.has(totalKey)) {
					totals.set(totalKey, {
						line,
						schoolCds,
						startYear: reportingYear - 1,
						group: 'ALL',
						students: total,
						share: 100
					});
				}
				if (!known) out.newGroups.set(group, (out.newGroups.get(group) ?? 0) + 1);
				continue;
			}
			const value = numberCell(ctx, line, cells, i.value);
			const n = numberCell(ctx, line, cells, i.n, countRule);
			const color = numberCell(ctx, line, cells, i.color, levelRule);
			const statusLevel = numberCell(ctx, line, cells, i.statusLevel, levelRule);
			const changeLevel = numberCell(ctx, line, cells, i.changeLevel, levelRule);
			const priorStatus = numberCell(ctx, line, cells, i.priorStatus);
			const change = numberCell(ctx, line, cells, i.change);
			if (
				!ok ||
				value === false ||
				n === false ||
				color === false ||
				statusLevel === false ||
				changeLevel === false ||
				priorStatus === false ||
				change === false
			)
				continue;
			if (!keepRow(seen, groupIndex, ctx, cds, group, reportingYear, line)) continue;
			let schoolCds: string | null = null;
			if (place === 'school') schoolCds = noteSchool(out, cdsIntern, cells, i, cds);
			if (!known) out.newGroups.set(group, (out.newGroups.get(group) ?? 0) + 1);
			if (i.participation >= 0 && (cells[i.participation] ?? '').trim() !== '')
				participates.add(group);
			const sizeMet = i.sizeMet >= 0 ? (cells[i.sizeMet] ?? '').trim().toUpperCase() : '';
			out.rows.push({
				line,
				schoolCds,
				// A 2024 Dashboard reports the 2023-24 school year.
				startYear: reportingYear - 1,
				group,
				value,
				n,
				stateColor: color,
				statusLevel,
				changeLevel,
				priorStatus,
				change,
				...(ctx.allDistricts ? { districtCds: cdsIntern.get(cds) ?? intern(cdsIntern, cds) } : {}),
				colorMissing: colorMissingReason(
					color,
					hasColor,
					reportingYear,
					group,
					n,
					sizeMet,
					change !== null || priorStatus !== null
				)
			});
		}
	}
	if (!indicator) prepare('');
	// The district's total, where the census file gives no ALL row of its own.
	for (const [key, t] of totals) {
		const [cds, year] = key.split('|');
		const k = keyOf(ctx, groupIndex, cds, 'ALL', Number(year));
		if (!seen.has(k)) out.enrollment.push(t);
	}
	if (participates.has('ALL'))
		for (const code of out.newGroups.keys()) if (!participates.has(code)) out.testTakers.add(code);
	out.unusedColumns = unusedColumns(table, Object.values(i));
	return out;
}

/**
 * A state or county row's figure, read leniently: it is not the district's, so a cell the
 * importer cannot read leaves the row out instead of refusing the file.
 */
function areaRow(
	cells: string[],
	i: { value: number; n: number; group: number; year: number },
	rtype: 'X' | 'C',
	fileYear: number | undefined
): AreaRow | null {
	const num = (index: number) => {
		const text = index >= 0 ? (cells[index] ?? '').trim() : '';
		if (text === '' || text === '*') return null;
		const n = Number(text);
		return Number.isFinite(n) ? n : undefined;
	};
	const group = normaliseGroupCode(i.group >= 0 ? (cells[i.group] ?? '') : 'ALL');
	const code = knownGroup(group)?.code ?? group;
	let year = fileYear;
	if (i.year >= 0) {
		const text = (cells[i.year] ?? '').trim();
		const start = /^\d{4}$/.test(text) ? Number(text) - 1 : parseSchoolYear(text);
		year = start === undefined ? undefined : start + 1;
	}
	const value = num(i.value);
	const n = num(i.n);
	if (!code || year === undefined || value === undefined || n === undefined) return null;
	return { level: rtype === 'X' ? 'state' : 'county', startYear: year - 1, group: code, value, n };
}

/** Numeric while it can be (no string per row): the school part of the code, group, year. */
function rowKey(
	groupIndex: Map<string, number>,
	cds: string,
	group: string,
	year: number
): number | string {
	let g = groupIndex.get(group);
	if (g === undefined) groupIndex.set(group, (g = groupIndex.size));
	return g < 128
		? (Number(cds.slice(7)) * 128 + g) * 512 + ((year - 1800) & 511)
		: `${cds}|${group}|${year}`;
}

function keyOf(
	ctx: ReadContext,
	groupIndex: Map<string, number>,
	cds: string,
	group: string,
	year: number
): number | string {
	// Every district's code has the same school part: there the whole code tells them apart.
	return ctx.allDistricts ? `${cds}|${group}|${year}` : rowKey(groupIndex, cds, group, year);
}

function keepRow(
	seen: Map<number | string, number>,
	groupIndex: Map<string, number>,
	ctx: ReadContext,
	cds: string,
	group: string,
	year: number,
	line: number
): boolean {
	return !duplicate(ctx, seen, keyOf(ctx, groupIndex, cds, group, year), line);
}

function intern(map: Map<string, string>, cds: string): string {
	map.set(cds, cds);
	return cds;
}

function noteSchool(
	out: DashboardRead,
	intern: Map<string, string>,
	cells: string[],
	i: { school: number; charter: number },
	cds: string
): string {
	const known = intern.get(cds);
	if (known) return known;
	intern.set(cds, cds);
	out.schoolInfo.set(cds, {
		name: (i.school >= 0 ? (cells[i.school] ?? '').trim() : '') || cds,
		charter: yesCell(cells, i.charter)
	});
	return cds;
}

/** The measure of an indicator, created on first import; fills a missing Spanish name. */
function measureOf(db: DbFile, ind: Indicator, report: ImportReport): { id: number; name: string } {
	const stored = db
		.select({ id: measures.id, name: measures.name, nameEs: measures.nameEs })
		.from(measures)
		.where(eq(measures.code, ind.code))
		.get();
	if (stored) {
		if (stored.nameEs === null) {
			db.update(measures).set({ nameEs: ind.nameEs }).where(eq(measures.id, stored.id)).run();
		}
		return stored;
	}
	const catalogIndex = indicators.findIndex((x) => x.code === ind.code);
	const row = db
		.insert(measures)
		.values({
			code: ind.code,
			name: ind.name,
			nameEs: ind.nameEs,
			unit: ind.unit,
			direction: ind.direction,
			studentGroup: ind.defaultGroup,
			kind: 'outcome',
			source: 'California School Dashboard',
			sortOrder: 100 + (catalogIndex >= 0 ? catalogIndex : indicators.length)
		})
		.returning({ id: measures.id, name: measures.name })
		.get();
	report.created.measures.push(ind.name);
	return row;
}

/** The schools the file names that the database lacks, created with what the file says of them. */
function schoolsFor(db: DbFile, read: DashboardRead, report: ImportReport) {
	const known = schoolsByCds(db);
	const insert = db
		.insert(schoolsTable)
		.values({
			cdsCode: sql.placeholder('cds'),
			name: sql.placeholder('name'),
			charter: sql.placeholder('charter')
		})
		.returning({ id: schoolsTable.id })
		.prepare();
	for (const [cds, info] of read.schoolInfo) {
		if (known.has(cds)) continue;
		const { id } = insert.get({ cds, name: info.name, charter: info.charter ? 1 : 0 })!;
		known.set(cds, { id, name: info.name });
		report.created.schools.push(info.name);
		report.newSchools.push({ cds, name: info.name, charter: info.charter });
	}
	return known;
}
const resultSet = {
	value: sql`excluded.value`,
	n: sql`excluded.n`,
	stateColor: sql`excluded.state_color`,
	statusLevel: sql`excluded.status_level`,
	changeLevel: sql`excluded.change_level`,
	priorStatus: sql`excluded.prior_status`,
	change: sql`excluded.change`,
	colorMissing: sql`excluded.color_missing`,
	updatedAt: sql`excluded.updated_at`
};

type Stored = Omit<DashboardRow, 'line' | 'schoolCds' | 'startYear' | 'group'>;
const fields = [
	'value',
	'n',
	'stateColor',
	'statusLevel',
	'changeLevel',
	'priorStatus',
	'change'
] as const;

function same(a: Stored, b: Stored): boolean {
	for (const f of fields) if (!sameNumber(a[f], b[f])) return false;
	return a.colorMissing === b.colorMissing;
}

/**
 * Writes a Dashboard file's results (or, for the census file, its enrollment): inserts new rows,
 * updates changed ones, leaves equal ones alone. Runs inside the import's transaction.
 */
export function applyDashboard(
	db: DbFile,
	read: DashboardRead,
	tally: Tally,
	districtName: string
) {
	const { report } = tally;
	const ind = read.indicator;
	const all = [...read.rows, ...read.enrollment];
	report.created.studentGroups = ensureStudentGroups(
		db,
		new Set(all.map((r) => r.group)),
		read.testTakers
	).length;
	report.newStudentGroups = [...read.newGroups].map(([code, rows]) =>
		read.testTakers.has(code) || looksLikeTestTakers(code)
			? { code, rows, testTakers: true }
			: { code, rows }
	);
	if (ind.isNew) report.newIndicator = { code: ind.code, rows: read.rows.length };
	const years = schoolYearIds(
		db,
		all.map((r) => r.startYear),
		report.created.schoolYears
	);
	const schoolMap = schoolsFor(db, read, report);
	const schoolOf = (cds: string | null) => (cds === null ? null : schoolMap.get(cds)!);
	if (ind.enrollment) {
		report.measure = 'Enrollment (context, not a measure)';
		applyEnrollment(db, read.enrollment, years, schoolOf, tally, districtName);
		return;
	}
	const measure = measureOf(db, ind, report);
	report.measure = measure.name;

	// Keys are numbers while the ids are small enough (always, in practice): no string per row.
	const groupIdx = new Map<string, number>();
	const key = (schoolId: number, yearId: number, group: string): number | string => {
		let g = groupIdx.get(group);
		if (g === undefined) groupIdx.set(group, (g = groupIdx.size));
		return g < 256 && yearId < 1024 && schoolId < 2 ** 30
			? (schoolId * 1024 + yearId) * 256 + g
			: `${schoolId}|${yearId}|${group}`;
	};
	const existing = new Map<number | string, Stored>();
	for (const r of db
		.select({
			schoolId: results.schoolId,
			yearId: results.schoolYearId,
			group: results.studentGroup,
			value: results.value,
			n: results.n,
			stateColor: results.stateColor,
			statusLevel: results.statusLevel,
			changeLevel: results.changeLevel,
			priorStatus: results.priorStatus,
			change: results.change,
			colorMissing: results.colorMissing
		})
		.from(results)
		.where(eq(results.measureId, measure.id))
		.all()) {
		existing.set(key(r.schoolId ?? 0, r.yearId, r.group), r);
	}
	const order = [
		'measureId',
		'yearId',
		'schoolId',
		'group',
		'value',
		'n',
		'stateColor',
		'statusLevel',
		'changeLevel',
		'priorStatus',
		'change',
		'colorMissing'
	] as const;
	const values = {
		measureId: sql.placeholder('measureId'),
		schoolYearId: sql.placeholder('yearId'),
		schoolId: sql.placeholder('schoolId'),
		studentGroup: sql.placeholder('group'),
		value: sql.placeholder('value'),
		n: sql.placeholder('n'),
		stateColor: sql.placeholder('stateColor'),
		statusLevel: sql.placeholder('statusLevel'),
		changeLevel: sql.placeholder('changeLevel'),
		priorStatus: sql.placeholder('priorStatus'),
		change: sql.placeholder('change'),
		colorMissing: sql.placeholder('colorMissing'),
		updatedAt: nowIso
	};
	const upserts = resultUpserts(db, values, resultSet);
	const upsertSchool = compiled(db, upserts.school, order);
	const upsertDistrict = compiled(db, upserts.district, order);

	for (const r of read.rows) {
		const school = schoolOf(r.schoolCds);
		const schoolId = school?.id ?? 0;
		const yearId = years.get(r.startYear)!;
		const k = key(schoolId, yearId, r.group);
		const before = existing.get(k);
		const name = school?.name ?? districtName;
		if (before && same(before, r)) {
			tally.add(schoolId, name, r.schoolCds, r.group, 'unchanged');
			continue;
		}
		(school ? upsertSchool : upsertDistrict)(
			measure.id,
			yearId,
			school?.id ?? null,
			r.group,
			r.value,
			r.n,
			r.stateColor,
			r.statusLevel,
			r.changeLevel,
			r.priorStatus,
			r.change,
			r.colorMissing
		);
		existing.set(k, r);
		tally.add(schoolId, name, r.schoolCds, r.group, before ? 'updated' : 'inserted');
		if (before) {
			tally.change(groupRowName(measure.name, r.startYear, name, r.group), pick(before), pick(r));
		}
	}
	applyAreaRows(db, measure.id, read.areaRows, years);
}

/**
 * The state's and the county's figures of the indicator, for the school years the district has in
 * the file: inserted or updated, an equal one left alone.
 */
function applyAreaRows(db: Db, measureId: number, rows: AreaRow[], years: Map<number, number>) {
	for (const r of rows) {
		const yearId = years.get(r.startYear);
		if (yearId === undefined) continue;
		db.insert(areaFigures)
			.values({
				measureId,
				schoolYearId: yearId,
				level: r.level,
				studentGroup: r.group,
				value: r.value,
				n: r.n
			})
			.onConflictDoUpdate({
				target: [
					areaFigures.measureId,
					areaFigures.schoolYearId,
					areaFigures.level,
					areaFigures.studentGroup
				],
				set: { value: r.value, n: r.n, updatedAt: nowIso },
				setWhere: sql`${areaFigures.value} IS NOT ${r.value} OR ${areaFigures.n} IS NOT ${r.n}`
			})
			.run();
	}
}

function pick(r: Stored) {
	return {
		value: r.value,
		n: r.n,
		stateColor: r.stateColor,
		statusLevel: r.statusLevel,
		changeLevel: r.changeLevel,
		priorStatus: r.priorStatus,
		change: r.change,
		colorMissing: r.colorMissing
	};
}

function applyEnrollment(
	db: Db,
	rows: EnrollmentRow[],
	years: Map<number, number>,
	schoolOf: (cds: string | null) => { id: number; name: string } | null,
	tally: Tally,
	districtName: string
) {
	const existing = new Map<string, { students: number | null; share: number | null }>();
	for (const e of db
		.select({
			schoolId: enrollments.schoolId,
			yearId: enrollments.schoolYearId,
			group: enrollments.studentGroup,
			students: enrollments.students,
			share: enrollments.share
		})
		.from(enrollments)
		.all()) {
		existing.set(`${e.schoolId ?? 0}|${e.yearId}|${e.group}`, e);
	}
	const values = {
		schoolYearId: sql.placeholder('yearId'),
		schoolId: sql.placeholder('schoolId'),
		studentGroup: sql.placeholder('group'),
		students: sql.placeholder('students'),
		share: sql.placeholder('share'),
		updatedAt: nowIso
	};
	const set = {
		students: sql`excluded.students`,
		share: sql`excluded.share`,
		updatedAt: sql`excluded.updated_at`
	};
	const upsertSchool = db
		.insert(enrollments)
		.values(values)
		.onConflictDoUpdate({
			target: [enrollments.schoolId, enrollments.schoolYearId, enrollments.studentGroup],
			targetWhere: sql`school_id IS NOT NULL`,
			set
		})
		.prepare();
	const upsertDistrict = db
		.insert(enrollments)
		.values(values)
		.onConflictDoUpdate({
			target: [enrollments.schoolYearId, enrollments.studentGroup],
			targetWhere: sql`school_id IS NULL`,
			set
		})
		.prepare();
	for (const r of rows) {
		const school = schoolOf(r.schoolCds);
		const yearId = years.get(r.startYear)!;
		const key = `${school?.id ?? 0}|${yearId}|${r.group}`;
		const before = existing.get(key);
		const name = school?.name ?? districtName;
		if (before && sameNumber(before.students, r.students) && sameNumber(before.share, r.share)) {
			tally.add(school?.id ?? 0, name, r.schoolCds, r.group, 'unchanged');
			continue;
		}
		(school ? upsertSchool : upsertDistrict).run({
			yearId,
			schoolId: school?.id ?? null,
			group: r.group,
			students: r.students,
			share: r.share
		});
		existing.set(key, r);
		tally.add(school?.id ?? 0, name, r.schoolCds, r.group, before ? 'updated' : 'inserted');
		if (before) {
			tally.change(groupRowName('Enrollment', r.startYear, name, r.group), before, {
				students: r.students,
				share: r.share
			});
		}
	}
}
