import { formatDate } from '../../format.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { AuditRow } from './history.ts';

// Ids in an audit entry's before/after, resolved to what the forms show: "startYearId: 3" reads
// "Start year: 2022-23". A record deleted since keeps its number ("#3, since deleted").
const lookups: Record<string, { table: string; name: string; key?: string }> = {
	schoolYear: { table: 'school_year', name: 'label' },
	priority: { table: 'priority', name: 'title' },
	structure: { table: 'structure', name: 'name' },
	school: { table: 'school', name: 'name' },
	policy: { table: 'policy', name: "trim(number || ' ' || title)" },
	measure: { table: 'measure', name: 'name' },
	// The date as every page writes it (format.ts), so the name is finished in `named` below.
	meeting: { table: 'board_meeting', name: "coalesce(title, '') || char(31) || held_on" },
	user: { table: 'user', name: 'coalesce(name, email)' },
	// Keyed by the state's code ("ALL", "EL"); an unknown code reads as itself.
	studentGroup: { table: 'student_group', name: 'name', key: 'code' }
};
const fieldKinds: Record<string, keyof typeof lookups> = {
	startYearId: 'schoolYear',
	baselineYearId: 'schoolYear',
	schoolYearId: 'schoolYear',
	currentSchoolYearId: 'schoolYear',
	yearId: 'schoolYear',
	priorityId: 'priority',
	structureId: 'structure',
	schoolId: 'school',
	policyId: 'policy',
	measureId: 'measure',
	meetingId: 'meeting',
	adoptedMeetingId: 'meeting',
	boardMeetingId: 'meeting',
	userId: 'user',
	heldBy: 'user',
	studentGroup: 'studentGroup',
	studentGroupCode: 'studentGroup'
};

// Nested too: a measure's entry carries its targets, each with its school year's id.
function objects(value: unknown): Record<string, unknown>[] {
	if (!value || typeof value !== 'object') return [];
	if (Array.isArray(value)) return value.flatMap(objects);
	const o = value as Record<string, unknown>;
	return [o, ...Object.values(o).flatMap(objects)];
}

/** The rows with every known id field replaced by its record's name. */
export function withNames<T extends Pick<AuditRow, 'before' | 'after'>>(db: Db, rows: T[]): T[] {
	const wanted = new Map<string, Set<string | number>>();
	for (const row of rows)
		for (const o of [...objects(row.before), ...objects(row.after)])
			for (const [key, v] of Object.entries(o)) {
				const kind = fieldKinds[key];
				if (kind && (typeof v === 'number' || typeof v === 'string') && v !== '') {
					if (!wanted.has(kind)) wanted.set(kind, new Set());
					wanted.get(kind)!.add(v);
				}
			}
	const names = new Map<string, string>();
	for (const [kind, ids] of wanted) {
		const { table, name, key = 'id' } = lookups[kind];
		const list = [...ids];
		const found = db.all<{ id: string | number; name: string }>(
			sql`select ${sql.identifier(key)} as id, ${sql.raw(name)} as name from ${sql.identifier(table)} where ${sql.identifier(key)} in (${sql.join(
				list.map((v) => sql`${v}`),
				sql`, `
			)})`
		);
		for (const r of found)
			names.set(`${kind}:${r.id}`, kind === 'meeting' ? meetingName(r.name) : r.name);
	}
	const rename = (value: unknown): unknown => {
		if (!value || typeof value !== 'object') return value;
		if (Array.isArray(value)) return value.map(rename);
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
			const kind = fieldKinds[key];
			out[key] =
				kind && (typeof v === 'number' || typeof v === 'string') && v !== ''
					? (names.get(`${kind}:${v}`) ?? (lookups[kind].key ? String(v) : `#${v}, since deleted`))
					: rename(v);
		}
		return out;
	};
	return rows.map((row) => ({ ...row, before: rename(row.before), after: rename(row.after) }));
}

/** "Budget study session (June 12, 2025)", or the date alone for a meeting without a title. */
function meetingName(raw: string): string {
	const [title, heldOn] = raw.split('\x1f');
	return title ? `${title} (${formatDate(heldOn)})` : formatDate(heldOn);
}
