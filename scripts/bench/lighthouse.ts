// `npm run lighthouse`: builds, serves the demo district and runs Lighthouse (mobile, its default
// simulated throttling) on the public summary, a priority page and a school page. Prints each
// category's score and the audits that fell short; writes reports/lighthouse/{home,priorities,schools}.json and summary.json.
// Chromium: CHROME_PATH (default /usr/bin/chromium). `--skip-build` reuses build/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/lib/server/db/open.ts';
import { seedDemo } from '../../src/lib/server/demo/index.ts';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4503' },
		'skip-build': { type: 'boolean', default: false },
		/** The lowest acceptable score in every category (the command fails below it). */
		min: { type: 'string', default: '95' }
	}
});
const origin = `http://127.0.0.1:${values.port}`;
const outDir = resolve('reports/lighthouse');
const databasePath = resolve('reports/lighthouse.db');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

interface LighthouseResult {
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<
		string,
		{ id: string; title: string; score: number | null; displayValue?: string }
	>;
}

function log(message: string) {
	console.error(`[lighthouse] ${message}`);
}

if (!values['skip-build']) {
	log('building');
	const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (built.status !== 0) throw new Error('npm run build failed');
}

for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
const db = openDatabase(databasePath);
await seedDemo(db);
db.$client.close();

const read = new Database(databasePath, { readonly: true });
const priority = read
	.prepare("select slug from priority where status = 'active' order by sort_order, id limit 1")
	.pluck()
	.get() as string;
const school = read
	.prepare("select cds_code from school where status = 'open' order by name limit 1")
	.pluck()
	.get() as string;
read.close();
const pages = ['/', `/priorities/${priority}`, `/schools/${school}`];

const server = spawn(process.execPath, ['build'], {
	env: {
		...process.env,
		DATABASE_PATH: databasePath,
		PORT: values.port,
		HOST: '127.0.0.1',
		ORIGIN: origin,
		THROUGHLINE_TODAY: '2025-06-15'
	},
	stdio: 'ignore'
});

const summary: { page: string; scores: Record<string, number | null>; shortfalls: string[] }[] = [];
try {
	for (let tries = 0; ; tries++) {
		if (tries > 120) throw new Error('the server did not start');
		const up = await fetch(`${origin}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	mkdirSync(outDir, { recursive: true });
	for (const page of pages) {
		const file = resolve(outDir, `${page === '/' ? 'home' : page.split('/')[1]}.json`);
		log(`auditing ${page}`);
		const run = spawnSync(
			'npx',
			[
				'lighthouse',
				origin + page,
				'--quiet',
				'--output=json',
				`--output-path=${file}`,
				`--only-categories=${categories.join(',')}`,
				'--chrome-flags=--headless --no-sandbox --disable-gpu'
			],
			{
				stdio: ['ignore', 'ignore', 'inherit'],
				env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }
			}
		);
		if (run.status !== 0 || !existsSync(file)) throw new Error(`lighthouse failed on ${page}`);
		const result: LighthouseResult = JSON.parse(readFileSync(file, 'utf8'));
		const scores = Object.fromEntries(
			categories.map((c) => [
				c,
				result.categories[c].score === null ? null : Math.round(result.categories[c].score! * 100)
			])
		);
		// The audits that cost points: scored below 1 and weighing in some category.
		const weighed = new Set(
			Object.values(result.categories).flatMap((c) =>
				c.auditRefs.filter((a) => a.weight > 0).map((a) => a.id)
			)
		);
		const shortfalls = Object.values(result.audits)
			.filter((a) => weighed.has(a.id) && a.score !== null && a.score < 0.9)
			.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
		summary.push({ page, scores, shortfalls });
	}
} finally {
	server.kill('SIGTERM');
}

const min = Number(values.min);
const lines = [
	`| page | ${categories.join(' | ')} |`,
	`| --- | ${categories.map(() => '--:').join(' | ')} |`,
	...summary.map(
		(s) => `| \`${s.page}\` | ${categories.map((c) => s.scores[c] ?? '—').join(' | ')} |`
	)
];
for (const s of summary) {
	if (s.shortfalls.length) lines.push('', `${s.page} falls short on: ${s.shortfalls.join(', ')}`);
}
console.log(lines.join('\n'));
writeFileSync(resolve(outDir, 'summary.json'), JSON.stringify(summary, null, '\t') + '\n');
const failed = summary.some((s) => categories.some((c) => (s.scores[c] ?? 0) < min));
process.exit(failed ? 1 : 0);
