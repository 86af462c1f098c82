// Import throughput: the state Dashboard files in tests/fixtures (or /work/shared/data), and one
// large Dashboard file shaped like the largest district's (1,000 schools × every student group),
// each imported into a fresh database file with the server's settings. Rows per second = rows read
// (parsed, checked and written in one transaction) / wall time.
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db/open.ts';

export interface ImportRun {
	files: number;
	rows: number;
	seconds: number;
	rowsPerSecond: number;
}

export interface ImportFigures {
	/** 'ok', or why nothing was measured. */
	state: string;
	dashboard?: ImportRun;
	large?: ImportRun;
	/** A statewide file (every district's rows, about 200,000), of which the district's are kept. */
	statewide?: ImportRun;
}

type ImportFile = (
	db: Db,
	path: string,
	fileName: string,
	actor: { id: string | null; email: string },
	options?: { districtCds?: string }
) => Promise<{ rowsRead: number; errorCount: number; errors: unknown[] }>;

/** Monterey Peninsula Unified, whose rows the sample Dashboard files carry. */
const district = '27660920000000';
const actor = { id: null, email: 'system' };

function dashboardFolder(): string | null {
	for (const candidate of ['tests/fixtures/ca-dashboard', '/work/shared/data/ca-dashboard']) {
		if (existsSync(resolve(candidate))) return resolve(candidate);
	}
	return null;
}

async function importModule(): Promise<ImportFile | null> {
	const url = new URL('../../src/lib/server/imports/index.ts', import.meta.url);
	if (!existsSync(url)) return null;
	const module: { importFile?: ImportFile } = await import(url.href);
	return module.importFile ?? null;
}

/**
 * A Dashboard ELA file for `schools` schools of the district: the district's own rows, then each
 * school with the district's student groups (values copied from the district's rows).
 */
function largeDashboardFile(source: string, schools: number): string {
	const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter(Boolean);
	const header = lines[0];
	const columns = header.split('\t');
	const at = (name: string) => columns.indexOf(name);
	const own = lines.slice(1).filter((line) => line.startsWith(district));
	const districtRows = own.filter((line) => line.split('\t')[at('rtype')] === 'D');
	const out = [header, ...districtRows];
	for (let i = 1; i <= schools; i++) {
		const cds = district.slice(0, 7) + String(6000000 + i);
		for (const row of districtRows) {
			const cells = row.split('\t');
			cells[at('cds')] = cds;
			cells[at('rtype')] = 'S';
			cells[at('schoolname')] = `Bench School ${i}`;
			out.push(cells.join('\t'));
		}
	}
	return out.join('\n') + '\n';
}

/**
 * A Dashboard ELA file shaped like the state's statewide one: the county file's other districts'
 * rows copied under made-up district codes until it holds about `rows` rows, the district's own
 * rows once. What the import reads, checks and leaves aside is the whole file.
 */
function statewideDashboardFile(source: string, rows: number): string {
	const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter(Boolean);
	const [header, ...body] = lines;
	const own = body.filter((line) => line.startsWith(district));
	const others = body.filter((line) => !line.startsWith(district));
	const out = [header, ...own];
	for (let copy = 0; out.length < rows; copy++) {
		// County 99 does not exist: no made-up code is a real district's.
		const county = String(10 + (copy % 89)).padStart(2, '0');
		for (const line of others) {
			out.push(`99${county}${String(copy).padStart(3, '0')}${line.slice(7)}`);
			if (out.length >= rows) break;
		}
	}
	return out.join('\n') + '\n';
}

async function timeImports(importFile: ImportFile, paths: string[]): Promise<ImportRun> {
	const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-import-'));
	const db = openDatabase(join(dir, 'import.db'));
	db.$client
		.prepare('insert into district (name, cds_code) values (?, ?)')
		.run('Monterey Peninsula Unified', district);
	let rows = 0;
	const started = performance.now();
	try {
		for (const path of paths) {
			const report = await importFile(db, path, path.split('/').pop()!, actor);
			if (report.errorCount > 0) {
				throw new Error(`${path}: ${JSON.stringify(report.errors.slice(0, 3))}`);
			}
			rows += report.rowsRead;
		}
	} finally {
		db.$client.close();
	}
	const seconds = (performance.now() - started) / 1000;
	rmSync(dir, { recursive: true, force: true });
	return {
		files: paths.length,
		rows,
		seconds: Math.round(seconds * 100) / 100,
		rowsPerSecond: Math.round(rows / seconds)
	};
}

export async function measureImport(schools = 1000): Promise<ImportFigures> {
	const importFile = await importModule();
	if (!importFile) return { state: 'pending (the imports module is not on this branch yet)' };
	const folder = dashboardFolder();
	if (!folder) return { state: 'no Dashboard files found' };
	const files = readdirSync(folder)
		.sort()
		.flatMap((year) =>
			readdirSync(join(folder, year))
				.sort()
				.map((name) => join(folder, year, name))
		);
	const dashboard = await timeImports(importFile, files);
	const scratch = mkdtempSync(join(tmpdir(), 'throughline-bench-file-'));
	const large = join(scratch, 'eladownload2023.txt');
	writeFileSync(large, largeDashboardFile(join(folder, '2023', 'eladownload2023.txt'), schools));
	const statewideFolder = join(scratch, 'statewide');
	mkdirSync(statewideFolder);
	const statewide = join(statewideFolder, 'eladownload2023.txt');
	writeFileSync(
		statewide,
		statewideDashboardFile(join(folder, '2023', 'eladownload2023.txt'), 200_000)
	);
	try {
		return {
			state: 'ok',
			dashboard,
			large: await timeImports(importFile, [large]),
			statewide: await timeImports(importFile, [statewide])
		};
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}
