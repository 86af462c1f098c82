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

export const targets: Target[] = [
	{
		name: 'Public summary p95 at 50 connections',
		value: (r) => p95At50(page(r, '/')),
		limit: 25,
		kind: 'max',
		unit: 'ms'
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
		'| page | conn. | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req | DB ms (queries) | server ms (first) | HTML KB | JS gz KB | CSS gz KB |',
		'| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |'
	);
	for (const p of report.pages) {
		const label = `${p.name} \`${p.path}\``;
		if (p.state !== 'ok' || !p.load) {
			lines.push(`| ${label} | ${p.state} | | | | | | | | | | | |`);
			continue;
		}
		const fixed = [
			p.dbMs === undefined ? '—' : `${p.dbMs} (${p.queries})`,
			`${p.serverMs ?? '—'} (${p.coldMs ?? '—'})`,
			kb(p.htmlBytes ?? 0),
			kb(p.weight?.jsGzip ?? 0),
			kb(p.weight?.cssGzip ?? 0)
		].join(' | ');
		for (const load of Object.values(p.load)) {
			lines.push(
				`| ${label} | ${load.connections} | ${number(load.requestsPerSecond)} | ${load.p50} | ${load.p95} | ${load.p99} | ${load.errors} | ${load.cpuMs ?? '—'} | ${fixed} |`
			);
		}
	}
	lines.push('');
	const imported = report.import;
	if (imported.state !== 'ok') lines.push(`Import: ${imported.state}.`);
	for (const [label, run] of [
		['Dashboard sample files', imported.dashboard],
		['Large Dashboard file (1,000 schools)', imported.large]
	] as const) {
		if (run) {
			lines.push(
				`Import, ${label}: ${number(run.rows)} rows in ${run.files} file(s), ${run.seconds} s = **${number(run.rowsPerSecond)} rows/s**.`
			);
		}
	}
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
