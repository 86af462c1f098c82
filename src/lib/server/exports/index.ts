import { Readable } from 'node:stream';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { DbFile } from '../db/open.ts';
import { spreadsheetSafe } from './cells.ts';

/**
 * Who a download is for. Exports follow the pages' visibility: editors see every version of an
 * update, drafts included; board members (and anyone else who may read the board's pages) see
 * what was shared with them or published, never a draft.
 */
export type ExportAudience = 'editor' | 'board';

/**
 * One CSV per table the app shows, with readable columns: names and codes instead of ids, school
 * years as "2023-24". The results and check-ins files are in the import's CSV format, so an
 * export imports back as is.
 */
export interface ExportTable {
	/** File name without ".csv"; also the download URL's last part. */
	name: string;
	title: string;
	sql: string | ((audience: ExportAudience) => string);
}

const depthLabel = `CASE c.depth WHEN 0 THEN 'not started' WHEN 1 THEN 'beginning' WHEN 2 THEN 'developing'
	WHEN 3 THEN 'implementing' WHEN 4 THEN 'sustaining' END`;
const yesNo = (col: string) => `CASE WHEN ${col} THEN 'yes' ELSE 'no' END`;

export const exportTables: readonly ExportTable[] = [
	{
		name: 'results',
		title: 'Results',
		sql: `SELECT s.cds_code AS school_cds_code, COALESCE(s.name, d.name) AS school_name,
			m.code AS measure_code, m.name AS measure, y.label AS school_year,
			r.student_group, g.name AS student_group_name, r.value, r.n,
			r.state_color, r.status_level, r.updated_at
			FROM result r JOIN measure m ON m.id = r.measure_id JOIN school_year y ON y.id = r.school_year_id
			JOIN student_group g ON g.code = r.student_group LEFT JOIN school s ON s.id = r.school_id
			LEFT JOIN district d ON d.id = (SELECT MIN(id) FROM district)
			ORDER BY m.sort_order, m.code, y.start_year, s.cds_code IS NOT NULL, s.name, g.sort_order, r.student_group`
	},
	{
		name: 'check-ins',
		title: 'Implementation check-ins',
		sql: `SELECT s.cds_code AS school_cds_code, s.name AS school_name, st.name AS structure,
			y.label AS school_year, c.depth, ${depthLabel} AS depth_label, c.adaptation,
			${yesNo('c.site_led')} AS site_led, c.evidence_url, c.updated_at
			FROM check_in c JOIN school s ON s.id = c.school_id JOIN structure st ON st.id = c.structure_id
			JOIN school_year y ON y.id = c.school_year_id
			ORDER BY y.start_year, st.sort_order, st.name, s.name`
	},
	{
		name: 'schools',
		title: 'Schools',
		sql: `SELECT cds_code AS school_cds_code, name AS school_name, type, grade_span, status, opened_on,
			closed_on, ${yesNo('charter')} AS charter, ${yesNo('excluded')} AS excluded_from_figures,
			excluded_reason, excluded_on FROM school ORDER BY name`
	},
	{
		name: 'school-years',
		title: 'School years',
		sql: `SELECT label AS school_year, start_year FROM school_year ORDER BY start_year`
	},
	{
		name: 'student-groups',
		title: 'Student groups',
		sql: `SELECT code AS student_group, name AS student_group_name, name_es FROM student_group
			ORDER BY sort_order, code`
	},
	{
		name: 'priorities',
		title: 'Priorities',
		sql: `SELECT p.slug, p.title, p.title_es, p.status, p.sponsor, p.adopted_on, m.held_on AS adopted_at_meeting,
			p.description, p.description_es, p.rationale, p.sort_order
			FROM priority p LEFT JOIN board_meeting m ON m.id = p.adopted_meeting_id ORDER BY p.sort_order, p.title`
	},
	{
		name: 'measures',
		title: 'Measures',
		sql: `SELECT m.code AS measure_code, m.name AS measure, m.name_es, p.title AS priority, m.unit, m.direction,
			m.kind, m.source, y.label AS baseline_school_year, m.baseline_value, ${yesNo('m.headline')} AS headline
			FROM measure m LEFT JOIN priority p ON p.id = m.priority_id LEFT JOIN school_year y ON y.id = m.baseline_year_id
			ORDER BY m.sort_order, m.code`
	},
	{
		name: 'measure-targets',
		title: 'Measure targets',
		sql: `SELECT m.code AS measure_code, m.name AS measure, y.label AS school_year,
			t.student_group AS student_group, t.value AS target
			FROM measure_target t JOIN measure m ON m.id = t.measure_id JOIN school_year y ON y.id = t.school_year_id
			ORDER BY m.sort_order, m.code, y.start_year, t.student_group <> 'ALL', t.student_group`
	},
	{
		name: 'structures',
		title: 'Structures',
		sql: `SELECT s.name AS structure, s.name_es, s.category, s.authority, s.origin, s.owner_role,
			y.label AS start_school_year, s.description, s.description_es
			FROM structure s LEFT JOIN school_year y ON y.id = s.start_year_id ORDER BY s.sort_order, s.name`
	},
	{
		name: 'structure-priorities',
		title: 'Links: structures → priorities',
		sql: `SELECT s.name AS structure, p.title AS priority FROM structure_priority sp
			JOIN structure s ON s.id = sp.structure_id JOIN priority p ON p.id = sp.priority_id ORDER BY s.name, p.title`
	},
	{
		name: 'policies',
		title: 'Policies',
		sql: `SELECT kind, number, title, adopted_on, revised_on, url FROM policy ORDER BY number, kind`
	},
	{
		name: 'policy-structures',
		title: 'Links: policies → structures',
		sql: `SELECT p.kind || ' ' || p.number AS policy, p.title AS policy_title, s.name AS structure, ps.relation
			FROM policy_structure ps JOIN policy p ON p.id = ps.policy_id JOIN structure s ON s.id = ps.structure_id
			ORDER BY p.number, s.name`
	},
	{
		name: 'not-doing',
		title: 'Not-doing list',
		sql: `SELECT title, title_es, decision, decided_on, reason, reason_es FROM not_doing_item ORDER BY decided_on`
	},
	{
		name: 'initiatives',
		title: 'Initiatives',
		sql: `SELECT i.name AS initiative, i.description, p.title AS priority, ${yesNo('i.active')} AS active, i.start_year,
			(SELECT group_concat(s.cds_code, ' ') FROM initiative_school x JOIN school s ON s.id = x.school_id
			 WHERE x.initiative_id = i.id) AS school_cds_codes
			FROM initiative i LEFT JOIN priority p ON p.id = i.priority_id ORDER BY i.name`
	},
	{
		name: 'leaders',
		title: 'Leaders',
		sql: `SELECT l.role, l.person_name, s.cds_code AS school_cds_code, s.name AS school_name, p.title AS priority,
			l.started_on, l.ended_on
			FROM leader_tenure l LEFT JOIN school s ON s.id = l.school_id LEFT JOIN priority p ON p.id = l.priority_id
			ORDER BY l.role, l.started_on, l.person_name`
	},
	{
		name: 'engagements',
		title: 'Senior-leader engagement',
		sql: `SELECT p.title AS priority, e.leader_name, e.leader_role, e.kind, e.occurred_on,
			s.cds_code AS school_cds_code, s.name AS school_name, e.note
			FROM engagement e JOIN priority p ON p.id = e.priority_id LEFT JOIN school s ON s.id = e.school_id
			ORDER BY e.occurred_on, p.title`
	},
	{
		name: 'meetings',
		title: 'Board meetings',
		sql: `SELECT held_on, kind, title, location FROM board_meeting ORDER BY held_on`
	},
	{
		name: 'agenda-items',
		title: 'Agenda items',
		sql: `SELECT m.held_on AS meeting, a.title, p.title AS priority, a.minutes, a.sort_order
			FROM agenda_item a JOIN board_meeting m ON m.id = a.meeting_id LEFT JOIN priority p ON p.id = a.priority_id
			ORDER BY m.held_on, a.sort_order`
	},
	{
		name: 'monitoring-calendar',
		title: 'Monitoring calendar',
		sql: `SELECT p.title AS priority, m.held_on AS meeting FROM monitoring_due d
			JOIN priority p ON p.id = d.priority_id JOIN board_meeting m ON m.id = d.meeting_id ORDER BY m.held_on, p.title`
	},
	{
		name: 'updates',
		title: 'Progress updates (every version)',
		sql: (
			audience
		) => `SELECT p.title AS priority, m.held_on AS meeting, v.version, v.state, v.status, v.summary,
			v.narrative, v.learned, v.adjustments, v.next_steps, v.summary_es, v.narrative_es, v.learned_es,
			v.adjustments_es, v.next_steps_es, (SELECT group_concat(x.code, ' ') FROM json_each(v.evidence_measure_ids) j
			 JOIN measure x ON x.id = j.value) AS evidence_measure_codes, v.published_at, v.created_at, v.updated_at
			FROM progress_update_version v JOIN progress_update u ON u.id = v.update_id
			JOIN priority p ON p.id = u.priority_id JOIN board_meeting m ON m.id = u.meeting_id
			${audience === 'editor' ? '' : `WHERE v.state <> 'draft'`}
			ORDER BY m.held_on, p.title, v.version`
	},
	{
		name: 'board-questions',
		title: 'Board questions',
		sql: `SELECT p.title AS priority, m.held_on AS meeting, q.question, q.asked_at, q.answer, q.answered_at
			FROM board_question q JOIN progress_update u ON u.id = q.update_id
			JOIN priority p ON p.id = u.priority_id JOIN board_meeting m ON m.id = u.meeting_id ORDER BY q.asked_at`
	},
	{
		name: 'feedback',
		title: 'Feedback',
		sql: `SELECT s.cds_code AS school_cds_code, s.name AS school_name, st.name AS structure, f.kind, f.summary,
			f.source, f.reported_on, f.response, f.responded_on
			FROM feedback f JOIN school s ON s.id = f.school_id JOIN structure st ON st.id = f.structure_id
			ORDER BY f.reported_on`
	},
	{
		name: 'event-notes',
		title: 'Event notes on the charts (internal ones too)',
		sql: `SELECT n.happened_on AS date, s.cds_code AS school_cds_code, s.name AS school_name,
			p.slug AS priority, n.text AS note, n.text_es AS note_es, n.internal
			FROM event_note n LEFT JOIN school s ON s.id = n.school_id LEFT JOIN priority p ON p.id = n.priority_id
			ORDER BY n.happened_on, n.id`
	},
	{
		name: 'series-breaks',
		title: "The district's breaks in its measures' series",
		sql: `SELECT m.code AS measure, m.name AS measure_name, y.label AS school_year, b.reason, b.reason_es
			FROM series_break b JOIN measure m ON m.id = b.measure_id JOIN school_year y ON y.id = b.school_year_id
			ORDER BY m.code, y.start_year`
	},
	{
		name: 'area-figures',
		title: "The state's and the county's figures beside the district's",
		sql: `SELECT m.code AS measure, y.label AS school_year, a.level, a.student_group, a.value, a.n
			FROM area_figure a JOIN measure m ON m.id = a.measure_id JOIN school_year y ON y.id = a.school_year_id
			ORDER BY m.code, y.start_year, a.level, a.student_group`
	},
	{
		name: 'state-assistance-status',
		title: "The state's assistance status (Differentiated Assistance), by Dashboard year",
		sql: `SELECT year AS dashboard_year, status, source FROM state_assistance_status ORDER BY year`
	},
	{
		name: 'state-assistance-groups',
		title: "The state's Differentiated Assistance letters by student group",
		sql: `SELECT year AS dashboard_year, student_group, letter, source FROM state_assistance_group
			ORDER BY year, student_group`
	},
	{
		name: 'state-essa-status',
		title: "Schools' ESSA status (CSI, ATSI, TSI), as the state published it",
		sql: `SELECT year AS dashboard_year, cds AS school_cds_code, school_name, status, exit, student_groups, source
			FROM state_essa_status ORDER BY year, school_name`
	},
	{
		name: 'lcap-goals',
		title: 'LCAP goals and the board priorities they serve',
		sql: `SELECT v.year AS lcap_year, c.label AS cycle, g.number AS goal, g.type, g.name, g.description,
			g.equity_multiplier_school, g.state_priorities,
			(SELECT group_concat(p.slug, ';') FROM lcap_goal_priority gp JOIN priority p ON p.id = gp.priority_id
				WHERE gp.goal_id = g.id) AS priorities
			FROM lcap_goal g JOIN lcap_version v ON v.id = g.version_id JOIN lcap_cycle c ON c.id = v.cycle_id
			ORDER BY v.year, g.sort_order`
	},
	{
		name: 'lcap-actions',
		title: 'LCAP actions, their funds and the structures that carry them',
		sql: `SELECT v.year AS lcap_year, g.number AS goal, a.number AS action, a.title, a.description,
			a.total_cents / 100.0 AS total_funds, a.lcff_cents / 100.0 AS lcff_funds,
			a.other_state_cents / 100.0 AS other_state_funds, a.local_cents / 100.0 AS local_funds,
			a.federal_cents / 100.0 AS federal_funds,
			CASE a.contributing WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS contributing,
			a.student_groups, a.scope, a.location, a.time_span, s.name AS structure, a.note
			FROM lcap_action a JOIN lcap_version v ON v.id = a.version_id JOIN lcap_goal g ON g.id = a.goal_id
			LEFT JOIN structure s ON s.id = a.structure_id
			ORDER BY v.year, a.sort_order`
	},
	{
		name: 'lcap-metrics',
		title: 'LCAP metrics by student group, as printed, and the measures they are',
		sql: `SELECT v.year AS lcap_year, m.number AS metric, m.name, m.source, me.code AS measure,
			r.student_group, r.component, r.baseline, r.year_1, r.target, r.difference, r.note
			FROM lcap_metric m JOIN lcap_version v ON v.id = m.version_id
			LEFT JOIN measure me ON me.id = m.measure_id
			LEFT JOIN lcap_metric_row r ON r.metric_id = m.id
			ORDER BY v.year, m.sort_order, r.sort_order`
	},
	{
		name: 'lcap-annual-update',
		title: 'LCAP Annual Update: planned and estimated actual by action',
		sql: `SELECT v.year AS lcap_year, u.goal_number AS goal, u.action_number AS action, u.title,
			u.planned_cents / 100.0 AS planned, u.estimated_actual_cents / 100.0 AS estimated_actual,
			x.number AS now_action
			FROM lcap_annual_update_row u JOIN lcap_version v ON v.id = u.version_id
			LEFT JOIN lcap_action_crosswalk x ON x.version_id = u.version_id AND x.prior_number = u.action_number
			ORDER BY v.year, u.sort_order`
	},
	{
		name: 'lcap-midyear',
		title: 'LCAP mid-year reports: budget, spent to date and status by action',
		sql: `SELECT r.year, r.as_of, b.held_on AS meeting, w.goal_number AS goal, w.action_number AS action,
			w.title, w.budget_cents / 100.0 AS budget, w.spent_cents / 100.0 AS spent, w.status, w.note
			FROM lcap_midyear_row w JOIN lcap_midyear_report r ON r.id = w.report_id
			LEFT JOIN board_meeting b ON b.id = r.meeting_id
			ORDER BY r.year, w.sort_order`
	},
	// The board's own record: its public parts. The members' ratings of the superintendent are
	// closed-session material and are in no export.
	{
		name: 'board-members',
		title: 'Board members, their seats and terms',
		sql: `SELECT seat, name, term_start, term_end FROM board_member ORDER BY seat, term_start, id`
	},
	{
		name: 'board-verdicts',
		title: "The board's verdicts on progress reports, with the roll call (one row per vote)",
		sql: `SELECT mt.held_on AS meeting_date, p.title AS priority, d.interpretation AS interpretation_reasonable,
			d.progress AS progress_made, d.finding, d.motion, c.true_as_of AS certified_true_as_of,
			bm.seat, bm.name AS member, v.vote
			FROM disposition d JOIN progress_update u ON u.id = d.update_id
			JOIN board_meeting mt ON mt.id = u.meeting_id JOIN priority p ON p.id = u.priority_id
			LEFT JOIN report_certification c ON c.update_id = d.update_id
			JOIN disposition_vote v ON v.disposition_id = d.id JOIN board_member bm ON bm.id = v.member_id
			ORDER BY mt.held_on, p.sort_order, bm.seat`
	},
	{
		name: 'board-trainings',
		title: "Board members' trainings",
		sql: `SELECT bm.name AS member, bm.seat, t.completed_on, t.provider, t.topic, t.hours,
			CASE WHEN t.finance_law THEN 'yes' ELSE 'no' END AS finance_law_training
			FROM board_training t JOIN board_member bm ON bm.id = t.member_id
			ORDER BY t.completed_on, bm.name`
	}
];

export function exportTable(name: string): ExportTable | undefined {
	return exportTables.find((t) => t.name === name);
}

/** The table's title as the audience reads it: a board member's updates are not every version. */
export function exportTitle(table: ExportTable, audience: ExportAudience): string {
	if (table.name === 'updates' && audience !== 'editor')
		return 'Progress updates (versions shared with the board or published)';
	return table.title;
}

function sqlOf(table: ExportTable, audience: ExportAudience): string {
	return typeof table.sql === 'string' ? table.sql : table.sql(audience);
}

function rowsOf(
	db: DbFile,
	table: ExportTable,
	audience: ExportAudience
): { columns: string[]; rows: unknown[][] } {
	const stmt = db.$client.prepare(sqlOf(table, audience));
	const columns = stmt.columns().map((c) => c.name);
	return { columns, rows: stmt.raw().all() as unknown[][] };
}

const csvOptions = {
	header: true,
	record_delimiter: 'unix',
	bom: false,
	// Text that a spreadsheet would run as a formula is written as text; numbers stay numbers.
	cast: { string: spreadsheetSafe }
} as const;

/** Rows as CSV text with a header, written as every export is (formula-safe text, numbers as numbers). */
export function csvText(columns: string[], rows: unknown[][]): string {
	return stringifySync(rows, { ...csvOptions, columns });
}

/** One table as CSV text. */
export function tableCsv(db: DbFile, table: ExportTable, audience: ExportAudience): string {
	const { columns, rows } = rowsOf(db, table, audience);
	return stringifySync(rows, { ...csvOptions, columns });
}

/**
 * One table as a stream of CSV text, for a download. The rows are read at once (the connection
 * is not held open while the client reads), the CSV written as it is consumed.
 */
export function tableCsvStream(
	db: DbFile,
	table: ExportTable,
	audience: ExportAudience
): ReadableStream<Uint8Array> {
	const { columns, rows } = rowsOf(db, table, audience);
	const csv = Readable.from(rows).pipe(stringify({ ...csvOptions, columns }));
	return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

/** Every table as a .zip of CSV files, for the "all tables" download. */
export function exportZip(db: DbFile, audience: ExportAudience): Uint8Array<ArrayBuffer> {
	const files: Record<string, Uint8Array> = {};
	for (const t of exportTables) files[`${t.name}.csv`] = strToU8(tableCsv(db, t, audience));
	return zipSync(files) as Uint8Array<ArrayBuffer>;
}

/**
 * Every table, one CSV file each, into `dir` (the CLI: whoever holds the database file is an
 * editor). Returns the files written with their row counts.
 */
export function exportAll(
	db: DbFile,
	dir: string,
	audience: ExportAudience = 'editor'
): { file: string; rows: number }[] {
	mkdirSync(dir, { recursive: true });
	return exportTables.map((t) => {
		const { columns, rows } = rowsOf(db, t, audience);
		const file = join(dir, `${t.name}.csv`);
		writeFileSync(file, stringifySync(rows, { ...csvOptions, columns }));
		return { file, rows: rows.length };
	});
}

/** How many rows each table has for this audience, for the export page. */
export function exportCounts(db: DbFile, audience: ExportAudience): Record<string, number> {
	return Object.fromEntries(
		exportTables.map((t) => [
			t.name,
			(
				db.$client.prepare(`SELECT count(*) AS n FROM (${sqlOf(t, audience)})`).get() as {
					n: number;
				}
			).n
		])
	);
}
