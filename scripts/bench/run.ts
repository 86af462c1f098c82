// `npm run bench`: builds, serves the production build on a large district (generated first if
// missing) and measures each page with autocannon, its query time, its JavaScript/CSS weight, the
// import throughput and the server's peak memory. Prints a markdown table; `--out` writes JSON.
//
//   npm run bench -- --schools 100            # a quick run while developing
//   npm run bench -- --out reports/bench.json # the full district (1,000 schools, 10 years)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { defaultBenchData, generateBenchDatabase } from './data.ts';
import { capture, saveCapture } from './bare.ts';
import { measureImport, type ImportFigures } from './import.ts';
import { loadTest, type LoadFigures } from './load.ts';
import { pageWeight, type PageWeight } from './weight.ts';
import { formatReport, targets } from './report.ts';
import { measureWrites, type WriteFigures } from './writes.ts';

const { values } = parseArgs({
	options: {
		schools: { type: 'string', default: String(defaultBenchData.schools) },
		years: { type: 'string', default: String(defaultBenchData.years) },
		db: { type: 'string' },
		port: { type: 'string', default: '4500' },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '10,50' },
		out: { type: 'string' },
		'skip-build': { type: 'boolean', default: false },
		/** Serve without the public page cache, for before/after figures. */
		'no-cache': { type: 'boolean', default: false },
		/**
		 * Node flags for the server: by default those `npm start` and `npm run demo` use. V8 sizes
		 * its heap from the machine's memory (24 GiB here) and collects late: an 8 MB young
		 * generation keeps the idle server near 160 MB instead of 300 MB, and a 256 MB old
		 * generation makes it collect before it grows past it under load (a 300,000-row import fits
		 * in it). Pass '' to measure V8's defaults.
		 */
		'server-node-options': {
			type: 'string',
			default: '--max-semi-space-size=8 --max-old-space-size=256'
		}
	}
});

const schools = Number(values.schools);
const years = Number(values.years);
const databasePath = resolve(
	values.db ??
		(schools === defaultBenchData.schools && years === defaultBenchData.years
			? defaultBenchData.out
			: `reports/bench-${schools}x${years}.db`)
);
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;
const duration = Number(values.duration);
const connectionCounts = values.connections.split(',').map(Number);
/** Every request asks for what a browser asks: the answers are the compressed ones a crowd gets. */
const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };

export interface PageFigures {
	name: string;
	path: string;
	signedIn: boolean;
	/** 'ok', or why it was not measured ("not built yet", "no sign-in yet", "HTTP 500"). */
	state: string;
	htmlBytes?: number;
	weight?: PageWeight;
	/** Median over sequential requests, from the Server-Timing header. */
	dbMs?: number;
	queries?: number;
	serverMs?: number;
	/** The first request's server time: a render with nothing cached. */
	coldMs?: number;
	/** Server CPU time (user + system) per request, over the sequential requests. */
	cpuMs?: number;
	load?: Record<number, LoadFigures>;
	/** The answer as sent (brotli): its body and header bytes, i.e. its first flight. */
	wire?: { bodyBytes: number; headerBytes: number; encoding: string };
	/** The same bytes from a bare node:http server, same run, same load. */
	bare?: Record<number, LoadFigures>;
}

/** Medians, in ms of wall time at the client, of the first answer after a write. */
export interface AfterWriteFigures {
	samples: number;
	/** The public priority page, rendered (its first request after the write). */
	publicPageMs?: number;
	/** The board overview, for the signed-in board member. */
	boardPageMs?: number;
	/** The first byte of `/data/results.csv`, the largest download. */
	downloadFirstByteMs?: number;
	/** Its last byte. */
	downloadMs?: number;
}

export interface BenchReport {
	at: string;
	machine: { cpus: number; node: string; load: number[] };
	district: { schools: number; years: number; results: number; database: string };
	durationSeconds: number;
	pageCache: boolean;
	serverNodeOptions: string;
	pages: PageFigures[];
	import: ImportFigures;
	/** The first answers after a write (issue 30). */
	afterWrite: AfterWriteFigures;
	writes: WriteFigures;
	memory: { peakMb: number; rssMaxMb: number };
	timings: { buildS: number; generateS: number | null; totalS: number };
}

function step(message: string) {
	console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function build(): number {
	const started = performance.now();
	step('building (npm run build)');
	const result = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error('npm run build failed');
	return (performance.now() - started) / 1000;
}

/** A representative priority (the board's first active one) and the school with the most results. */
function choosePaths(path: string) {
	const db = new Database(path, { readonly: true });
	try {
		const priority = db
			.prepare("select slug from priority where status = 'active' order by sort_order, id limit 1")
			.pluck()
			.get() as string;
		const school = db
			.prepare(
				"select s.cds_code from school s where s.status = 'open' order by (select count(*) from result r where r.school_id = s.id) desc, s.name limit 1"
			)
			.pluck()
			.get() as string;
		const results = db.prepare('select count(*) from result').pluck().get() as number;
		return { priority, school, results };
	} finally {
		db.close();
	}
}

function startServer(): { child: ChildProcess; log: string } {
	const log = resolve('reports/bench-server.log');
	const flags = values['server-node-options'].split(' ').filter(Boolean);
	// scripts/start.ts, as `npm start` serves: its front door answers kept public pages.
	const child = spawn(process.execPath, [...flags, 'scripts/start.ts'], {
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			THROUGHLINE_TODAY: '2025-06-15',
			THROUGHLINE_QUERY_TIMING: '1',
			...(values['no-cache'] ? { THROUGHLINE_PAGE_CACHE_MB: '0' } : {}),
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const out = createWriteStream(log);
	child.stdout!.pipe(out);
	child.stderr!.pipe(out);
	return { child, log };
}

async function waitUntilUp(child: ChildProcess, log: string) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited; see ${log}`);
		try {
			const response = await fetch(`${origin}/`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`the server did not answer within a minute; see ${log}`);
}

/** Polls the server's resident memory; VmHWM is the kernel's own peak. */
function watchMemory(pid: number) {
	let rssMaxKb = 0;
	let hwmKb = 0;
	const read = () => {
		try {
			const status = readProc(pid);
			rssMaxKb = Math.max(rssMaxKb, status.VmRSS ?? 0);
			hwmKb = Math.max(hwmKb, status.VmHWM ?? 0);
		} catch {
			// the process has gone
		}
	};
	const timer = setInterval(read, 250);
	return {
		stop() {
			read();
			clearInterval(timer);
			return { peakMb: round(hwmKb / 1024), rssMaxMb: round(rssMaxKb / 1024) };
		}
	};
}

function readProc(pid: number): Record<string, number> {
	const text = readFileSync(`/proc/${pid}/status`, 'utf8');
	const fields: Record<string, number> = {};
	for (const line of text.split('\n')) {
		const match = /^(Vm\w+):\s+(\d+) kB/.exec(line);
		if (match) fields[match[1]] = Number(match[2]);
	}
	return fields;
}

function round(value: number, digits = 1) {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** Signs in as the demo board member through the app's /login form; null when there is no auth. */
async function signIn(): Promise<string | null> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ email: 'board@example.org', password: 'throughline-demo' })
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (response.status >= 400 || cookies.length === 0) return null;
	return cookies.join('; ');
}

function serverTiming(header: string | null) {
	const db = /db;dur=([\d.]+);desc="(\d+) queries"/.exec(header ?? '');
	const total = /total;dur=([\d.]+)/.exec(header ?? '');
	return db && total
		? { dbMs: Number(db[1]), queries: Number(db[2]), totalMs: Number(total[1]) }
		: null;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** The process's CPU time so far (utime + stime), in milliseconds. */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return ticks * 10; // USER_HZ is 100 on Linux
}

/** Serves `answer`'s bytes from scripts/bench/bare.ts and loads it as the app was loaded. */
async function measureBare(file: string): Promise<Record<number, LoadFigures>> {
	const barePort = port + 1;
	const flags = values['server-node-options'].split(' ').filter(Boolean);
	const child = spawn(
		process.execPath,
		[...flags, 'scripts/bench/bare.ts', file, String(barePort)],
		{
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	const figures: Record<number, LoadFigures> = {};
	try {
		const url = `http://127.0.0.1:${barePort}/`;
		for (
			let tries = 0;
			!(await fetch(url).then(
				(r) => r.ok,
				() => false
			));
			tries++
		) {
			if (tries > 100) throw new Error('the bare server did not start');
			await new Promise((r) => setTimeout(r, 100));
		}
		for (const connections of connectionCounts) {
			step(`bare node:http, same bytes: ${connections} connections for ${duration} s`);
			figures[connections] = await loadTest(url, { connections, duration, headers: browser });
		}
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	}
	return figures;
}

async function measurePage(
	page: { name: string; path: string; signedIn: boolean; compareBare?: boolean },
	cookie: string | null,
	pid: number
): Promise<PageFigures> {
	const { compareBare, ...named } = page;
	const figures: PageFigures = { ...named, state: 'ok' };
	const headers: Record<string, string> = {
		...browser,
		...(page.signedIn && cookie ? { cookie } : {})
	};
	const first = await fetch(origin + page.path, { headers, redirect: 'manual' });
	const html = await first.text();
	if (first.status === 404) return { ...figures, state: 'not built yet' };
	if (first.status >= 300 && first.status < 400) {
		return { ...figures, state: cookie ? `redirects (${first.status})` : 'no sign-in yet' };
	}
	if (first.status !== 200) return { ...figures, state: `HTTP ${first.status}` };
	figures.htmlBytes = Buffer.byteLength(html);
	figures.coldMs = serverTiming(first.headers.get('server-timing'))?.totalMs;
	figures.weight = pageWeight(
		html,
		first.headers.get('link'),
		new URL(page.path, origin),
		resolve('build/client')
	);
	// Sequential requests: the page's own database and server time, with nothing queued before it.
	const samples = [];
	const sequential = 20;
	const cpuBefore = cpuMs(pid);
	for (let i = 0; i < sequential; i++) {
		const response = await fetch(origin + page.path, { headers });
		await response.arrayBuffer();
		const timing = serverTiming(response.headers.get('server-timing'));
		if (timing) samples.push(timing);
	}
	figures.cpuMs = round((cpuMs(pid) - cpuBefore) / sequential);
	if (samples.length) {
		figures.dbMs = round(median(samples.map((s) => s.dbMs)), 2);
		figures.queries = median(samples.map((s) => s.queries));
		figures.serverMs = round(median(samples.map((s) => s.totalMs)), 2);
	}
	figures.load = {};
	for (const connections of connectionCounts) {
		step(`${page.path}: ${connections} connections for ${duration} s`);
		const before = cpuMs(pid);
		const load = await loadTest(origin + page.path, { connections, duration, headers });
		load.cpuMs = load.requests ? round((cpuMs(pid) - before) / load.requests, 2) : 0;
		figures.load[connections] = load;
	}
	const answer = await capture(origin + page.path, headers);
	figures.wire = {
		bodyBytes: Buffer.from(answer.body, 'base64').byteLength,
		headerBytes: answer.headerBytes,
		encoding:
			answer.headers.find((_, i, all) => all[i - 1]?.toLowerCase() === 'content-encoding') ??
			'identity'
	};
	if (compareBare) {
		const file = resolve(`reports/bench-bare${page.path.replaceAll('/', '-')}.json`);
		saveCapture(file, answer);
		figures.bare = await measureBare(file);
	}
	return figures;
}

/**
 * What a reader meets right after someone saves: the district's "data updated" time is written
 * from another connection (as publishing writes it, and as a CLI import would), which every page
 * reads, so each kept page and download is made again. Each figure gets its own write; the server
 * is given a second after each to finish what it does in the background (the best compression).
 */
async function measureAfterWrites(
	paths: { priority: string },
	cookie: string | null,
	samples = 7
): Promise<AfterWriteFigures> {
	const writer = new Database(databasePath);
	const touch = writer.prepare('update district set data_updated_at = ?');
	const settle = () => new Promise((r) => setTimeout(r, 1000));
	const page = async (path: string, headers: Record<string, string>) => {
		touch.run(new Date().toISOString());
		const started = performance.now();
		const response = await fetch(origin + path, { headers });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
		const ms = performance.now() - started;
		await settle();
		return ms;
	};
	const download = async () => {
		touch.run(new Date().toISOString());
		const started = performance.now();
		const response = await fetch(`${origin}/data/results.csv`, { headers: browser });
		const reader = response.body!.getReader();
		await reader.read();
		const firstByte = performance.now() - started;
		while (!(await reader.read()).done);
		const whole = performance.now() - started;
		await settle();
		return { firstByte, whole };
	};
	try {
		const figures: AfterWriteFigures = { samples };
		const publicPage: number[] = [];
		const boardPage: number[] = [];
		const downloads: { firstByte: number; whole: number }[] = [];
		for (let i = 0; i < samples; i++) {
			publicPage.push(await page(`/priorities/${paths.priority}`, browser));
			if (cookie) boardPage.push(await page('/board', { ...browser, cookie }));
			downloads.push(await download());
		}
		figures.publicPageMs = round(median(publicPage));
		if (boardPage.length) figures.boardPageMs = round(median(boardPage));
		figures.downloadFirstByteMs = round(median(downloads.map((d) => d.firstByte)));
		figures.downloadMs = round(median(downloads.map((d) => d.whole)));
		return figures;
	} finally {
		writer.close();
	}
}

async function main() {
	const started = performance.now();
	const loadAtStart = loadavg();
	mkdirSync('reports', { recursive: true });
	const buildS = values['skip-build'] ? 0 : build();
	let generateS: number | null = null;
	if (!existsSync(databasePath)) {
		step(`generating ${schools} schools × ${years} years into ${databasePath}`);
		const generated = await generateBenchDatabase({
			schools,
			years,
			seed: defaultBenchData.seed,
			out: databasePath
		});
		generateS = generated.ms / 1000;
	}
	const chosen = choosePaths(databasePath);
	const pages = [
		{ name: 'Public summary', path: '/', signedIn: false, compareBare: true },
		{
			name: 'Priority page',
			path: `/priorities/${chosen.priority}`,
			signedIn: false,
			compareBare: true
		},
		{ name: 'School page', path: `/schools/${chosen.school}`, signedIn: false },
		{ name: 'Board overview', path: '/board', signedIn: true },
		{ name: 'Coherence matrix', path: '/board/coherence', signedIn: true },
		{ name: 'Scale', path: '/board/scale', signedIn: true }
	];

	step(`starting the server on ${origin} with ${databasePath}`);
	const { child, log } = startServer();
	const memory = watchMemory(child.pid!);
	const measured: PageFigures[] = [];
	let memoryFigures: { peakMb: number; rssMaxMb: number };
	let afterWrite: AfterWriteFigures;
	try {
		await waitUntilUp(child, log);
		const cookie = await signIn();
		step(cookie ? 'signed in as board@example.org' : 'no sign-in available yet');
		for (const page of pages) measured.push(await measurePage(page, cookie, child.pid!));
		step('the first answers after a write');
		afterWrite = await measureAfterWrites(chosen, cookie);
	} finally {
		memoryFigures = memory.stop();
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	}

	step('timing an import');
	const imported = await measureImport();
	step('timing writes: publishing an update, holding a meeting');
	const writes = measureWrites(databasePath, '2025-06-15');

	const report: BenchReport = {
		at: new Date().toISOString(),
		machine: { cpus: availableParallelism(), node: process.version, load: loadAtStart },
		district: { schools, years, results: chosen.results, database: databasePath },
		durationSeconds: duration,
		pageCache: !values['no-cache'],
		serverNodeOptions: values['server-node-options'],
		pages: measured,
		import: imported,
		afterWrite,
		writes,
		memory: memoryFigures,
		timings: {
			buildS: round(buildS),
			generateS,
			totalS: round((performance.now() - started) / 1000)
		}
	};
	const markdown = formatReport(report, targets);
	console.log(markdown);
	if (values.out) {
		const out = resolve(values.out);
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out, JSON.stringify({ ...report, markdown }, null, '\t') + '\n');
		step(`wrote ${out}`);
	}
}

await main();
