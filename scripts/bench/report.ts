// The benchmark's markdown report and its targets (issue 8).
import type { BenchReport, PageFigures } from './run.ts';

export interface Target {
	name: string;
	/** The measured figure, or null when it could not be measured. */
	value: (report: BenchReport) => number | null;
	limit: number;
	/** 'max': the value must stay below the limit; 'min': at least the limit. */
	kind: 'max' | 'min';
	unit: string;
}

const page = (report: BenchReport, path: string) =>
	report.pages.find((p) => p.path === path && p.state === 'ok');
const p95At50 = (figures: PageFigures | undefined) => figures?.load?.[50]?.p95 ?? null;
const named = (report: BenchReport, name: string) =>
	report.pages.find((p) => p.name === name && p.state === 'ok');

/** The kept page's throughput over the bare server's, at 50 connections. */
export function bareRatio(figures: PageFigures | undefined, connections = 50): number | null {
	const app = figures?.load?.[connections]?.requestsPerSecond;
	const bare = figures?.bare?.[connections]?.requestsPerSecond;
	return app && bare ? Math.round((app / bare) * 100) / 100 : null;
}

/** What the first round trip must carry: the status line, headers and the (compressed) body. */
export const firstFlight = (figures: PageFigures | undefined) =>
	figures?.wire ? figures.wire.headerBytes + figures.wire.bodyBytes : null;

/** TCP's initial window: 10 segments, ~14 KB. */
export const firstFlightLimit = 14 * 1024;

export const targets: Target[] = [
	{
		name: 'Public summary p95 at 50 connections',
		value: (r) => p95At50(page(r, '/')),
		limit: 25,
		kind: 'max',
		unit: 'ms'
	},
	{
		name: 'Kept public summary vs bare node:http, same bytes, 50 connections',
		value: (r) => bareRatio(page(r, '/')),
		limit: 0.5,
		kind: 'min',
		unit: '×'
	},
	{
		name: 'First flight of `/` (headers + brotli body)',
		value: (r) => firstFlight(page(r, '/')),
		limit: firstFlightLimit,
		kind: 'max',
		unit: 'B'
	},
	{
		name: 'First flight of the priority page (headers + brotli body)',
		value: (r) => firstFlight(named(r, 'Priority page')),
		limit: firstFlightLimit,
		kind: 'max',
		unit: 'B'
	},
	{
		name: 'Coherence matrix p95 at 50 connections',
		value: (r) => p95At50(page(r, '/board/coherence')),
		limit: 150,
		kind: 'max',
		unit: 'ms'
	},
	{
		name: "Public summary's initial JavaScript (gzip)",
		value: (r) => {
			const weight = page(r, '/')?.weight;
			return weight ? kb(weight.jsGzip) : null;
		},
		limit: 40,
		kind: 'max',
		unit: 'KB'
	},
	{
		name: 'Board overview p95 at 50 connections (signed in, kept per person)',
		value: (r) => p95At50(named(r, 'Board overview')),
		limit: 50,
		kind: 'max',
		unit: 'ms'
	},
	{
		name: 'Public priority page, first answer after a write',
		value: (r) => r.afterWrite?.publicPageMs ?? null,
		limit: 150,
		kind: 'max',
		unit: 'ms'
	},
	{
		name: 'Board overview, first answer after a write',
		value: (r) => r.afterWrite?.boardPageMs ?? null,
		limit: 250,
		kind: 'max',
		unit: 'ms'
	},
	{
		name: '`/data/results.csv` first byte after a write',
		value: (r) => r.afterWrite?.downloadFirstByteMs ?? null,
		limit: 200,
		kind: 'max',
		unit: 'ms'
	},
	{
		name: "Publishing an update (its meeting's record frozen with it)",
		value: (r) => r.writes?.publishMs ?? null,
		limit: 500,
		kind: 'max',
		unit: 'ms'
	},
	{
		name: 'Statewide Dashboard file read (200,000 rows, the district’s kept)',
		value: (r) => r.import.statewide?.rowsPerSecond ?? null,
		limit: 50_000,
		kind: 'min',
		unit: 'rows/s'
	},
	{
		name: 'Import throughput (large Dashboard file)',
		value: (r) => r.import.large?.rowsPerSecond ?? null,
		limit: 50_000,
		kind: 'min',
		unit: 'rows/s'
	},
	{
		name: 'Server peak memory (VmHWM)',
		value: (r) => r.memory.peakMb || null,
		limit: 300,
		kind: 'max',
		unit: 'MB'
	}
];

function kb(bytes: number): number {
	return Math.round(bytes / 102.4) / 10;
}

const number = (value: number) => value.toLocaleString('en-US');

export function formatReport(report: BenchReport, list: Target[]): string {
	const lines: string[] = [];
	lines.push(
		`District: ${number(report.district.schools)} schools, ${report.district.years} years, ${number(report.district.results)} results. ` +
			`${report.machine.cpus} CPUs, Node ${report.machine.node}, ${report.durationSeconds} s per run, public page cache ${report.pageCache ? 'on' : 'off'}, ` +
			`server flags: ${report.serverNodeOptions || 'none'}, ` +
			`load average ${report.machine.load.map((l) => l.toFixed(1)).join(' / ')} at the start. ${report.at.slice(0, 16)}Z.`,
		'',
		'| page | conn. | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req | DB ms (queries) | server ms (first) | HTML KB | sent KB | JS gz KB | CSS gz KB |',
		'| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |'
	);
	for (const p of report.pages) {
		const label = `${p.name} \`${p.path}\``;
		if (p.state !== 'ok' || !p.load) {
			lines.push(`| ${label} | ${p.state} | | | | | | | | | | | | |`);
			continue;
		}
		const fixed = [
			p.dbMs === undefined ? '—' : `${p.dbMs} (${p.queries})`,
			`${p.serverMs ?? '—'} (${p.coldMs ?? '—'})`,
			kb(p.htmlBytes ?? 0),
			p.wire ? `${kb(p.wire.bodyBytes)} ${p.wire.encoding}` : '—',
			kb(p.weight?.jsGzip ?? 0),
			kb(p.weight?.cssGzip ?? 0)
		].join(' | ');
		for (const load of Object.values(p.load)) {
			lines.push(
				`| ${label} | ${load.connections} | ${number(load.requestsPerSecond)} | ${load.p50} | ${load.p95} | ${load.p99} | ${load.errors} | ${load.cpuMs ?? '—'} | ${fixed} |`
			);
		}
	}
	const compared = report.pages.filter((p) => p.bare && p.load);
	if (compared.length) {
		lines.push(
			'',
			'Kept pages against a bare node:http server sending the same bytes (headers and brotli body), same run, same requests:',
			'',
			'| page | conn. | app req/s | bare req/s | ratio | app p99 ms | bare p99 ms | errors (app / bare) |',
			'| --- | --: | --: | --: | --: | --: | --: | --: |'
		);
		for (const p of compared) {
			for (const [connections, bare] of Object.entries(p.bare!)) {
				const app = p.load![Number(connections)];
				lines.push(
					`| ${p.name} \`${p.path}\` | ${connections} | ${number(app.requestsPerSecond)} | ${number(bare.requestsPerSecond)} | **${bareRatio(p, Number(connections))}** | ${app.p99} | ${bare.p99} | ${app.errors} / ${bare.errors} |`
				);
			}
		}
	}
	const flights = report.pages.filter((p) => p.wire && !p.signedIn);
	if (flights.length) {
		lines.push(
			'',
			`First flight (status line + headers + body as sent; TCP's first round trip carries ~${number(firstFlightLimit)} B):`,
			'',
			'| page | encoding | headers B | body B | total B | fits? |',
			'| --- | --- | --: | --: | --: | --- |'
		);
		for (const p of flights) {
			const total = firstFlight(p)!;
			lines.push(
				`| ${p.name} \`${p.path}\` | ${p.wire!.encoding} | ${number(p.wire!.headerBytes)} | ${number(p.wire!.bodyBytes)} | ${number(total)} | ${total <= firstFlightLimit ? 'yes' : '**no**'} |`
			);
		}
	}
	lines.push('');
	const imported = report.import;
	if (imported.state !== 'ok') lines.push(`Import: ${imported.state}.`);
	for (const [label, run] of [
		['Dashboard sample files', imported.dashboard],
		['Large Dashboard file (1,000 schools)', imported.large],
		['Statewide Dashboard file (every district, the district’s rows kept)', imported.statewide]
	] as const) {
		if (run) {
			lines.push(
				`Import, ${label}: ${number(run.rows)} rows in ${run.files} file(s), ${run.seconds} s = **${number(run.rowsPerSecond)} rows/s**.`
			);
		}
	}
	const after = report.afterWrite;
	if (after?.samples) {
		lines.push(
			`First answers after a write (median of ${after.samples}, each after its own write): public priority page ${after.publicPageMs} ms, board overview ${after.boardPageMs ?? '—'} ms, \`/data/results.csv\` first byte ${after.downloadFirstByteMs} ms (whole file ${after.downloadMs} ms).`
		);
	}
	const writes = report.writes;
	if (writes?.state === 'ok') {
		lines.push(
			`Writes (median): publishing an update and freezing its meeting's record ${writes.publishMs} ms (${writes.publishes}), holding a meeting ${writes.holdMs} ms (${writes.holds}).`
		);
	} else if (writes) lines.push(`Writes: ${writes.state}.`);
	lines.push(
		`Server memory: peak ${report.memory.peakMb} MB (VmHWM), largest sampled RSS ${report.memory.rssMaxMb} MB.`,
		'',
		'| target | limit | measured | met? |',
		'| --- | --: | --: | --- |'
	);
	for (const target of list) {
		const value = target.value(report);
		const sign = target.kind === 'max' ? '<' : '≥';
		const met =
			value === null
				? 'not measured'
				: (target.kind === 'max' ? value < target.limit : value >= target.limit)
					? 'yes'
					: '**no**';
		lines.push(
			`| ${target.name} | ${sign} ${number(target.limit)} ${target.unit} | ${value === null ? '—' : `${number(value)} ${target.unit}`} | ${met} |`
		);
	}
	return lines.join('\n');
}
