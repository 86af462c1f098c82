import { byName } from '../db/sort.ts';
// Implementation check-ins: one structure's school year for every open school, entered in one grid.

import { write } from '../audit/write.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { schools, schoolYears } from '../db/schema/district.ts';
import { checkIns } from '../db/schema/implementation.ts';
import { structures } from '../db/schema/structures.ts';
import { openInFigures } from '../results/counted.ts';
import type { GridErrors, GridRow, GridValues } from '../../implementation/check-ins.ts';

export function listStructures(db: Db) {
	return db
		.select({
			id: structures.id,
			name: structures.name,
			authority: structures.authority,
			category: structures.category
		})
		.from(structures)
		.orderBy(
			sql`${structures.authority} <> 'required'`,
			asc(structures.sortOrder),
			byName(structures.name)
		)
		.all();
}

export function getStructure(db: Db, id: number) {
	return db.select().from(structures).where(eq(structures.id, id)).get();
}

export function getSchoolYear(db: Db, id: number) {
	return db.select().from(schoolYears).where(eq(schoolYears.id, id)).get();
}

/** The check-ins stored for a structure and year, by school: what the grid shows and saves over. */
function storedCheckIns(db: Db, structureId: number, schoolYearId: number) {
	return new Map(
		db
			.select()
			.from(checkIns)
			.where(and(eq(checkIns.schoolYearId, schoolYearId), eq(checkIns.structureId, structureId)))
			.all()
			.map((c) => [c.schoolId, c])
	);
}

/** Every open school, with its stored check-in for the structure and year, if any. */
export function checkInGrid(db: Db, structureId: number, schoolYearId: number): GridRow[] {
	const stored = storedCheckIns(db, structureId, schoolYearId);
	return db
		.select({ id: schools.id, name: schools.name, type: schools.type })
		.from(schools)
		.where(openInFigures())
		.orderBy(byName(schools.name))
		.all()
		.map((school) => {
			const c = stored.get(school.id);
			return {
				school,
				saved: !!c,
				values: {
					depth: c ? String(c.depth) : '',
					adaptation: c?.adaptation ?? '',
					siteLed: c?.siteLed ?? false,
					evidenceUrl: c?.evidenceUrl ?? ''
				}
			};
		});
}

function isWebAddress(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

export const checkInRow = z
	.object({
		depth: z
			.string()
			.trim()
			.refine((v) => v === '' || /^[0-4]$/.test(v), 'Enter a whole number from 0 to 4.'),
		adaptation: z.string().trim().max(500, 'Keep the adaptation note under 500 characters.'),
		siteLed: z.boolean(),
		evidenceUrl: z
			.string()
			.trim()
			.max(500, 'Keep the link under 500 characters.')
			.refine((v) => v === '' || isWebAddress(v), 'Enter a web address starting with https://.')
	})
	.superRefine((row, ctx) => {
		if (row.depth === '' && (row.adaptation !== '' || row.siteLed || row.evidenceUrl !== '')) {
			ctx.addIssue({
				code: 'custom',
				path: ['depth'],
				message: 'Enter a depth (0–4), or clear the whole row.'
			});
		}
	});

export interface ParsedRow {
	schoolId: number;
	/** null: no check-in (a stored one is removed). */
	depth: number | null;
	adaptation: string | null;
	siteLed: boolean;
	evidenceUrl: string | null;
}

/**
 * Reads the grid's fields (`depth-<schoolId>`, `adaptation-<schoolId>`, `siteLed-<schoolId>`,
 * `evidenceUrl-<schoolId>`) for the given schools. Schools whose depth field is absent are left
 * alone. Returns the parsed rows only when every row is valid.
 */
export function parseCheckInGrid(
	form: FormData,
	schoolIds: readonly number[]
):
	| { ok: true; rows: ParsedRow[] }
	| { ok: false; values: Record<number, GridValues>; errors: GridErrors } {
	const values: Record<number, GridValues> = {};
	const errors: GridErrors = {};
	const rows: ParsedRow[] = [];
	for (const id of schoolIds) {
		const depth = form.get(`depth-${id}`);
		if (depth === null) continue;
		const raw: GridValues = {
			depth: String(depth),
			adaptation: String(form.get(`adaptation-${id}`) ?? ''),
			siteLed: form.get(`siteLed-${id}`) === 'on',
			evidenceUrl: String(form.get(`evidenceUrl-${id}`) ?? '')
		};
		values[id] = raw;
		const parsed = checkInRow.safeParse(raw);
		if (!parsed.success) {
			const rowErrors: Partial<Record<keyof GridValues, string>> = {};
			for (const issue of parsed.error.issues) {
				const key = issue.path[0] as keyof GridValues;
				rowErrors[key] ??= issue.message;
			}
			errors[id] = rowErrors;
			continue;
		}
		const v = parsed.data;
		rows.push({
			schoolId: id,
			depth: v.depth === '' ? null : Number(v.depth),
			adaptation: v.adaptation || null,
			siteLed: v.siteLed,
			evidenceUrl: v.evidenceUrl || null
		});
	}
	if (Object.keys(errors).length > 0) return { ok: false, values, errors };
	return { ok: true, rows };
}

export interface SaveSummary {
	created: number;
	updated: number;
	removed: number;
}

/**
 * Saves a whole grid in one transaction: inserts, updates or removes each school's check-in, and
 * records each change in the audit trail. Rows that did not change are not touched.
 */
export function saveCheckInGrid(
	db: Db,
	actor: Actor,
	structureId: number,
	schoolYearId: number,
	rows: readonly ParsedRow[]
): SaveSummary {
	return write(db, actor, ({ tx, audit }) => {
		const summary: SaveSummary = { created: 0, updated: 0, removed: 0 };
		const stored = storedCheckIns(tx, structureId, schoolYearId);
		for (const row of rows) {
			const before = stored.get(row.schoolId);
			if (row.depth === null) {
				if (!before) continue;
				tx.delete(checkIns).where(eq(checkIns.id, before.id)).run();
				audit({
					action: 'delete',
					entity: 'check_in',
					entityId: before.id,
					before
				});
				summary.removed++;
				continue;
			}
			const next = {
				depth: row.depth,
				adaptation: row.adaptation,
				siteLed: row.siteLed,
				evidenceUrl: row.evidenceUrl
			};
			if (!before) {
				const created = tx
					.insert(checkIns)
					.values({ schoolId: row.schoolId, structureId, schoolYearId, ...next })
					.returning()
					.get();
				audit({
					action: 'create',
					entity: 'check_in',
					entityId: created.id,
					after: created
				});
				summary.created++;
				continue;
			}
			const same =
				before.depth === next.depth &&
				(before.adaptation ?? null) === next.adaptation &&
				before.siteLed === next.siteLed &&
				(before.evidenceUrl ?? null) === next.evidenceUrl;
			if (same) continue;
			const after = tx
				.update(checkIns)
				.set({ ...next, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
				.where(eq(checkIns.id, before.id))
				.returning()
				.get();
			audit({
				action: 'update',
				entity: 'check_in',
				entityId: before.id,
				before,
				after
			});
			summary.updated++;
		}
		return summary;
	});
}
