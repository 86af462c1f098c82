// `npm run accountability -- [--json] FILE…`: every district's Differentiated Assistance
// determination computed from the state's Dashboard files (any number of districts, every year in
// them), the database untouched. One row per district × Dashboard year × student group that met
// the criteria in a priority area. Exits 1 when a file is missing or not a Dashboard file.
import { parseArgs } from 'node:util';
import { ImportFileError } from '../src/lib/server/imports/read.ts';
import {
	countyRows,
	determineAll,
	readDistrictYears
} from '../src/lib/server/accountability/county.ts';

const usage = 'usage: npm run accountability -- [--json] FILE…';
let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			json: { type: 'boolean', default: false },
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

let read: Awaited<ReturnType<typeof readDistrictYears>>;
try {
	read = await readDistrictYears(args.positionals);
} catch (e) {
	if (!(e instanceof ImportFileError)) throw e;
	console.error(e.message);
	process.exit(1);
}
// Rows the reader refused cannot count: say so rather than print a determination silently short.
for (const p of read.problems) {
	console.error(
		`${p.file}: ${p.errorCount} row(s) refused and left out, e.g. line ${p.errors[0]?.line}: ${p.errors[0]?.column ?? ''} ${p.errors[0]?.reason ?? ''}`
	);
}
const all = determineAll(read.districtYears);
const rows = countyRows(all);

if (args.values.json) {
	// One row a line: still one JSON array, and easy to read or grep.
	console.log(`[${rows.map((r) => JSON.stringify(r)).join(',\n')}]`);
} else {
	const table = [
		['cds', 'district', 'year', 'group', 'priorities', 'letter', 'eligible'],
		...rows.map((r) => [
			r.cds,
			r.district,
			String(r.year),
			r.group,
			r.priorities.join(', '),
			r.letter ?? '',
			r.eligible ? 'yes' : 'no'
		])
	];
	const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
	for (const row of table)
		console.log(
			row
				.map((c, i) => c.padEnd(widths[i]))
				.join('  ')
				.trimEnd()
		);
	const eligible = all.filter((d) => d.determination.eligible);
	const years = [...new Set(all.map((d) => d.year))].sort();
	console.log(
		all.length === 0
			? '\nNo district rows of an indicator that counts for Differentiated Assistance in these files (ELA, math, English learner progress, graduation, chronic absenteeism, suspension, college/career).'
			: `\n${new Set(all.map((d) => d.cds)).size} districts, Dashboard ${years.join(', ')}: ` +
					`${eligible.length} district-year(s) eligible for Differentiated Assistance` +
					(eligible.length
						? ` (${eligible.map((d) => `${d.district} ${d.year}`).join('; ')})`
						: '') +
					'. Local indicators (priorities 1, 2, 3, 7) are not in these files.'
	);
}
