// The implementation check-ins CSV: one school's depth on one structure in one school year,
// checked by the same schema as the check-in grid's form.
import { sql } from 'drizzle-orm';
import { checkIns } from '../db/schema/implementation.ts';
import { structures } from '../db/schema/structures.ts';
import { nowIso } from '../db/schema/district.ts';
import type { DbFile } from '../db/open.ts';
import { checkInRow } from '../implementation/checkins.ts';
import {
	addError,
	checkedRows,
	col,
	duplicate,
	refuse,
	requireColumns,
	ownSchoolCell,
	schoolYearCell,
	unusedColumns,
	type ReadContext
} from './cells.ts';
import { schoolsByCds, schoolYearIds } from './lookups.ts';
import { schoolYearLabel } from './indicators.ts';
import { addReportError, type Tally } from './report.ts';

export const depthLabels = [
	'not started',
	'beginning',
	'developing',
	'implementing',
	'sustaining'
] as const;

export interface CheckInCsvRow {
	line: number;
	schoolCds: string;
	structure: string;
	startYear: number;
	depth: number;
	/** undefined: the file has no such column; what the database holds is kept. */
	adaptation: string | null | undefined;
	siteLed: boolean | undefined;
	evidenceUrl: string | null | undefined;
}

export interface CheckInsRead {
	rows: CheckInCsvRow[];
	unusedColumns: string[];
}

/** "developing" or "2" → "2", for the form's schema; anything else stays as written. */
function depthText(raw: string): string {
	const byLabel = depthLabels.indexOf(raw.toLowerCase() as (typeof depthLabels)[number]);
	return byLabel >= 0 ? String(byLabel) : raw;
}

function yesNo(raw: string): boolean | undefined | 'invalid' {
	const t = raw.trim().toLowerCase();
	if (t === '') return undefined;
	if (['yes', 'y', 'true', '1'].includes(t)) return true;
	if (['no', 'n', 'false', '0'].includes(t)) return false;
	return 'invalid';
}

export async function readCheckInsCsv(ctx: ReadContext): Promise<CheckInsRead> {
	const { table } = ctx;
	requireColumns(table, 'Implementation check-ins CSV', [
		['school_cds_code', 'school_cds', 'cds'],
		'structure',
		'school_year',
		'depth'
	]);
	const i = {
		school: col(table, 'school_cds_code', 'school_cds', 'cds'),
		structure: col(table, 'structure'),
		year: col(table, 'school_year'),
		depth: col(table, 'depth'),
		adaptation: col(table, 'adaptation'),
		siteLed: col(table, 'site_led'),
		evidenceUrl: col(table, 'evidence_url'),
		schoolName: col(table, 'school_name'),
		depthLabel: col(table, 'depth_label')
	};
	const columnOf: Record<string, number> = {
		depth: i.depth,
		adaptation: i.adaptation,
		siteLed: i.siteLed,
		evidenceUrl: i.evidenceUrl
	};
	const out: CheckInsRead = { rows: [], unusedColumns: unusedColumns(table, Object.values(i)) };
	const seen = new Map<string, number>();
	const cell = (cells: string[], at: number) => (at >= 0 ? (cells[at] ?? '').trim() : '');
	for await (const { line, cells } of checkedRows(ctx)) {
		const school = ownSchoolCell(ctx, line, cells, i.school, false);
		if (school === false) continue;
		const structure = cell(cells, i.structure);
		let ok = true;
		if (!structure) ok = refuse(ctx, line, i.structure, '', 'is empty; name the structure');
		const startYear = schoolYearCell(ctx, line, cells, i.year);
		const depthRaw = cell(cells, i.depth);
		if (depthRaw === '')
			ok = refuse(ctx, line, i.depth, '', 'is empty; give a depth 0–4 or not started … sustaining');
		const siteLed = yesNo(cell(cells, i.siteLed));
		if (siteLed === 'invalid')
			ok = refuse(ctx, line, i.siteLed, cell(cells, i.siteLed), 'must be yes or no');
		// The same checks as the check-in grid's form (a web address, lengths, the depth).
		const parsed = checkInRow.safeParse({
			depth: depthText(depthRaw),
			adaptation: cell(cells, i.adaptation),
			siteLed: siteLed === true,
			evidenceUrl: cell(cells, i.evidenceUrl)
		});
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0]);
				const at = columnOf[field] ?? -1;
				if (field === 'depth' && depthRaw === '') continue;
				const message =
					field === 'depth'
						? 'must be 0–4 or not started, beginning, developing, implementing, sustaining'
						: issue.message;
				addError(ctx, {
					line,
					column: at >= 0 ? ctx.table.rawHeader[at] : field,
					value: cell(cells, at),
					reason: message
				});
			}
			ok = false;
		}
		if (!ok || startYear === false || !parsed.success || siteLed === 'invalid') continue;
		if (duplicate(ctx, seen, `${school.cds}|${structure.toLowerCase()}|${startYear}`, line))
			continue;
		out.rows.push({
			line,
			schoolCds: school.cds!,
			structure,
			startYear,
			depth: Number(parsed.data.depth),
			adaptation: i.adaptation < 0 ? undefined : parsed.data.adaptation || null,
			siteLed,
			evidenceUrl: i.evidenceUrl < 0 ? undefined : parsed.data.evidenceUrl || null
		});
	}
	return out;
}

/** Writes the check-ins for schools and structures the district has; others are row errors. */
export function applyCheckInsCsv(db: DbFile, read: CheckInsRead, tally: Tally) {
	const { report } = tally;
	const years = schoolYearIds(
		db,
		read.rows.map((r) => r.startYear),
		report.created.schoolYears
	);
	const schoolMap = schoolsByCds(db);
	const structureByName = new Map(
		db
			.select({ id: structures.id, name: structures.name })
			.from(structures)
			.all()
			.map((s) => [s.name.toLowerCase(), s])
	);
	type Stored = {
		depth: number;
		adaptation: string | null;
		siteLed: boolean;
		evidenceUrl: string | null;
	};
	const existing = new Map<string, Stored>();
	for (const c of db.select().from(checkIns).all()) {
		existing.set(`${c.schoolId}|${c.structureId}|${c.schoolYearId}`, c);
	}
	const upsert = db
		.insert(checkIns)
		.values({
			schoolId: sql.placeholder('schoolId'),
			structureId: sql.placeholder('structureId'),
			schoolYearId: sql.placeholder('yearId'),
			depth: sql.placeholder('depth'),
			adaptation: sql.placeholder('adaptation'),
			siteLed: sql.placeholder('siteLed'),
			evidenceUrl: sql.placeholder('evidenceUrl'),
			updatedAt: nowIso
		})
		.onConflictDoUpdate({
			target: [checkIns.schoolYearId, checkIns.structureId, checkIns.schoolId],
			set: {
				depth: sql`excluded.depth`,
				adaptation: sql`excluded.adaptation`,
				siteLed: sql`excluded.site_led`,
				evidenceUrl: sql`excluded.evidence_url`,
				updatedAt: sql`excluded.updated_at`
			}
		})
		.prepare();
	for (const r of read.rows) {
		const school = schoolMap.get(r.schoolCds);
		const structure = structureByName.get(r.structure.toLowerCase());
		if (!school) {
			addReportError(report, {
				line: r.line,
				column: 'school_cds_code',
				value: r.schoolCds,
				reason: 'is not a school of this district; import the school directory first'
			});
		}
		if (!structure) {
			addReportError(report, {
				line: r.line,
				column: 'structure',
				value: r.structure,
				reason: 'is not a structure of this district; add it under Structures first'
			});
		}
		if (!school || !structure) continue;
		const yearId = years.get(r.startYear)!;
		const key = `${school.id}|${structure.id}|${yearId}`;
		const before = existing.get(key);
		const next: Stored = {
			depth: r.depth,
			adaptation: r.adaptation === undefined ? (before?.adaptation ?? null) : r.adaptation,
			siteLed: r.siteLed === undefined ? (before?.siteLed ?? false) : r.siteLed,
			evidenceUrl: r.evidenceUrl === undefined ? (before?.evidenceUrl ?? null) : r.evidenceUrl
		};
		if (
			before &&
			before.depth === next.depth &&
			before.adaptation === next.adaptation &&
			before.siteLed === next.siteLed &&
			before.evidenceUrl === next.evidenceUrl
		) {
			tally.add(school.id, school.name, r.schoolCds, null, 'unchanged');
			continue;
		}
		upsert.run({
			schoolId: school.id,
			structureId: structure.id,
			yearId,
			...next,
			siteLed: next.siteLed ? 1 : 0
		});
		existing.set(key, next);
		tally.add(school.id, school.name, r.schoolCds, null, before ? 'updated' : 'inserted');
		if (before) {
			tally.change(
				`${structure.name}, ${schoolYearLabel(r.startYear)}, ${school.name}`,
				{ ...before },
				next
			);
		}
	}
}
