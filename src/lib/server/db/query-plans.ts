/**
 * Reads SQLite's query plans against a district's statistics, for the query-plan test: which
 * statements a piece of code runs (`recordStatements`), and for each, how many rows its plan
 * reads by the statistics in `sqlite_stat1` (`readPlan`). Estimates follow the planner's own:
 * a search by an index's first k columns reads the k-th figure of that index's statistics.
 */
import type Database from 'better-sqlite3';

export interface RecordedStatement {
	sql: string;
	args: unknown[];
}

/**
 * Records every statement later run on `client` (by drizzle or raw), once per SQL text, with the
 * arguments of its first run (EXPLAIN needs them bound).
 */
export function recordStatements(client: Database.Database): Map<string, RecordedStatement> {
	const seen = new Map<string, RecordedStatement>();
	const prepare = client.prepare.bind(client);
	client.prepare = ((source: string) => {
		const statement = prepare(source);
		for (const name of ['all', 'get', 'run', 'iterate'] as const) {
			const original = statement[name] as (...args: unknown[]) => unknown;
			Object.defineProperty(statement, name, {
				value(...args: unknown[]) {
					if (!seen.has(source)) seen.set(source, { sql: source, args });
					return original.apply(statement, args);
				}
			});
		}
		return statement;
	}) as typeof client.prepare;
	return seen;
}

/** Rows per table and per key prefix of each index, as `sqlite_stat1` holds them. */
export interface Statistics {
	rows: Map<string, number>;
	/** Index name → [rows, rows per value of column 1, of columns 1–2, …]. */
	indexes: Map<string, number[]>;
}

export function readStatistics(client: Database.Database): Statistics {
	const stats = client.prepare('select tbl, idx, stat from sqlite_stat1').all() as {
		tbl: string;
		idx: string | null;
		stat: string;
	}[];
	const rows = new Map<string, number>();
	const indexes = new Map<string, number[]>();
	for (const { tbl, idx, stat } of stats) {
		const figures = stat
			.split(' ')
			.map(Number)
			.filter((n) => Number.isFinite(n));
		rows.set(tbl, Math.max(rows.get(tbl) ?? 0, figures[0]));
		if (idx) indexes.set(idx, figures);
	}
	return { rows, indexes };
}

export interface PlanStep {
	detail: string;
	table: string | null;
	/** A whole table (or whole index) read from start to end. */
	fullScan: boolean;
	/** Rows this step reads each time it runs. */
	perRun: number;
	/** Rows it reads in all: per run × the rows of the loops around it. */
	total: number;
}

const keywords = new Set(
	'where on left right inner outer cross natural join using group order limit union select set values as'.split(
		' '
	)
);

/** The tables a statement names, by the alias or name its plan uses for them. */
export function aliasesOf(sql: string): Map<string, string> {
	const aliases = new Map<string, string>();
	const pattern =
		/\b(?:from|join|update|into)\s+["`]?(\w+)["`]?(?:\s+(?:as\s+)?["`]?(\w+)["`]?)?/gi;
	for (const [, table, alias] of sql.matchAll(pattern)) {
		aliases.set(table, table);
		if (alias && !keywords.has(alias.toLowerCase())) aliases.set(alias, table);
	}
	return aliases;
}

/**
 * Each step of the statement's plan with the rows it reads. Steps under one parent run nested, in
 * order (a join); a correlated subquery runs once per row of the loops before it.
 */
export function readPlan(
	client: Database.Database,
	statement: RecordedStatement,
	stats: Statistics
): PlanStep[] {
	const plan = client
		.prepare(`explain query plan ${statement.sql}`)
		.all(...(statement.args as never[])) as { id: number; parent: number; detail: string }[];
	const aliases = aliasesOf(statement.sql);
	// A statement that only orders and limits stops after its limit when its order needs no
	// sorting (`order by id desc limit 1`): its scan reads a handful of rows, not the table.
	const stopsEarly =
		/\blimit\b/i.test(statement.sql) &&
		!/\bwhere\b|\bjoin\b|\bgroup\s+by\b/i.test(statement.sql) &&
		!plan.some((row) => /TEMP B-TREE/.test(row.detail));
	// The rows read so far by the loops open at each parent, and what runs a node's children.
	const loops = new Map<number, number>();
	const runsOf = new Map<number, number>([[0, 1]]);
	const steps: PlanStep[] = [];
	for (const row of plan) {
		const runs = (runsOf.get(row.parent) ?? 1) * (loops.get(row.parent) ?? 1);
		const loop = /^(SCAN|SEARCH) (\S+)(?: USING (.*))?$/.exec(row.detail);
		if (!loop) {
			// A correlated subquery runs per row of the loops before it; any other once.
			runsOf.set(row.id, /CORRELATED/.test(row.detail) ? runs : (runsOf.get(row.parent) ?? 1));
			continue;
		}
		const [, kind, name, using = ''] = loop;
		const table = aliases.get(name) ?? (stats.rows.has(name) ? name : null);
		const tableRows = table ? (stats.rows.get(table) ?? 1) : 1;
		const fullScan = (kind === 'SCAN' && !stopsEarly) || /AUTOMATIC/.test(using);
		const perRun =
			kind === 'SCAN' ? (stopsEarly ? 1 : tableRows) : searchRows(using, tableRows, stats);
		loops.set(row.parent, (loops.get(row.parent) ?? 1) * Math.max(1, perRun));
		runsOf.set(row.id, runs);
		steps.push({ detail: row.detail, table, fullScan, perRun, total: runs * perRun });
	}
	return steps;
}

function searchRows(using: string, tableRows: number, stats: Statistics): number {
	const terms = /\((.*)\)/.exec(using)?.[1].split(' AND ') ?? [];
	const equal = terms.filter((t) => /=\?$/.test(t) && !/[<>]/.test(t)).length;
	const range = terms.length > equal;
	let rows = tableRows;
	if (/PRIMARY KEY/.test(using)) rows = equal > 0 ? 1 : tableRows;
	else {
		const index = /INDEX (\S+)/.exec(using)?.[1];
		const figures = index ? stats.indexes.get(index) : undefined;
		if (figures) rows = equal > 0 ? (figures[equal] ?? 1) : figures[0];
	}
	// The planner's own guess for a range: a quarter of the rows.
	return range ? Math.max(1, Math.round(rows / 4)) : rows;
}
