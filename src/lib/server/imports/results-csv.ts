// The generic results CSV (the template's and the export's columns): one value per measure,
// school year, school and student group, for measures the district already has.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { measures, results } from '../db/schema/measures.ts';
import { nowIso } from '../db/schema/district.ts';
import type { DbFile } from '../db/open.ts';
import {
	checkedRows,
	col,
	duplicate,
	isNoValue,
	refuse,
	requireColumns,
	ownSchoolCell,
	schoolYearCell,
	unusedColumns,
	type ReadContext
} from './cells.ts';
import { ensureStudentGroups, groupCodePattern, knownGroup, normaliseGroupCode } from './groups.ts';
import { schoolsByCds, schoolYearIds, sameNumber } from './lookups.ts';
import { addReportError, type Tally } from './report.ts';
import { groupRowName, resultUpserts } from './group-rows.ts';

/** A number cell as the forms take it: blank is no value; "1,234" and "45%" read as numbers. */
const numberText = (label: string) =>
	z
		.string()
		.trim()
		.transform((v, ctx) => {
			if (isNoValue(v)) return null;
			const n = Number(v.replace(/,/g, '').replace(/%$/, ''));
			if (!Number.isFinite(n) || !/\d/.test(v)) {
				ctx.addIssue({ code: 'custom', message: `The ${label} must be a number.` });
				return z.NEVER;
			}
			return n;
		});

/** One result as any door takes it (this CSV, and a form for one value). */
export const resultInput = z.object({
	value: numberText('value'),
	n: numberText('group size (n)').refine(
		(v) => v === null || (Number.isInteger(v) && v >= 0),
		'The group size (n) must be a whole number, 0 or more.'
	),
	stateColor: numberText('state color')
		.refine(
			(v) => v === null || (Number.isInteger(v) && v >= 0 && v <= 5),
			'The state color must be 0–5 (1 red … 5 blue).'
		)
		.optional(),
	statusLevel: numberText('status level')
		.refine(
			(v) => v === null || (Number.isInteger(v) && v >= 0 && v <= 5),
			'The status level must be 0–5.'
		)
		.optional()
});

export interface ResultCsvRow {
	line: number;
	schoolCds: string | null;
	/** A measure's code or name. */
	measure: string;
	startYear: number;
	group: string;
	value: number | null;
	n: number | null;
	/** undefined: the file has no such column; what the database holds is kept. */
	stateColor: number | null | undefined;
	statusLevel: number | null | undefined;
}

export interface ResultsRead {
	rows: ResultCsvRow[];
	/** The header naming the measure ("measure_code" or "measure"), for row errors. */
	measureColumn: string;
	newGroups: Map<string, number>;
	unusedColumns: string[];
}

export async function readResultsCsv(ctx: ReadContext): Promise<ResultsRead> {
	const { table } = ctx;
	requireColumns(table, 'Results CSV', [['measure_code', 'measure'], 'school_year', 'value']);
	const i = {
		measureCode: col(table, 'measure_code'),
		measure: col(table, 'measure'),
		year: col(table, 'school_year'),
		school: col(table, 'school_cds_code', 'school_cds', 'cds'),
		schoolName: col(table, 'school_name', 'school'),
		group: col(table, 'student_group', 'student_group_code'),
		value: col(table, 'value'),
		n: col(table, 'n'),
		color: col(table, 'state_color'),
		status: col(table, 'status_level')
	};
	const columnOf: Record<string, number> = {
		value: i.value,
		n: i.n,
		stateColor: i.color,
		statusLevel: i.status
	};
	const out: ResultsRead = {
		measureColumn: table.rawHeader[i.measureCode >= 0 ? i.measureCode : i.measure],
		rows: [],
		newGroups: new Map(),
		unusedColumns: unusedColumns(table, Object.values(i))
	};
	const seen = new Map<string, number>();
	for await (const { line, cells } of checkedRows(ctx)) {
		const school = ownSchoolCell(ctx, line, cells, i.school, true);
		if (school === false) continue;
		const measure =
			(i.measureCode >= 0 ? (cells[i.measureCode] ?? '').trim() : '') ||
			(i.measure >= 0 ? (cells[i.measure] ?? '').trim() : '');
		let ok = true;
		if (!measure) {
			ok = refuse(
				ctx,
				line,
				i.measureCode >= 0 ? i.measureCode : i.measure,
				'',
				'is empty; name the measure'
			);
		}
		const startYear = schoolYearCell(ctx, line, cells, i.year);
		const groupRaw = i.group >= 0 ? (cells[i.group] ?? '').trim() : '';
		let group = groupRaw === '' ? 'ALL' : normaliseGroupCode(groupRaw);
		const known = knownGroup(group);
		if (known) group = known.code;
		else if (!groupCodePattern.test(group)) {
			ok = refuse(
				ctx,
				line,
				i.group,
				groupRaw,
				'is not a student-group code (letters, like ALL, EL or LTEL)'
			);
		}
		const parsed = resultInput.safeParse({
			value: cells[i.value] ?? '',
			n: i.n >= 0 ? (cells[i.n] ?? '') : '',
			stateColor: i.color >= 0 ? (cells[i.color] ?? '') : undefined,
			statusLevel: i.status >= 0 ? (cells[i.status] ?? '') : undefined
		});
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0]);
				refuse(ctx, line, columnOf[field], (cells[columnOf[field]] ?? '').trim(), issue.message);
			}
			ok = false;
		}
		if (!ok || startYear === false || !parsed.success) continue;
		if (duplicate(ctx, seen, `${school.cds}|${measure.toLowerCase()}|${startYear}|${group}`, line))
			continue;
		if (!known) out.newGroups.set(group, (out.newGroups.get(group) ?? 0) + 1);
		out.rows.push({
			line,
			schoolCds: school.cds,
			measure,
			startYear,
			group,
			value: parsed.data.value,
			n: parsed.data.n,
			stateColor: parsed.data.stateColor,
			statusLevel: parsed.data.statusLevel
		});
	}
	return out;
}

const set = {
	value: sql`excluded.value`,
	n: sql`excluded.n`,
	stateColor: sql`excluded.state_color`,
	statusLevel: sql`excluded.status_level`,
	updatedAt: sql`excluded.updated_at`
};

/** Writes the CSV's results for measures and schools the district has; others are row errors. */
export function applyResultsCsv(db: DbFile, read: ResultsRead, tally: Tally, districtName: string) {
	const { report } = tally;
	const rows = read.rows;
	const measureRows = db
		.select({ id: measures.id, code: measures.code, name: measures.name })
		.from(measures)
		.all();
	const byCode = new Map(measureRows.map((m) => [m.code, m]));
	const byName = new Map(measureRows.map((m) => [m.name.toLowerCase(), m]));
	const measureOf = (key: string) => byCode.get(key) ?? byName.get(key.toLowerCase());
	report.created.studentGroups = ensureStudentGroups(db, new Set(rows.map((r) => r.group))).length;
	report.newStudentGroups = [...read.newGroups].map(([code, n]) => ({ code, rows: n }));
	const years = schoolYearIds(
		db,
		rows.map((r) => r.startYear),
		report.created.schoolYears
	);
	const schoolMap = schoolsByCds(db);

	type Stored = {
		value: number | null;
		n: number | null;
		stateColor: number | null;
		statusLevel: number | null;
	};
	const existing = new Map<string, Stored>();
	for (const m of new Set(
		rows.map((r) => measureOf(r.measure)?.id).filter((id) => id !== undefined)
	)) {
		for (const r of db
			.select({
				schoolId: results.schoolId,
				yearId: results.schoolYearId,
				group: results.studentGroup,
				value: results.value,
				n: results.n,
				stateColor: results.stateColor,
				statusLevel: results.statusLevel
			})
			.from(results)
			.where(eq(results.measureId, m))
			.all()) {
			existing.set(`${r.schoolId ?? 0}|${m}|${r.yearId}|${r.group}`, r);
		}
	}
	const values = {
		measureId: sql.placeholder('measureId'),
		schoolYearId: sql.placeholder('yearId'),
		schoolId: sql.placeholder('schoolId'),
		studentGroup: sql.placeholder('group'),
		value: sql.placeholder('value'),
		n: sql.placeholder('n'),
		stateColor: sql.placeholder('stateColor'),
		statusLevel: sql.placeholder('statusLevel'),
		updatedAt: nowIso
	};
	const upserts = resultUpserts(db, values, set);
	const upsertSchool = upserts.school.prepare();
	const upsertDistrict = upserts.district.prepare();

	for (const r of rows) {
		const measure = measureOf(r.measure);
		if (!measure) {
			addReportError(report, {
				line: r.line,
				column: read.measureColumn,
				value: r.measure,
				reason: 'is not a measure of this district; add it under Measures first'
			});
			continue;
		}
		const school = r.schoolCds === null ? null : schoolMap.get(r.schoolCds);
		if (school === undefined) {
			addReportError(report, {
				line: r.line,
				column: 'school_cds_code',
				value: r.schoolCds,
				reason: 'is not a school of this district; import the school directory first'
			});
			continue;
		}
		const name = school?.name ?? districtName;
		const yearId = years.get(r.startYear)!;
		const key = `${school?.id ?? 0}|${measure.id}|${yearId}|${r.group}`;
		const before = existing.get(key);
		const next: Stored = {
			value: r.value,
			n: r.n,
			stateColor: r.stateColor === undefined ? (before?.stateColor ?? null) : r.stateColor,
			statusLevel: r.statusLevel === undefined ? (before?.statusLevel ?? null) : r.statusLevel
		};
		if (
			before &&
			sameNumber(before.value, next.value) &&
			sameNumber(before.n, next.n) &&
			before.stateColor === next.stateColor &&
			before.statusLevel === next.statusLevel
		) {
			tally.add(school?.id ?? 0, name, r.schoolCds, r.group, 'unchanged');
			continue;
		}
		(school ? upsertSchool : upsertDistrict).run({
			measureId: measure.id,
			yearId,
			schoolId: school?.id ?? null,
			group: r.group,
			...next
		});
		existing.set(key, next);
		tally.add(school?.id ?? 0, name, r.schoolCds, r.group, before ? 'updated' : 'inserted');
		if (before) tally.change(groupRowName(measure.name, r.startYear, name, r.group), before, next);
	}
}
