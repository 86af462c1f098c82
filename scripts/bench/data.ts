// `npm run bench:data -- --schools 1000 --years 10 --out reports/bench.db`: a large district,
// generated deterministically by the demo generator, with the demo's sign-in accounts.
import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoUsers } from '../../src/lib/server/auth/index.ts';
import { openDatabase } from '../../src/lib/server/db/open.ts';
import { generateDistrict, type DistrictOptions } from '../../src/lib/server/demo/index.ts';

export interface BenchDataOptions {
	schools: number;
	years: number;
	seed: number;
	out: string;
}

export const defaultBenchData: BenchDataOptions = {
	schools: 1000,
	years: 10,
	seed: 20250615,
	out: 'reports/bench.db'
};

/** Generates the district into `out` (written beside it, then renamed, so a crash leaves nothing). */
export async function generateBenchDatabase(options: BenchDataOptions) {
	const out = resolve(options.out);
	const partial = `${out}.partial`;
	for (const path of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(path, { force: true });
	const started = performance.now();
	const db = openDatabase(partial);
	// The demo's accounts (admin@, superintendent@, staff@, board@example.org) come first: the
	// generator names the existing board members and superintendent as authors.
	const users = (await seedDemoUsers(db)).map((account) => account.email);
	const district: DistrictOptions = {
		seed: options.seed,
		schools: options.schools,
		years: options.years,
		lastYear: 2024
	};
	generateDistrict(db, district);
	db.$client.pragma('optimize');
	const count = (table: string) =>
		(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
	const counts = {
		schools: count('school'),
		results: count('result'),
		structures: count('structure'),
		checkIns: count('check_in'),
		leaders: count('leader_tenure'),
		updates: count('progress_update'),
		users: count('user')
	};
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${out}${suffix}`, { force: true });
	renameSync(partial, out);
	rmSync(`${partial}-wal`, { force: true });
	rmSync(`${partial}-shm`, { force: true });
	return { path: out, ms: Math.round(performance.now() - started), counts, users };
}

if (import.meta.main) {
	const { values } = parseArgs({
		options: {
			schools: { type: 'string', default: String(defaultBenchData.schools) },
			years: { type: 'string', default: String(defaultBenchData.years) },
			seed: { type: 'string', default: String(defaultBenchData.seed) },
			out: { type: 'string', default: defaultBenchData.out }
		}
	});
	const result = await generateBenchDatabase({
		schools: Number(values.schools),
		years: Number(values.years),
		seed: Number(values.seed),
		out: values.out
	});
	console.log(
		`Generated ${result.path} in ${(result.ms / 1000).toFixed(1)} s: ${JSON.stringify(result.counts)}`
	);
	console.log(`Sign in as ${result.users.join(', ')} (password: throughline-demo).`);
}
