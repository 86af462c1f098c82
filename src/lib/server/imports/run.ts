// Writing a read file: one all-or-nothing transaction per file, with one audit entry.
import { byText } from '../../collate.ts';
import { district } from '../db/schema/district.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import type { DbFile } from '../db/open.ts';
import { ImportFileError } from './read.ts';
import { applyDashboard } from './dashboard.ts';
import { applyDirectory } from './directory.ts';
import { applyResultsCsv } from './results-csv.ts';
import { applyCheckInsCsv } from './check-ins-csv.ts';
import { applyStateWorkbook } from './state-workbooks-apply.ts';
import { knownStudentGroups } from './groups.ts';
import { studentGroups } from '../db/schema/district.ts';
import { schoolYearLabel } from './indicators.ts';
import { Tally, type ImportReport } from './report.ts';
import type { ParsedImport } from './parse.ts';

class Rollback extends Error {}

/** The district the database holds, if any. */
export function currentDistrict(
	db: DbFile
): { id: number; name: string; cdsCode: string } | undefined {
	return db
		.select({ id: district.id, name: district.name, cdsCode: district.cdsCode })
		.from(district)
		.limit(1)
		.get();
}

function emptyReport(parsed: ParsedImport): ImportReport {
	return {
		kind: parsed.kind,
		fileName: parsed.fileName,
		sha256: parsed.sha256,
		bytes: parsed.bytes,
		format: parsed.format,
		measure: null,
		schoolYears: [],
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
		newSchools: [],
		newStudentGroups: [],
		newIndicator: null,
		bySchool: [],
		byGroup: [],
		changes: [],
		unusedColumns: parsed.unusedColumns,
		nothingForDistrict: parsed.nothingForDistrict,
		errors: [...parsed.errors],
		errorCount: parsed.errorCount,
		committed: false,
		auditId: null
	};
}

function yearsOf(parsed: ParsedImport): number[] {
	if (parsed.kind === 'dashboard') {
		return [...parsed.dashboard.rows, ...parsed.dashboard.enrollment].map((r) => r.startYear);
	}
	if (parsed.kind === 'results') return parsed.results.rows.map((r) => r.startYear);
	if (parsed.kind === 'check-ins') return parsed.checkIns.rows.map((r) => r.startYear);
	// A Dashboard year (2023) is the school year it reports (2022-23).
	if (parsed.kind === 'da-status' || parsed.kind === 'essa-status')
		return [parsed.workbook.year - 1];
	return [];
}

/**
 * Writes a read file in one all-or-nothing write (its transaction begun IMMEDIATE, so it never has to
 * upgrade a read lock while staff save through the web): creates what is missing (district on a
 * new database, schools, measures, student groups, school years), inserts new values, updates
 * changed ones and leaves equal ones alone, then records one audit entry with the file's name,
 * checksum, counts and the changed values. A dry run, or any row error, rolls everything back;
 * the report reads the same either way.
 */
export function runImport(
	db: DbFile,
	parsed: ParsedImport,
	actor: Actor,
	options: { dryRun?: boolean } = {}
): ImportReport {
	const report = emptyReport(parsed);
	// A file with nothing for the district cannot start one: there is no district to create.
	if (parsed.nothingForDistrict) {
		if (!currentDistrict(db)) throw new ImportFileError(parsed.nothingForDistrict);
		return report;
	}
	report.schoolYears = [...new Set(yearsOf(parsed))].sort().map(schoolYearLabel);
	const tally = new Tally(report);
	try {
		// The per-row writes run on the driver's prepared statements (lookups.ts `compiled`) for
		// speed; they share the one connection, so they are inside this write's transaction.
		write(db, actor, ({ audit }) => {
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
			const districtName = current?.name ?? report.created.district ?? 'District';
			if (parsed.kind === 'directory') applyDirectory(db, parsed.directory, tally);
			else if (parsed.kind === 'check-ins') applyCheckInsCsv(db, parsed.checkIns, tally);
			else if (parsed.kind === 'results') applyResultsCsv(db, parsed.results, tally, districtName);
			else if (parsed.kind === 'da-status' || parsed.kind === 'essa-status')
				applyStateWorkbook(db, parsed.workbook, tally, parsed.fileName, districtName);
			else if (parsed.kind === 'dashboard')
				applyDashboard(db, parsed.dashboard, tally, districtName);

			report.bySchool = [...tally.schools.values()].sort((x, y) =>
				x.cds === null ? -1 : y.cds === null ? 1 : byText(x.name, y.name)
			);
			const groups = new Map(
				db
					.select()
					.from(studentGroups)
					.all()
					.map((g) => [g.code, g])
			);
			const order = new Map(knownStudentGroups.map((g, i) => [g.code, i]));
			report.byGroup = [...tally.groups]
				.map(([code, c]) => ({
					code,
					name: groups.get(code)?.name ?? code,
					testTakers: groups.get(code)?.kind === 'test-takers',
					...c
				}))
				.sort((x, y) => (order.get(x.code) ?? 99) - (order.get(y.code) ?? 99));
			const changed =
				report.inserted + report.updated > 0 ||
				report.created.schools.length +
					report.created.measures.length +
					report.created.schoolYears.length +
					report.created.leaders >
					0 ||
				report.created.district !== null;
			if (report.errorCount > 0 || options.dryRun || !changed) throw new Rollback();

			if (parsed.kind !== 'directory') {
				db.update(district).set({ dataUpdatedAt: new Date().toISOString() }).run();
			}
			report.auditId = audit({
				action: 'import',
				entity:
					parsed.kind === 'directory'
						? 'school'
						: parsed.kind === 'check-ins'
							? 'check_in'
							: parsed.kind === 'da-status'
								? 'state_assistance'
								: parsed.kind === 'essa-status'
									? 'state_essa_status'
									: parsed.kind === 'dashboard' && parsed.dashboard.indicator.enrollment
										? 'enrollment'
										: 'result',
				entityId: parsed.sha256,
				note: `${parsed.fileName} (SHA-256 ${parsed.sha256})`,
				after: {
					file: parsed.fileName,
					sha256: parsed.sha256,
					bytes: parsed.bytes,
					format: parsed.format,
					kind: parsed.kind,
					measure: report.measure,
					schoolYears: report.schoolYears,
					rowsRead: report.rowsRead,
					inserted: report.inserted,
					updated: report.updated,
					unchanged: report.unchanged,
					skippedOtherDistrict: report.skippedOtherDistrict,
					created: report.created,
					newStudentGroups: report.newStudentGroups,
					newIndicator: report.newIndicator,
					changes: report.changes,
					changesListed: report.changes.length,
					changesTotal: report.updated
				}
			});
			report.committed = true;
		});
	} catch (e) {
		if (!(e instanceof Rollback)) throw e;
	}
	return report;
}
