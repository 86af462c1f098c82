/**
 * The statements the product runs against its large tables stay on their indexes at any size
 * (issue 30). A small generated district runs the generator, the public pages, the board's pages,
 * the open data, the exports, the audit trail, the sign-in throttle and an import while every
 * statement is recorded; then each is planned by SQLite against the statistics of the benchmark's
 * district (1,000 schools × 10 years, tests/fixtures/large-district-stat1.json) and must neither
 * read a large table from end to end (unless it reads every row on purpose, listed below) nor read
 * more rows of it in all than the table holds (a join whose every probe reads a whole school year).
 *
 * The statistics are `select tbl, idx, stat from sqlite_stat1` of `npm run bench:data` after
 * `ANALYZE`, with the tables that grow with use rather than with schools (the audit trail, the
 * throttle's failures, sessions) set to a few years of use. Regenerate them after adding an index.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/index.ts';
import { historyOf, searchAudit } from '../audit/history.ts';
import { recentFailures, reserveAttempt, throttleVerdict } from '../auth/throttle.ts';
import { generateDistrict } from '../demo/index.ts';
import { exportTables, tableCsv } from '../exports/index.ts';
import { importFile } from '../imports/index.ts';
import { coherenceMatrix, listSchoolYears, scaleProfiles } from '../implementation/queries.ts';
import { leadershipOverview } from '../leadership/queries.ts';
import { publicMeetingList, publicMeetingRecord } from '../meetings/public-record.ts';
import { deckForReader } from '../meetings/snapshots.ts';
import { answerApi } from '../opendata/api.ts';
import { datasets } from '../opendata/datasets.ts';
import { downloadFile } from '../opendata/downloads.ts';
import { openDataCatalog } from '../opendata/catalog-page.ts';
import { priorityReview } from '../views/priority-review.ts';
import { priorityChangeLog } from '../priorities/plan-changes.ts';
import { portfolioSummary } from '../priorities/portfolio.ts';
import { priorityPage, publicSummary } from '../views/public-summary.ts';
import {
	listSchools,
	publicSchoolByCds,
	schoolEnrollment,
	schoolResults
} from '../schools/queries.ts';
import { keptBoardSignals } from '../views/signals.ts';
import { throughlineGraph } from '../throughline/map.ts';
import { scratchFolder, testDb } from '../testing.ts';
import type { DbFile } from './open.ts';
import {
	readPlan,
	readStatistics,
	recordStatements,
	type RecordedStatement
} from './query-plans.ts';

/** A table is large from this many rows in the large district. */
const largeTable = 10_000;

/**
 * Statements that read every row of a large table on purpose: nothing narrower would answer them.
 * Each with why.
 */
const wholeTableReads: { pattern: RegExp; why: string }[] = [
	{
		pattern: /^select count\(\*\) from "audit_log"$/,
		why: "the audit trail's pager counts its entries (through the narrowest index)"
	}
];

/** Tables that grow with use, not with schools: a few years of a busy district. */
const growsWithUse = [
	{ tbl: 'audit_log', idx: 'audit_at_idx', stat: '200000 1' },
	{ tbl: 'audit_log', idx: 'audit_entity_idx', stat: '200000 10000 20 2' },
	{ tbl: 'audit_log', idx: 'audit_user_idx', stat: '200000 2000 1' },
	{ tbl: 'sign_in_failure', idx: 'sign_in_failure_email_idx', stat: '20000 20 1' },
	{ tbl: 'sign_in_failure', idx: 'sign_in_failure_address_idx', stat: '20000 10 1' },
	{ tbl: 'session', idx: 'session_user_idx', stat: '5000 5' }
];

const files = scratchFolder('query-plans-');
let db: DbFile;
let recorded: Map<string, RecordedStatement>;

function exercise(db: DbFile) {
	generateDistrict(db, { seed: 7, schools: 12, years: 4, lastYear: 2024 });
	const today = '2025-06-15';
	process.env.THROUGHLINE_TODAY = today;
	publicSummary(db);
	const slugs = db.$client.prepare('select slug from priority').pluck().all() as string[];
	const board = keptBoardSignals(db);
	for (const slug of slugs) {
		priorityPage(db, slug);
		priorityChangeLog(db, slug);
		priorityReview(db, slug, board);
	}
	const suppression = 10;
	for (const school of listSchools(db).slice(0, 3)) {
		const found = publicSchoolByCds(db, school.cdsCode);
		if (!found) continue;
		schoolResults(db, found.id, suppression);
		schoolEnrollment(db, found.id, suppression);
	}
	for (const year of listSchoolYears(db))
		coherenceMatrix(db, { yearId: year.id, schoolType: null, priorityId: null, sort: 'name' });
	scaleProfiles(db);
	portfolioSummary(db);
	leadershipOverview(db, today);
	throughlineGraph(db);
	for (const meeting of publicMeetingList(db)) {
		publicMeetingRecord(db, meeting.id);
		deckForReader(db, meeting.id, true);
	}
	openDataCatalog(db);
	for (const dataset of datasets) {
		// Files are written as they are read: their bodies run the statements.
		for (const [file, filter] of [
			[`${dataset.name}.csv`, {}],
			[`${dataset.name}.json`, { school: 'district' }]
		] as const) {
			const made = downloadFile(db, file, new URLSearchParams(filter));
			if (made.status === 200) expect(made.body.length).toBeGreaterThan(0);
		}
		answerApi(db, dataset.name, new URLSearchParams({ per_page: '5', page: '2' }));
	}
	for (const table of exportTables) tableCsv(db, table, 'editor');
	searchAudit(db, {});
	searchAudit(db, { entity: 'result', person: 'admin' });
	historyOf(db, 'priority', 1);
	const now = Date.parse(`${today}T12:00:00Z`);
	reserveAttempt(db, 'someone@example.org', '192.0.2.1', 'password', now);
	throttleVerdict(db, 'someone@example.org', '192.0.2.1', now);
	recentFailures(db, 'someone@example.org', now);
}

beforeAll(async () => {
	db = testDb();
	recorded = recordStatements(db.$client);
	exercise(db);
	// An exported results file imported back: the import's reads of what is already there.
	const results = exportTables.find((t) => t.name === 'results')!;
	files.write('results.csv', tableCsv(db, results, 'editor'));
	await importFile(db, files.path('results.csv'), 'results.csv', systemActor);

	const stats = JSON.parse(
		readFileSync(resolve('tests/fixtures/large-district-stat1.json'), 'utf8')
	) as { tbl: string; idx: string | null; stat: string }[];
	const client = db.$client;
	client.exec('analyze; delete from sqlite_stat1;');
	// Samples of the small district would mislead the planner: the large district's are not kept.
	if (client.prepare("select 1 from sqlite_schema where name = 'sqlite_stat4'").get())
		client.exec('delete from sqlite_stat4');
	const insert = client.prepare('insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)');
	for (const row of [
		...stats.filter((s) => !growsWithUse.some((g) => g.tbl === s.tbl)),
		...growsWithUse
	])
		insert.run(row.tbl, row.idx, row.stat);
	// The planner reads the statistics again.
	client.exec('analyze sqlite_schema');
});

afterAll(() => db.$client.close());

describe('query plans at the largest district', () => {
	it('read no large table from end to end, and no more of it than it holds', () => {
		const stats = readStatistics(db.$client);
		const large = new Set([...stats.rows].filter(([, n]) => n >= largeTable).map(([t]) => t));
		expect(large).toContain('result');
		expect(large).toContain('check_in');
		expect(large).toContain('audit_log');
		const problems: string[] = [];
		let planned = 0;
		for (const statement of recorded.values()) {
			if (
				!/^\s*(select|with|update|delete|insert\s+into\s+\S+\s*(\([^)]*\))?\s*select)/i.test(
					statement.sql
				)
			)
				continue;
			planned++;
			for (const step of readPlan(db.$client, statement, stats)) {
				if (!step.table || !large.has(step.table)) continue;
				const whole = wholeTableReads.some((w) => w.pattern.test(statement.sql));
				if (step.fullScan && !whole)
					problems.push(`reads all of ${step.table} (${step.detail}):\n${statement.sql}`);
				// Estimates round: a read of the whole table by an index comes out a little over.
				else if (step.total > 1.5 * stats.rows.get(step.table)!)
					problems.push(
						`reads ~${Math.round(step.total).toLocaleString('en')} rows of ${step.table} (${step.detail}, ~${Math.round(step.perRun)} a probe):\n${statement.sql}`
					);
			}
		}
		expect(planned).toBeGreaterThan(50);
		expect(problems).toEqual([]);
	});
});
