// `npm run lcap -- --year 2025-26 --total 122293403 [--lcff 105963945] [--cycle 2024-27]
// [--adopted 2025-06-24] [--dry-run] FILE…`: imports an LCAP's CSV tables (goals, actions,
// metrics, metrics by group, Annual Update, mid-year report, renumbered actions) into the database
// at DATABASE_PATH, all files in one transaction. The LCAP is a set of tables checked against each
// other and against the printed total, so it has its own command rather than `npm run import`'s
// one-file-at-a-time. Exits 1 when refused.
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/open.ts';
import { systemActor } from '../src/lib/server/audit/index.ts';
import { ImportFileError } from '../src/lib/server/imports/read.ts';
import { readLcapFiles } from '../src/lib/server/lcap/read.ts';
import { importLcap } from '../src/lib/server/lcap/import.ts';
import { centsOf, dollars } from '../src/lib/server/lcap/money.ts';

const usage =
	'usage: npm run lcap -- --year 2025-26 --total DOLLARS [--lcff DOLLARS] [--cycle 2024-27] [--adopted YYYY-MM-DD] [--dry-run] FILE…';
let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			year: { type: 'string' },
			total: { type: 'string' },
			lcff: { type: 'string' },
			cycle: { type: 'string' },
			adopted: { type: 'string' },
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
function amount(flag: string, text: string | undefined): number | null {
	if (text === undefined) return null;
	const cents = centsOf(text);
	if (cents == null) {
		console.error(`--${flag} ${text}: not an amount in dollars.`);
		process.exit(2);
	}
	return cents;
}

const db = openDatabase(resolve(process.env.DATABASE_PATH || 'data/throughline.db'));
let code = 0;
try {
	const parsed = await readLcapFiles(
		args.positionals.map((f) => ({ path: resolve(f), name: basename(f) }))
	);
	const report = importLcap(db, parsed, systemActor, {
		year: args.values.year ?? null,
		cycle: args.values.cycle ?? null,
		adoptedOn: args.values.adopted ?? null,
		printedTotalCents: amount('total', args.values.total),
		printedLcffCents: amount('lcff', args.values.lcff),
		dryRun: args.values['dry-run']
	});
	for (const f of report.files) console.log(`${f.name}: ${f.kind}, ${f.rows} rows`);
	for (const q of report.quirks) {
		console.log(`  check: ${q.file} line ${q.line}, ${q.column}: ${q.reason}`);
	}
	if (report.errors.length) {
		code = 1;
		console.error(`refused, ${report.errors.length} errors; nothing imported.`);
		for (const e of report.errors.slice(0, 50)) {
			console.error(
				`  ${e.file}${e.line ? ` line ${e.line}` : ''}${e.column ? `, column ${e.column}` : ''}${e.value ? `, value “${e.value}”` : ''}: ${e.reason}`
			);
		}
	} else {
		const t = report.totals;
		if (t.actions) {
			console.log(`${t.actions} actions, ${dollars(t.totalCents)} (LCFF ${dollars(t.lcffCents)})`);
		}
		if (report.annualUpdateRows) {
			console.log(
				`Annual Update: ${dollars(t.annualPlannedCents)} planned, ${dollars(t.annualActualCents)} estimated actual`
			);
		}
		if (report.midYearRows)
			console.log(`Mid-year ${report.midYearYear}: ${dollars(t.midYearSpentCents)} spent`);
		console.log(
			args.values['dry-run']
				? 'dry run, nothing written.'
				: report.committed
					? `imported (audit #${report.auditId}).`
					: 'nothing changed.'
		);
	}
} catch (e) {
	code = 1;
	if (e instanceof ImportFileError) console.error(`refused: ${e.message}`);
	else throw e;
}
db.$client.close();
process.exit(code);
