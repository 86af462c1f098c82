// `npm run import -- [--district CDS] [--dry-run] FILE…`: imports California School Dashboard files,
// the state's school directory, or results / check-ins CSVs into the database at DATABASE_PATH.
// Each file is one all-or-nothing transaction. Exits non-zero when any file is refused.
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/open.ts';
import { systemActor } from '../src/lib/server/audit/index.ts';
import { ImportFileError, importFile, type ImportReport } from '../src/lib/server/imports/index.ts';

const usage = 'usage: npm run import -- [--district CDS] [--dry-run] FILE…';
let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			district: { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
}
try {
	args = parse();
} catch (e) {
	console.error(`${(e as Error).message}\n${usage}`);
	process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
	console.error(usage);
	process.exit(args.values.help ? 0 : 2);
}

const path = resolve(process.env.DATABASE_PATH || 'data/throughline.db');
const db = openDatabase(path);
const dryRun = args.values['dry-run'];
let failed = 0;
let rows = 0;
const started = performance.now();

function summary(r: ImportReport): string {
	const what = `${r.measure ? `${r.kind} (${r.measure})` : r.kind}, ${r.format}${r.schoolYears.length ? `, ${r.schoolYears.join(', ')}` : ''}`;
	return (
		`${what}: ${r.rowsRead} rows read, ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ` +
		`${r.skippedOtherDistrict} of other districts skipped` +
		(r.created.schools.length ? `; ${r.created.schools.length} schools created` : '') +
		(r.created.measures.length ? `; measure created: ${r.created.measures.join(', ')}` : '') +
		r.newStudentGroups
			.map((g) => `; new student group ${g.code}: ${g.rows} rows — name it`)
			.join('') +
		(r.newIndicator
			? `; new indicator ${r.newIndicator.code}: ${r.newIndicator.rows} rows — name it`
			: '')
	);
}

for (const file of args.positionals) {
	const name = basename(file);
	const t = performance.now();
	const cpu = process.cpuUsage();
	try {
		const report = await importFile(db, resolve(file), name, systemActor, {
			dryRun,
			districtCds: args.values.district
		});
		rows += report.rowsRead;
		const ms = performance.now() - t;
		const used = process.cpuUsage(cpu);
		const cpuMs = (used.user + used.system) / 1000;
		if (report.nothingForDistrict) {
			console.log(`${name}: ${report.nothingForDistrict}`);
			continue;
		}
		if (report.errorCount > 0) {
			failed++;
			console.error(`${name}: refused, ${report.errorCount} row errors; nothing imported.`);
			for (const e of report.errors.slice(0, 50)) {
				console.error(
					`  line ${e.line}${e.column ? `, column ${e.column}` : ''}${e.value !== null ? `, value “${e.value}”` : ''}: ${e.reason}`
				);
			}
			if (report.errorCount > 50) console.error(`  … and ${report.errorCount - 50} more`);
			continue;
		}
		const state = dryRun
			? 'dry run, nothing written'
			: report.committed
				? `imported (audit #${report.auditId})`
				: 'nothing changed';
		console.log(
			`${name}: ${summary(report)} — ${state}. ${Math.round(report.rowsRead / (ms / 1000))} rows/s ` +
				`(${Math.round(ms)} ms; ${Math.round(report.rowsRead / (cpuMs / 1000))} rows per CPU-second)`
		);
	} catch (e) {
		failed++;
		// One line per refused file; the stack only when asked for (DEBUG=1).
		if (e instanceof ImportFileError) console.error(`${name}: refused: ${e.message}`);
		else if (process.env.DEBUG) console.error(`${name}: failed:`, e);
		else console.error(`${name}: failed: ${(e as Error).message ?? String(e)}`);
	}
}
const seconds = (performance.now() - started) / 1000;
if (args.positionals.length > 1) {
	console.log(
		`${args.positionals.length - failed} of ${args.positionals.length} files imported; ${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s)`
	);
}
db.$client.close();
process.exit(failed > 0 ? 1 : 0);
