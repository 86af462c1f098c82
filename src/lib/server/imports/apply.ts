import { district } from '../db/schema/district.ts';
import { recordAudit, type Actor } from '../audit/index.ts';
import type { Db } from '../db/open.ts';
import { today } from '../clock.ts';
import { ensureStudentGroups, knownStudentGroups } from './groups.ts';
import { indicators, schoolYearLabel } from './indicators.ts';
import { ImportFileError } from './read.ts';
import type { ImportKind, ParsedImport, RowError } from './parse.ts';

export interface Counts {
	inserted: number;
	updated: number;
	unchanged: number;
}

export interface ImportReport extends Counts {
	kind: ImportKind;
	fileName: string;
	sha256: string;
	bytes: number;
	/** The measure a Dashboard file's results go to. */
	measure: string | null;
	rowsRead: number;
	/** Rows of other districts (and the state), skipped. */
	skippedOtherDistrict: number;
	created: {
		district: string | null;
		schools: string[];
		measures: string[];
		schoolYears: string[];
		studentGroups: number;
		leaders: number;
	};
	bySchool: ({ name: string; cds: string | null } & Counts)[];
	byGroup: ({ code: string; name: string } & Counts)[];
	/** The first changed values, for the preview and the audit entry. */
	changes: { what: string; before: unknown; after: unknown }[];
	unusedColumns: string[];
	errors: RowError[];
	errorCount: number;
	/** True when the import was written (not a dry run, no errors, something changed). */
	committed: boolean;
	auditId: number | null;
}

const maxChangesListed = 100;

class Rollback extends Error {}

function counts(): Counts {
	return { inserted: 0, updated: 0, unchanged: 0 };
}

/** The district the database holds, if any. */
export function currentDistrict(db: Db): { id: number; name: string; cdsCode: string } | undefined {
	return db
		.select({ id: district.id, name: district.name, cdsCode: district.cdsCode })
		.from(district)
		.limit(1)
		.get();
}

interface Bookkeeping {
	report: ImportReport;
	schoolCounts: Map<number, Counts & { name: string; cds: string | null }>;
	groupCounts: Map<string, Counts>;
}

function tally(
	b: Bookkeeping,
	schoolKey: number,
	name: string,
	cds: string | null,
	group: string | null,
	what: keyof Counts
) {
	b.report[what]++;
	let s = b.schoolCounts.get(schoolKey);
	if (!s) b.schoolCounts.set(schoolKey, (s = { name, cds, ...counts() }));
	s[what]++;
	if (group !== null) {
		let g = b.groupCounts.get(group);
		if (!g) b.groupCounts.set(group, (g = counts()));
		g[what]++;
	}
}

function addError(report: ImportReport, e: RowError) {
	report.errorCount++;
	if (report.errors.length < 500) report.errors.push(e);
}

/** Loads school years by start year, creating the ones named. */
function schoolYearIds(db: Db, years: Set<number>, report: ImportReport): Map<number, number> {
	const client = db.$client;
	const ids = new Map<number, number>();
	for (const y of client.prepare('SELECT id, start_year AS startYear FROM school_year').all() as {
		id: number;
		startYear: number;
	}[])
		ids.set(y.startYear, y.id);
	const insert = client.prepare('INSERT INTO school_year (label, start_year) VALUES (?, ?)');
	for (const y of [...years].sort()) {
		if (ids.has(y)) continue;
		const label = schoolYearLabel(y);
		ids.set(y, Number(insert.run(label, y).lastInsertRowid));
		report.created.schoolYears.push(label);
	}
	return ids;
}

interface SchoolRef {
	id: number;
	name: string;
}

function schoolsByCds(db: Db): Map<string, SchoolRef> {
	const map = new Map<string, SchoolRef>();
	for (const s of db.$client.prepare('SELECT id, cds_code AS cds, name FROM school').all() as {
		id: number;
		cds: string;
		name: string;
	}[])
		map.set(s.cds, { id: s.id, name: s.name });
	return map;
}

function sameNumber(a: number | null, b: number | null): boolean {
	return a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9);
}

function applyResults(db: Db, parsed: ParsedImport, b: Bookkeeping) {
	const { report } = b;
	const client = db.$client;
	const rows = parsed.results;

	// Student groups and school years, created as needed; looked up from maps, never per row.
	report.created.studentGroups = ensureStudentGroups(db, new Set(rows.map((r) => r.group)));
	const groupNames = new Map(
		(
			client.prepare('SELECT code, name FROM student_group').all() as {
				code: string;
				name: string;
			}[]
		).map((g) => [g.code, g.name])
	);
	const years = schoolYearIds(db, new Set(rows.map((r) => r.startYear)), report);
	const yearLabel = new Map([...years].map(([start]) => [start, schoolYearLabel(start)]));

	// Measures: a Dashboard file's indicator is created on first import; a CSV names existing ones.
	const measureRows = client.prepare('SELECT id, code, name FROM measure').all() as {
		id: number;
		code: string;
		name: string;
	}[];
	const measureByCode = new Map(measureRows.map((m) => [m.code, m]));
	const measureByName = new Map(measureRows.map((m) => [m.name.toLowerCase(), m]));
	if (parsed.kind === 'dashboard' && parsed.indicator) {
		const ind = parsed.indicator;
		if (!measureByCode.has(ind.code)) {
			const id = Number(
				client
					.prepare(
						`INSERT INTO measure (code, name, unit, direction, kind, source, sort_order)
						 VALUES (?, ?, ?, ?, 'outcome', 'California School Dashboard', ?)`
					)
					.run(ind.code, ind.name, ind.unit, ind.direction, 100 + indicators.indexOf(ind))
					.lastInsertRowid
			);
			measureByCode.set(ind.code, { id, code: ind.code, name: ind.name });
			report.created.measures.push(ind.name);
		}
		report.measure = measureByCode.get(ind.code)!.name;
	}
	const measureOf = (key: string) => measureByCode.get(key) ?? measureByName.get(key.toLowerCase());

	const schools = schoolsByCds(db);
	const insertSchool = client.prepare(
		'INSERT INTO school (cds_code, name, charter) VALUES (?, ?, ?)'
	);

	// What the database holds for the measures in the file, keyed like the unique indexes.
	const measureIds = new Set<number>();
	for (const r of rows) {
		const m = measureOf(r.measure);
		if (m) measureIds.add(m.id);
	}
	// Keys are numbers while the ids are small enough (always, in practice): no string per row.
	const groupIdx = new Map([...groupNames.keys()].map((code, i) => [code, i]));
	const small = groupIdx.size < 256;
	const resultKey = (schoolId: number, measureId: number, yearId: number, group: string) =>
		small && schoolId < 2 ** 22 && measureId < 4096 && yearId < 1024
			? ((schoolId * 4096 + measureId) * 1024 + yearId) * 256 + groupIdx.get(group)!
			: `${schoolId}|${measureId}|${yearId}|${group}`;
	const existing = new Map<
		number | string,
		{ value: number | null; n: number | null; color: number | null; status: number | null }
	>();
	const select = client.prepare(
		'SELECT school_id, school_year_id, student_group, value, n, state_color, status_level FROM result WHERE measure_id = ?'
	);
	for (const id of measureIds) {
		for (const r of select.raw().all(id) as Array<
			[number | null, number, string, number | null, number | null, number | null, number | null]
		>) {
			existing.set(resultKey(r[0] ?? 0, id, r[1], r[2]), {
				value: r[3],
				n: r[4],
				color: r[5],
				status: r[6]
			});
		}
	}

	const set = `SET value = excluded.value, n = excluded.n, state_color = excluded.state_color,
		status_level = excluded.status_level, updated_at = excluded.updated_at`;
	const cols = `(measure_id, school_year_id, school_id, student_group, value, n, state_color, status_level, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
	const upsertSchool = client.prepare(
		`INSERT INTO result ${cols}
		 ON CONFLICT (school_id, measure_id, school_year_id, student_group) WHERE school_id IS NOT NULL DO UPDATE ${set}`
	);
	const upsertDistrict = client.prepare(
		`INSERT INTO result ${cols}
		 ON CONFLICT (measure_id, school_year_id, student_group) WHERE school_id IS NULL DO UPDATE ${set}`
	);

	const districtName = report.created.district ?? currentDistrict(db)?.name ?? 'District';
	for (const r of rows) {
		const measure = measureOf(r.measure);
		if (!measure) {
			addError(report, {
				line: r.line,
				column: 'measure',
				value: r.measure,
				reason: 'is not a measure of this district; add it under Measures first'
			});
			continue;
		}
		let schoolId: number | null = null;
		let schoolName = districtName;
		if (r.schoolCds !== null) {
			let school = schools.get(r.schoolCds);
			if (!school) {
				if (parsed.kind !== 'dashboard') {
					addError(report, {
						line: r.line,
						column: 'school_cds_code',
						value: r.schoolCds,
						reason: 'is not a school of this district; import the school directory first'
					});
					continue;
				}
				// A school not yet known is created from the Dashboard row.
				const info = parsed.schoolInfo.get(r.schoolCds);
				const name = info?.name || r.schoolCds;
				school = {
					id: Number(insertSchool.run(r.schoolCds, name, info?.charter ? 1 : 0).lastInsertRowid),
					name
				};
				schools.set(r.schoolCds, school);
				report.created.schools.push(name);
			}
			schoolId = school.id;
			schoolName = school.name;
		}
		const yearId = years.get(r.startYear)!;
		const key = resultKey(schoolId ?? 0, measure.id, yearId, r.group);
		const before = existing.get(key);
		const color = r.stateColor === undefined ? (before?.color ?? null) : r.stateColor;
		const status = r.statusLevel === undefined ? (before?.status ?? null) : r.statusLevel;
		if (
			before &&
			sameNumber(before.value, r.value) &&
			sameNumber(before.n, r.n) &&
			before.color === color &&
			before.status === status
		) {
			tally(b, schoolId ?? 0, schoolName, r.schoolCds, r.group, 'unchanged');
			continue;
		}
		(schoolId === null ? upsertDistrict : upsertSchool).run(
			measure.id,
			yearId,
			schoolId,
			r.group,
			r.value,
			r.n,
			color,
			status
		);
		existing.set(key, { value: r.value, n: r.n, color, status });
		tally(b, schoolId ?? 0, schoolName, r.schoolCds, r.group, before ? 'updated' : 'inserted');
		if (before && report.changes.length < maxChangesListed) {
			report.changes.push({
				what: `${measure.name}, ${yearLabel.get(r.startYear)}, ${schoolName}, ${groupNames.get(r.group) ?? r.group}`,
				before: {
					value: before.value,
					n: before.n,
					stateColor: before.color,
					statusLevel: before.status
				},
				after: { value: r.value, n: r.n, stateColor: color, statusLevel: status }
			});
		}
	}
	for (const [code, c] of b.groupCounts) {
		report.byGroup.push({ code, name: groupNames.get(code) ?? code, ...c });
	}
	const order = new Map(knownStudentGroups.map((g, i) => [g.code, i]));
	report.byGroup.sort((x, y) => (order.get(x.code) ?? 99) - (order.get(y.code) ?? 99));
}

function applyCheckIns(db: Db, parsed: ParsedImport, b: Bookkeeping) {
	const { report } = b;
	const client = db.$client;
	const rows = parsed.checkIns;
	const years = schoolYearIds(db, new Set(rows.map((r) => r.startYear)), report);
	const yearLabel = new Map([...years].map(([start]) => [start, schoolYearLabel(start)]));
	const schools = schoolsByCds(db);
	const structures = new Map(
		(client.prepare('SELECT id, name FROM structure').all() as { id: number; name: string }[]).map(
			(s) => [s.name.toLowerCase(), s]
		)
	);
	const existing = new Map<
		string,
		{ depth: number; adaptation: string | null; siteLed: number; evidenceUrl: string | null }
	>();
	for (const r of client
		.prepare(
			'SELECT school_id, structure_id, school_year_id, depth, adaptation, site_led, evidence_url FROM check_in'
		)
		.raw()
		.iterate() as Iterable<
		[number, number, number, number, string | null, number, string | null]
	>) {
		existing.set(`${r[0]}|${r[1]}|${r[2]}`, {
			depth: r[3],
			adaptation: r[4],
			siteLed: r[5],
			evidenceUrl: r[6]
		});
	}
	const upsert = client.prepare(
		`INSERT INTO check_in (school_id, structure_id, school_year_id, depth, adaptation, site_led, evidence_url, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
		 ON CONFLICT (school_year_id, structure_id, school_id) DO UPDATE SET depth = excluded.depth,
		 adaptation = excluded.adaptation, site_led = excluded.site_led, evidence_url = excluded.evidence_url,
		 updated_at = excluded.updated_at`
	);
	for (const r of rows) {
		const school = schools.get(r.schoolCds);
		const structure = structures.get(r.structure.toLowerCase());
		if (!school) {
			addError(report, {
				line: r.line,
				column: 'school_cds_code',
				value: r.schoolCds,
				reason: 'is not a school of this district; import the school directory first'
			});
		}
		if (!structure) {
			addError(report, {
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
		const next = {
			depth: r.depth,
			adaptation: r.adaptation === undefined ? (before?.adaptation ?? null) : r.adaptation,
			siteLed: r.siteLed === undefined ? (before?.siteLed ?? 0) : r.siteLed ? 1 : 0,
			evidenceUrl: r.evidenceUrl === undefined ? (before?.evidenceUrl ?? null) : r.evidenceUrl
		};
		if (
			before &&
			before.depth === next.depth &&
			before.adaptation === next.adaptation &&
			before.siteLed === next.siteLed &&
			before.evidenceUrl === next.evidenceUrl
		) {
			tally(b, school.id, school.name, r.schoolCds, null, 'unchanged');
			continue;
		}
		upsert.run(
			school.id,
			structure.id,
			yearId,
			next.depth,
			next.adaptation,
			next.siteLed,
			next.evidenceUrl
		);
		existing.set(key, next);
		tally(b, school.id, school.name, r.schoolCds, null, before ? 'updated' : 'inserted');
		if (before && report.changes.length < maxChangesListed) {
			report.changes.push({
				what: `${structure.name}, ${yearLabel.get(r.startYear)}, ${school.name}`,
				before,
				after: next
			});
		}
	}
}

function applyDirectory(db: Db, parsed: ParsedImport, b: Bookkeeping) {
	const { report } = b;
	const client = db.$client;
	type SchoolRow = {
		id: number;
		cds: string;
		name: string;
		type: string;
		gradeSpan: string | null;
		status: string;
		openedOn: string | null;
		closedOn: string | null;
		charter: number;
	};
	const existing = new Map(
		(
			client
				.prepare(
					`SELECT id, cds_code AS cds, name, type, grade_span AS gradeSpan, status, opened_on AS openedOn,
					 closed_on AS closedOn, charter FROM school`
				)
				.all() as SchoolRow[]
		).map((s) => [s.cds, s])
	);
	const principals = new Map(
		(
			client
				.prepare(
					"SELECT id, school_id AS schoolId, person_name AS name FROM leader_tenure WHERE role = 'principal' AND ended_on IS NULL"
				)
				.all() as { id: number; schoolId: number; name: string }[]
		).map((p) => [p.schoolId, p])
	);
	const insert = client.prepare(
		`INSERT INTO school (cds_code, name, type, grade_span, status, opened_on, closed_on, charter)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const update = client.prepare(
		`UPDATE school SET name = ?, type = ?, grade_span = ?, status = ?, opened_on = ?, closed_on = ?, charter = ?
		 WHERE id = ?`
	);
	const endTenure = client.prepare('UPDATE leader_tenure SET ended_on = ? WHERE id = ?');
	const startTenure = client.prepare(
		"INSERT INTO leader_tenure (role, person_name, school_id, started_on) VALUES ('principal', ?, ?, ?)"
	);
	const on = today();
	for (const r of parsed.schools) {
		const before = existing.get(r.cds);
		const next = {
			name: r.name,
			type: r.type,
			gradeSpan: r.gradeSpan,
			status: r.status,
			openedOn: r.openedOn,
			closedOn: r.closedOn,
			charter: r.charter ? 1 : 0
		};
		let id: number;
		let what: keyof Counts;
		if (!before) {
			id = Number(
				insert.run(
					r.cds,
					next.name,
					next.type,
					next.gradeSpan,
					next.status,
					next.openedOn,
					next.closedOn,
					next.charter
				).lastInsertRowid
			);
			report.created.schools.push(r.name);
			what = 'inserted';
		} else {
			id = before.id;
			const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
				(k) => before[k] !== next[k]
			);
			if (changed.length) {
				update.run(
					next.name,
					next.type,
					next.gradeSpan,
					next.status,
					next.openedOn,
					next.closedOn,
					next.charter,
					id
				);
				what = 'updated';
				if (report.changes.length < maxChangesListed) {
					report.changes.push({
						what: `${r.name} (${r.cds})`,
						before: Object.fromEntries(changed.map((k) => [k, before[k]])),
						after: Object.fromEntries(changed.map((k) => [k, next[k]]))
					});
				}
			} else what = 'unchanged';
		}
		// The principal, as a leader of the school.
		const current = principals.get(id);
		if (r.principal && r.status === 'open' && current?.name !== r.principal) {
			if (current) endTenure.run(on, current.id);
			startTenure.run(r.principal, id, on);
			report.created.leaders++;
			if (what === 'unchanged') what = 'updated';
			if (report.changes.length < maxChangesListed) {
				report.changes.push({
					what: `Principal of ${r.name}`,
					before: current?.name ?? null,
					after: r.principal
				});
			}
		}
		tally(b, id, r.name, r.cds, null, what);
	}
}

/**
 * Writes a read file in one all-or-nothing transaction: creates what is missing (district on a
 * new database, schools, measures, student groups, school years), inserts new values, updates
 * changed ones and leaves equal ones alone, then records one audit entry with the file's name,
 * checksum, counts and the changed values. A dry run, or any row error, rolls everything back;
 * the report reads the same either way.
 */
export function runImport(
	db: Db,
	parsed: ParsedImport,
	actor: Actor,
	options: { dryRun?: boolean } = {}
): ImportReport {
	const report: ImportReport = {
		kind: parsed.kind,
		fileName: parsed.fileName,
		sha256: parsed.sha256,
		bytes: parsed.bytes,
		measure: null,
		rowsRead: parsed.rowsRead,
		skippedOtherDistrict: parsed.otherDistrictRows,
		inserted: 0,
		updated: 0,
		unchanged: 0,
		created: {
			district: null,
			schools: [],
			measures: [],
			schoolYears: [],
			studentGroups: 0,
			leaders: 0
		},
		bySchool: [],
		byGroup: [],
		changes: [],
		unusedColumns: parsed.unusedColumns,
		errors: [...parsed.errors],
		errorCount: parsed.errorCount,
		committed: false,
		auditId: null
	};
	const b: Bookkeeping = { report, schoolCounts: new Map(), groupCounts: new Map() };
	try {
		db.transaction(() => {
			const current = currentDistrict(db);
			if (current && current.cdsCode !== parsed.districtCds) {
				throw new ImportFileError(
					`This database holds ${current.name} (CDS ${current.cdsCode}), not CDS ${parsed.districtCds}.`
				);
			}
			if (!current) {
				const name = parsed.districtNameInFile ?? `District ${parsed.districtCds}`;
				db.insert(district).values({ name, cdsCode: parsed.districtCds }).run();
				report.created.district = name;
			}
			if (parsed.kind === 'directory') applyDirectory(db, parsed, b);
			else if (parsed.kind === 'check-ins') applyCheckIns(db, parsed, b);
			else applyResults(db, parsed, b);

			report.bySchool = [...b.schoolCounts.values()].sort((x, y) =>
				x.cds === null ? -1 : y.cds === null ? 1 : x.name.localeCompare(y.name)
			);
			const changed =
				report.inserted + report.updated > 0 ||
				report.created.schools.length +
					report.created.measures.length +
					report.created.schoolYears.length >
					0 ||
				report.created.district !== null;
			if (report.errorCount > 0 || options.dryRun || !changed) throw new Rollback();

			if (parsed.kind !== 'directory') {
				db.update(district).set({ dataUpdatedAt: new Date().toISOString() }).run();
			}
			recordAudit(db, actor, {
				action: 'import',
				entity:
					parsed.kind === 'directory'
						? 'school'
						: parsed.kind === 'check-ins'
							? 'check_in'
							: 'result',
				entityId: parsed.sha256,
				note: `${parsed.fileName} (SHA-256 ${parsed.sha256})`,
				after: {
					file: parsed.fileName,
					sha256: parsed.sha256,
					bytes: parsed.bytes,
					kind: parsed.kind,
					measure: report.measure,
					rowsRead: report.rowsRead,
					inserted: report.inserted,
					updated: report.updated,
					unchanged: report.unchanged,
					skippedOtherDistrict: report.skippedOtherDistrict,
					created: report.created,
					changes: report.changes,
					changesListed: report.changes.length,
					changesTotal: report.updated
				}
			});
			report.auditId = Number(
				(db.$client.prepare('SELECT last_insert_rowid() AS id').get() as { id: number }).id
			);
			report.committed = true;
		});
	} catch (e) {
		if (!(e instanceof Rollback)) throw e;
	}
	return report;
}
