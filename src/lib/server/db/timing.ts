/**
 * Per-request database time, for the benchmark (THROUGHLINE_QUERY_TIMING=1). better-sqlite3 is
 * synchronous, so the time a statement takes is exactly the time spent inside `prepare`, `all`,
 * `get` and `run`; an AsyncLocalStorage accumulator attributes it to the request that ran it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

export interface QueryTiming {
	/** Statements prepared or run. */
	queries: number;
	/** Milliseconds spent in SQLite. */
	ms: number;
}

const accumulator = new AsyncLocalStorage<QueryTiming>();

export function queryTimingEnabled(): boolean {
	return process.env.THROUGHLINE_QUERY_TIMING === '1';
}

/** Runs `work` with a fresh accumulator, which fills in as its statements run. */
export function withQueryTiming<T>(work: () => T): { timing: QueryTiming; result: T } {
	const timing: QueryTiming = { queries: 0, ms: 0 };
	return { timing, result: accumulator.run(timing, work) };
}

function timed<A extends unknown[], R>(original: (...args: A) => R, counts: boolean) {
	return function (this: unknown, ...args: A): R {
		const timing = accumulator.getStore();
		if (!timing) return original.apply(this, args);
		const started = performance.now();
		try {
			return original.apply(this, args);
		} finally {
			timing.ms += performance.now() - started;
			if (counts) timing.queries++;
		}
	};
}

/**
 * Makes every statement later prepared on `client` add its time to the current accumulator.
 * (raw(), pluck() and expand() return the statement itself, so they keep the timed methods.)
 */
export function timeStatements(client: Database.Database): void {
	const prepare = timed(client.prepare.bind(client), false);
	client.prepare = ((source: string) => {
		const statement = prepare(source);
		for (const name of ['all', 'get', 'run'] as const) {
			const original = statement[name] as (...args: unknown[]) => unknown;
			Object.defineProperty(statement, name, { value: timed(original, true) });
		}
		return statement;
	}) as typeof client.prepare;
}

/** The Server-Timing header: `db;dur=1.23;desc="7 queries", total;dur=4.56` (total: the whole request). */
export function serverTimingHeader(timing: QueryTiming, totalMs: number): string {
	return `db;dur=${timing.ms.toFixed(2)};desc="${timing.queries} queries", total;dur=${totalMs.toFixed(2)}`;
}
