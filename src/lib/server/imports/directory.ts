// The state's Public Schools and Districts directory: the district's schools with type, grade
// span, status, dates, charter flag and principal.
import { type SchoolType } from '../../choices.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { schoolCdsAliases, schools } from '../db/schema/district.ts';
import { leaderTenures } from '../db/schema/leadership.ts';
import type { Db } from '../db/open.ts';
import { today } from '../clock.ts';
import {
	cdsCell,
	checkedRows,
	col,
	dateCell,
	duplicate,
	noData,
	placeOf,
	refuse,
	requireColumns,
	unusedColumns,
	yesCell,
	type ReadContext
} from './cells.ts';
import type { Counts, Tally } from './report.ts';

export interface DirectoryRow {
	line: number;
	cds: string;
	name: string;
	type: SchoolType;
	gradeSpan: string | null;
	status: 'open' | 'closed';
	openedOn: string | null;
	closedOn: string | null;
	charter: boolean;
	principal: string | null;
}

export interface DirectoryRead {
	schools: DirectoryRow[];
	districtNameInFile: string | null;
	/** The district row's administrator: its superintendent. */
	superintendent: string | null;
	unusedColumns: string[];
}

/** The state's school type (SOCType, EILName, grade span) → ours. */
export function schoolTypeOf(
	soc: string | null,
	eil: string | null,
	span: string | null
): SchoolType {
	const s = (soc ?? '').toLowerCase();
	if (s.includes('continuation')) return 'continuation';
	if (s.includes('alternative') || s.includes('opportunity') || s.includes('community day'))
		return 'alternative';
	if (s.includes('intermediate') || s.includes('middle') || s.includes('junior high'))
		return 'middle';
	if (s.includes('high school')) return 'high';
	if (s.includes('elementary') || s.includes('elemen')) {
		return span && /^(K|TK|P|\d)-8$/i.test(span) ? 'k-8' : 'elementary';
	}
	const e = (eil ?? '').toLowerCase();
	if (e === 'elementary') return span && /-8$/.test(span) ? 'k-8' : 'elementary';
	if (e.includes('intermediate') || e.includes('middle')) return 'middle';
	if (e === 'high school') return 'high';
	return 'other';
}

const statuses = ['active', 'closed', 'merged', 'pending'];

export async function readDirectory(ctx: ReadContext): Promise<DirectoryRead> {
	const { table } = ctx;
	requireColumns(table, 'Public schools directory file', ['cdscode', 'school', 'statustype']);
	const i = {
		cds: col(table, 'cdscode'),
		name: col(table, 'school'),
		status: col(table, 'statustype'),
		district: col(table, 'district'),
		soc: col(table, 'soctype'),
		eil: col(table, 'eilname'),
		span: col(table, 'gsserved'),
		open: col(table, 'opendate'),
		closed: col(table, 'closeddate'),
		charter: col(table, 'charter'),
		first: col(table, 'admfname'),
		last: col(table, 'admlname')
	};
	const out: DirectoryRead = {
		schools: [],
		districtNameInFile: null,
		superintendent: null,
		unusedColumns: unusedColumns(table, Object.values(i))
	};
	const seen = new Map<string, number>();
	for await (const { line, cells } of checkedRows(ctx)) {
		const cds = cdsCell(ctx, line, cells, i.cds);
		if (cds === false) continue;
		const place = placeOf(ctx, cds);
		if (place === 'other') {
			ctx.otherDistrictRows++;
			continue;
		}
		if (place === 'district') {
			out.districtNameInFile = noData(cells[i.district]) ?? out.districtNameInFile;
			const first = i.first >= 0 ? noData(cells[i.first]) : null;
			const last = i.last >= 0 ? noData(cells[i.last]) : null;
			if (first || last) out.superintendent = [first, last].filter(Boolean).join(' ');
			continue;
		}
		const name = noData(cells[i.name]);
		const statusText = (cells[i.status] ?? '').trim().toLowerCase();
		let ok = true;
		if (!name) ok = refuse(ctx, line, i.name, cells[i.name] ?? '', 'is empty');
		if (!statuses.includes(statusText)) {
			ok = refuse(
				ctx,
				line,
				i.status,
				cells[i.status] ?? '',
				'must be Active, Closed, Merged or Pending'
			);
		}
		const openedOn = dateCell(ctx, line, cells, i.open);
		const closedOn = dateCell(ctx, line, cells, i.closed);
		if (!ok || openedOn === false || closedOn === false) continue;
		if (duplicate(ctx, seen, cds, line)) continue;
		const span = i.span >= 0 ? noData(cells[i.span]) : null;
		const first = i.first >= 0 ? noData(cells[i.first]) : null;
		const last = i.last >= 0 ? noData(cells[i.last]) : null;
		out.schools.push({
			line,
			cds,
			name: name!,
			type: schoolTypeOf(
				i.soc >= 0 ? noData(cells[i.soc]) : null,
				i.eil >= 0 ? noData(cells[i.eil]) : null,
				span
			),
			gradeSpan: span,
			status: statusText === 'closed' || statusText === 'merged' ? 'closed' : 'open',
			openedOn,
			closedOn,
			charter: yesCell(cells, i.charter),
			principal: first || last ? [first, last].filter(Boolean).join(' ') : null
		});
	}
	return out;
}

/** Creates and updates the district's schools and their principals. */
export function applyDirectory(db: Db, read: DirectoryRead, tally: Tally) {
	const { report } = tally;
	const existing = new Map(
		db
			.select()
			.from(schools)
			.all()
			.map((s) => [s.cdsCode, s])
	);
	const principals = new Map(
		db
			.select({
				id: leaderTenures.id,
				schoolId: leaderTenures.schoolId,
				name: leaderTenures.personName
			})
			.from(leaderTenures)
			.where(and(eq(leaderTenures.role, 'principal'), isNull(leaderTenures.endedOn)))
			.all()
			.map((p) => [p.schoolId, p])
	);
	// Codes of schools merged into another: the kept school's own entry is its record.
	const merged = new Set(
		db
			.select({ cds: schoolCdsAliases.cdsCode })
			.from(schoolCdsAliases)
			.all()
			.map((a) => a.cds)
	);
	const on = today();
	for (const r of read.schools) {
		if (merged.has(r.cds) && !existing.has(r.cds)) continue;
		const before = existing.get(r.cds);
		const next = {
			name: r.name,
			type: r.type,
			gradeSpan: r.gradeSpan,
			status: r.status,
			openedOn: r.openedOn,
			closedOn: r.closedOn,
			charter: r.charter
		};
		let id: number;
		let what: keyof Counts;
		if (!before) {
			id = db
				.insert(schools)
				.values({ cdsCode: r.cds, ...next })
				.returning({ id: schools.id })
				.get().id;
			report.created.schools.push(r.name);
			what = 'inserted';
		} else {
			id = before.id;
			const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
				(k) => before[k] !== next[k]
			);
			if (changed.length) {
				db.update(schools).set(next).where(eq(schools.id, id)).run();
				what = 'updated';
				tally.change(
					`${r.name} (${r.cds})`,
					Object.fromEntries(changed.map((k) => [k, before[k]])),
					Object.fromEntries(changed.map((k) => [k, next[k]]))
				);
			} else what = 'unchanged';
		}
		// The principal, as a leader of the school.
		const current = principals.get(id);
		if (r.principal && r.status === 'open' && current?.name !== r.principal) {
			if (current) {
				db.update(leaderTenures).set({ endedOn: on }).where(eq(leaderTenures.id, current.id)).run();
			}
			db.insert(leaderTenures)
				.values({ role: 'principal', personName: r.principal, schoolId: id, startedOn: on })
				.run();
			report.created.leaders++;
			if (what === 'unchanged') what = 'updated';
			tally.change(`Principal of ${r.name}`, current?.name ?? null, r.principal);
		}
		tally.add(id, r.name, r.cds, null, what);
	}
	// The superintendent the district row names, when none is recorded yet (a name staff entered
	// is never replaced by the file's spelling of it).
	if (read.superintendent) {
		const current = db
			.select({ id: leaderTenures.id })
			.from(leaderTenures)
			.where(and(eq(leaderTenures.role, 'superintendent'), isNull(leaderTenures.endedOn)))
			.get();
		if (!current) {
			db.insert(leaderTenures)
				.values({ role: 'superintendent', personName: read.superintendent, startedOn: on })
				.run();
			report.created.leaders++;
			tally.change('Superintendent', null, read.superintendent);
		}
	}
}
