// Reads the LCAP's CSV tables into plain rows, with every refused cell (line, column, value,
// reason) and every quirk of the source flagged for the preview, not trusted.
import { ImportFileError, openTable, type Table } from '../imports/read.ts';
import type { LcapActionStatus, LcapGoalType } from '../../choices.ts';
import { lcapActionStatuses } from '../../choices.ts';
import { centsOf, dollars } from './money.ts';
import { lcapFormats, lcapKindOf, type LcapFileKind } from './files.ts';
import { checkMetricRow } from './quirks.ts';

export interface LcapProblem {
	file: string;
	line: number | null;
	column: string | null;
	value: string | null;
	reason: string;
}
export type QuirkKind = 'difference' | 'target' | 'contributing';
export interface LcapQuirk extends LcapProblem {
	kind: QuirkKind;
}

export interface GoalIn {
	number: string;
	type: LcapGoalType;
	name: string;
	description: string;
	equityMultiplierSchool: string | null;
	statePriorities: string;
	page: number | null;
	sortOrder: number;
}
export interface ActionIn {
	goalNumber: string;
	number: string;
	title: string;
	description: string;
	studentGroupFocus: string;
	totalCents: number;
	lcffCents: number;
	otherStateCents: number;
	localCents: number;
	federalCents: number;
	personnelCents: number | null;
	nonPersonnelCents: number | null;
	contributing: boolean | null;
	studentGroups: string;
	scope: string;
	unduplicatedGroups: string;
	location: string;
	timeSpan: string;
	page: number | null;
	note: string;
	sortOrder: number;
}
export interface MetricIn {
	goalNumber: string;
	number: string;
	name: string;
	description: string;
	source: string;
	baseline: string;
	year1: string;
	year2: string;
	target: string;
	difference: string;
	page: number | null;
	sortOrder: number;
}
export interface MetricRowIn {
	metricNumber: string;
	studentGroup: string;
	component: string;
	baselineYear: string;
	baseline: string;
	year1Year: string;
	year1: string;
	year2: string;
	targetYear: string;
	target: string;
	difference: string;
	note: string;
	sortOrder: number;
}
export interface AnnualUpdateIn {
	goalNumber: string;
	actionNumber: string;
	title: string;
	contributing: boolean | null;
	plannedCents: number;
	estimatedActualCents: number;
	page: number | null;
	sortOrder: number;
}
export interface MidYearRowIn {
	goalNumber: string;
	actionNumber: string;
	title: string;
	description: string;
	studentGroups: string;
	budgetCents: number | null;
	spentCents: number | null;
	status: LcapActionStatus | null;
	note: string;
	sortOrder: number;
}
export interface MidYearIn {
	asOf: string;
	budgetOn: string | null;
	rows: MidYearRowIn[];
}
export interface LcapFileRead {
	name: string;
	kind: LcapFileKind;
	sha256: string;
	bytes: number;
	rows: number;
}

export interface ParsedLcap {
	files: LcapFileRead[];
	goals: GoalIn[] | null;
	actions: ActionIn[] | null;
	metrics: MetricIn[] | null;
	metricRows: MetricRowIn[] | null;
	annualUpdate: AnnualUpdateIn[] | null;
	midYear: MidYearIn | null;
	crosswalk: { priorNumber: string; number: string }[] | null;
	errors: LcapProblem[];
	quirks: LcapQuirk[];
}

export function emptyLcap(): ParsedLcap {
	return {
		files: [],
		goals: null,
		actions: null,
		metrics: null,
		metricRows: null,
		annualUpdate: null,
		midYear: null,
		crosswalk: null,
		errors: [],
		quirks: []
	};
}

/** What one file's reader needs: its cells by column name, and where to put a refusal. */
class Rows {
	readonly file: string;
	readonly table: Table;
	readonly into: ParsedLcap;
	constructor(file: string, table: Table, into: ParsedLcap) {
		this.file = file;
		this.table = table;
		this.into = into;
	}
	line = 0;
	cells: string[] = [];
	text(name: string): string {
		const i = this.table.column.get(name);
		return i === undefined ? '' : (this.cells[i] ?? '').trim();
	}
	refuse(name: string | null, reason: string) {
		this.into.errors.push({
			file: this.file,
			line: this.line,
			column: name,
			value: name === null ? null : this.text(name),
			reason
		});
	}
	quirk(kind: QuirkKind, name: string, reason: string) {
		this.into.quirks.push({
			kind,
			file: this.file,
			line: this.line,
			column: name,
			value: this.text(name),
			reason
		});
	}
	required(name: string): string | null {
		const v = this.text(name);
		if (v === '') {
			this.refuse(name, 'is empty');
			return null;
		}
		return v;
	}
	/** An amount in cents; a blank is `blank`; text that is no amount is refused. */
	amount(name: string, blank: number | null): number | null | false {
		const v = centsOf(this.text(name));
		if (v === undefined) {
			this.refuse(name, 'is not an amount in dollars (digits, an optional $, commas and cents)');
			return false;
		}
		if (v !== null && v < 0) {
			this.refuse(name, 'is below zero');
			return false;
		}
		return v ?? blank;
	}
	page(name: string): number | null {
		const v = this.text(name);
		return /^\d{1,4}$/.test(v) ? Number(v) : null;
	}
	/** Yes / No; a blank is null (flagged where the table requires it); anything else refused. */
	yesNo(name: string): boolean | null | undefined {
		const v = this.text(name).toLowerCase();
		if (v === 'yes' || v === 'y') return true;
		if (v === 'no' || v === 'n') return false;
		if (v === '') return null;
		this.refuse(name, 'must be Yes or No');
		return undefined;
	}
	/** "number" must not repeat within the file. */
	unique(seen: Map<string, number>, key: string, name: string, what: string): boolean {
		const before = seen.get(key);
		if (before !== undefined) {
			this.refuse(name, `${what} ${key} is already on line ${before}`);
			return false;
		}
		seen.set(key, this.line);
		return true;
	}
}

const goalNumberPattern = /^\d{1,2}$/;
const actionNumberPattern = /^\d{1,2}\.\d{1,3}$/;

function goalTypeOf(text: string): LcapGoalType | null {
	const t = text.toLowerCase();
	if (t.includes('equity multiplier')) return 'equity-multiplier';
	if (t.includes('maintenance')) return 'maintenance';
	if (t.includes('focus')) return 'focus';
	if (t.includes('broad')) return 'broad';
	return null;
}

function statePrioritiesOf(text: string): string {
	const found = [...text.matchAll(/priority\s*(\d)/gi)].map((m) => Number(m[1]));
	return [...new Set(found)].sort((a, b) => a - b).join(',');
}

function readGoal(r: Rows, seen: Map<string, number>, out: GoalIn[]) {
	const number = r.required('goal_number');
	if (number === null) return;
	if (!goalNumberPattern.test(number))
		return r.refuse('goal_number', 'is not a goal number (1, 2, …)');
	if (!r.unique(seen, number, 'goal_number', 'goal')) return;
	const typeText = r.required('goal_type');
	const name = r.required('goal_name');
	if (typeText === null || name === null) return;
	const type = goalTypeOf(typeText);
	if (!type) {
		return r.refuse(
			'goal_type',
			'is not a goal type of the template (Broad, Focus, Equity Multiplier Focus, Maintenance of Progress)'
		);
	}
	out.push({
		number,
		type,
		name,
		description: r.text('goal_description'),
		equityMultiplierSchool: r.text('equity_multiplier_school') || null,
		statePriorities: statePrioritiesOf(r.text('state_priorities')),
		page: r.page('lcap_page'),
		sortOrder: out.length
	});
}

function readAction(r: Rows, seen: Map<string, number>, out: ActionIn[]) {
	const goalNumber = r.required('goal');
	const number = r.required('action_number');
	const title = r.required('action_title');
	if (goalNumber === null || number === null || title === null) return;
	if (!actionNumberPattern.test(number)) {
		return r.refuse('action_number', 'is not an action number (goal.action, e.g. 1.1)');
	}
	if (!r.unique(seen, number, 'action_number', 'action')) return;
	const total = r.amount('total_funds', null);
	const lcff = r.amount('lcff_funds', 0);
	const otherState = r.amount('other_state_funds', 0);
	const local = r.amount('local_funds', 0);
	const federal = r.amount('federal_funds', 0);
	const personnel = r.amount('total_personnel', null);
	const nonPersonnel = r.amount('total_non_personnel', null);
	const contributing = r.yesNo('contributing');
	if (
		total === false ||
		lcff === false ||
		otherState === false ||
		local === false ||
		federal === false ||
		personnel === false ||
		nonPersonnel === false ||
		contributing === undefined
	)
		return;
	if (total === null) return r.refuse('total_funds', 'is empty');
	const bySource = (lcff ?? 0) + (otherState ?? 0) + (local ?? 0) + (federal ?? 0);
	if (bySource !== total) {
		return r.refuse(
			'total_funds',
			`is not the sum of the funds by source (LCFF, other state, local, federal: ${dollars(bySource)})`
		);
	}
	if (personnel !== null && nonPersonnel !== null && personnel + nonPersonnel !== total) {
		return r.refuse(
			'total_funds',
			`is not personnel plus non-personnel (${dollars(personnel + nonPersonnel)})`
		);
	}
	if (contributing === null) {
		r.quirk('contributing', 'contributing', `action ${number}: the Contributing cell is blank`);
	}
	out.push({
		goalNumber,
		number,
		title,
		description: r.text('description'),
		studentGroupFocus: r.text('student_group_focus'),
		totalCents: total,
		lcffCents: lcff ?? 0,
		otherStateCents: otherState ?? 0,
		localCents: local ?? 0,
		federalCents: federal ?? 0,
		personnelCents: personnel,
		nonPersonnelCents: nonPersonnel,
		contributing,
		studentGroups: r.text('student_groups'),
		scope: r.text('scope'),
		unduplicatedGroups: r.text('unduplicated_student_groups'),
		location: r.text('location'),
		timeSpan: r.text('time_span'),
		page: r.page('lcap_page'),
		note: r.text('note'),
		sortOrder: out.length
	});
}

function readMetric(r: Rows, seen: Map<string, number>, out: MetricIn[]) {
	const goalNumber = r.required('goal');
	const number = r.required('metric_number');
	const name = r.required('metric_name');
	if (goalNumber === null || number === null || name === null) return;
	if (!actionNumberPattern.test(number)) {
		return r.refuse('metric_number', 'is not a metric number (goal.metric, e.g. 1.1)');
	}
	if (!r.unique(seen, number, 'metric_number', 'metric')) return;
	out.push({
		goalNumber,
		number,
		name,
		description: r.text('metric_description'),
		source: r.text('data_source'),
		baseline: r.text('baseline'),
		year1: r.text('year_1_outcome'),
		year2: r.text('year_2_outcome'),
		target: r.text('target_for_year_3_outcome'),
		difference: r.text('current_difference_from_baseline'),
		page: r.page('lcap_page'),
		sortOrder: out.length
	});
}

function readMetricRow(r: Rows, out: MetricRowIn[]) {
	const metricNumber = r.required('metric_number');
	if (metricNumber === null) return;
	const row: MetricRowIn = {
		metricNumber,
		studentGroup: r.text('student_group'),
		component: r.text('measure_component'),
		baselineYear: r.text('baseline_year'),
		baseline: r.text('baseline'),
		year1Year: r.text('year_1_year'),
		year1: r.text('year_1_outcome'),
		year2: r.text('year_2_outcome'),
		targetYear: r.text('target_year'),
		target: r.text('target_for_year_3_outcome'),
		difference: r.text('current_difference_from_baseline'),
		note: r.text('note'),
		sortOrder: out.length
	};
	const who = [row.studentGroup, row.component].filter(Boolean).join(', ');
	for (const q of checkMetricRow(row)) {
		r.quirk(
			q.kind,
			q.kind === 'difference' ? 'current_difference_from_baseline' : 'target_for_year_3_outcome',
			`metric ${metricNumber}${who ? ` (${who})` : ''}: ${q.reason}`
		);
	}
	out.push(row);
}

function readAnnualUpdate(r: Rows, seen: Map<string, number>, out: AnnualUpdateIn[]) {
	const goalNumber = r.required('last_years_goal');
	const actionNumber = r.required('last_years_action');
	const title = r.required('prior_action_service_title');
	if (goalNumber === null || actionNumber === null || title === null) return;
	if (!actionNumberPattern.test(actionNumber)) {
		return r.refuse('last_years_action', 'is not an action number (goal.action, e.g. 1.1)');
	}
	if (!r.unique(seen, actionNumber, 'last_years_action', 'action')) return;
	const planned = r.amount('last_years_planned_expenditures_total_funds', null);
	const actual = r.amount('estimated_actual_expenditures_total_funds', null);
	const contributing = r.yesNo('contributed_to_increased_or_improved_services');
	if (planned === false || actual === false || contributing === undefined) return;
	if (planned === null) return r.refuse('last_years_planned_expenditures_total_funds', 'is empty');
	if (actual === null) return r.refuse('estimated_actual_expenditures_total_funds', 'is empty');
	out.push({
		goalNumber,
		actionNumber,
		title,
		contributing,
		plannedCents: planned,
		estimatedActualCents: actual,
		page: r.page('lcap_page'),
		sortOrder: out.length
	});
}

/** "expenditures_and_encumbrances_2024_12_10" → "2024-12-10". */
function dateInColumn(header: readonly string[], prefix: string): [string, string] | null {
	const name = header.find((h) => h.startsWith(prefix));
	if (!name) return null;
	const m = /(\d{4})_(\d{2})_(\d{2})$/.exec(name);
	return [name, m ? `${m[1]}-${m[2]}-${m[3]}` : ''];
}

function readMidYearRow(
	r: Rows,
	seen: Map<string, number>,
	columns: { budget: string | null; spent: string },
	out: MidYearRowIn[]
) {
	const goalNumber = r.required('goal');
	const actionNumber = r.required('action_number');
	const title = r.required('action_title');
	if (goalNumber === null || actionNumber === null || title === null) return;
	if (!actionNumberPattern.test(actionNumber)) {
		return r.refuse('action_number', 'is not an action number (goal.action, e.g. 1.01)');
	}
	if (!r.unique(seen, actionNumber, 'action_number', 'action')) return;
	// The report's own words for an action given no money: no amount, never zero.
	const noBudget = (name: string | null) =>
		name !== null && /^no budget assigned$/i.test(r.text(name));
	const budget =
		columns.budget && !noBudget(columns.budget) ? r.amount(columns.budget, null) : null;
	const spent = noBudget(columns.spent) ? null : r.amount(columns.spent, null);
	if (budget === false || spent === false) return;
	const statusText = r.text('status').toLowerCase();
	const status = (lcapActionStatuses as readonly string[]).includes(statusText)
		? (statusText as LcapActionStatus)
		: null;
	if (statusText && !status) {
		return r.refuse('status', `must be one of: ${lcapActionStatuses.join(', ')}`);
	}
	out.push({
		goalNumber,
		actionNumber,
		title,
		description: r.text('description'),
		studentGroups: r.text('lcff_priority_student_group'),
		budgetCents: budget,
		spentCents: spent,
		status,
		note: r.text('note'),
		sortOrder: out.length
	});
}

/** Reads one file into `into`; a file that is no LCAP table, or lacks a column, is refused whole. */
export async function readLcapFile(path: string, name: string, into: ParsedLcap): Promise<void> {
	const table = await openTable(path);
	const kind = lcapKindOf(table.header);
	if (!kind) {
		throw new ImportFileError(
			`${name}: this is not one of the LCAP's tables (goals, actions, metrics, metrics by group, Annual Update, mid-year report, renumbered actions): its columns are not theirs.`
		);
	}
	if (into.files.some((f) => f.kind === kind)) {
		throw new ImportFileError(`${name}: a second ${kind} table; give one file of each kind.`);
	}
	const format = lcapFormats.find((f) => f.kind === kind)!;
	for (const c of format.required) {
		if (!table.column.has(c)) {
			throw new ImportFileError(
				`${name}: the required column “${c}” is missing (${format.title}).`
			);
		}
	}
	const r = new Rows(name, table, into);
	const seen = new Map<string, number>();
	let rows = 0;
	let midYear: MidYearIn | null = null;
	let midColumns: { budget: string | null; spent: string } | null = null;
	if (kind === 'midyear') {
		const spent = dateInColumn(table.header, 'expenditures_and_encumbrances')!;
		const budget = dateInColumn(table.header, 'approved_budget');
		if (!spent[1]) {
			throw new ImportFileError(
				`${name}: the column “${spent[0]}” must end with the date the spending is counted to (expenditures_and_encumbrances_2024_12_10).`
			);
		}
		midColumns = { budget: budget?.[0] ?? null, spent: spent[0] };
		midYear = { asOf: spent[1], budgetOn: budget?.[1] || null, rows: [] };
	}
	const lists = {
		goals: [] as GoalIn[],
		actions: [] as ActionIn[],
		metrics: [] as MetricIn[],
		metricRows: [] as MetricRowIn[],
		annualUpdate: [] as AnnualUpdateIn[],
		crosswalk: [] as { priorNumber: string; number: string }[]
	};
	for await (const batch of table.rows) {
		for (const row of batch) {
			r.line = row.line;
			r.cells = row.cells;
			if (row.cells.every((c) => c.trim() === '')) continue;
			rows++;
			if (kind === 'goals') readGoal(r, seen, lists.goals);
			else if (kind === 'actions') readAction(r, seen, lists.actions);
			else if (kind === 'metrics') readMetric(r, seen, lists.metrics);
			else if (kind === 'metric-rows') readMetricRow(r, lists.metricRows);
			else if (kind === 'annual-update') readAnnualUpdate(r, seen, lists.annualUpdate);
			else if (kind === 'midyear') readMidYearRow(r, seen, midColumns!, midYear!.rows);
			else {
				const prior = r.required('prior_action_number');
				const number = r.required('action_number');
				if (prior === null || number === null) continue;
				if (!actionNumberPattern.test(prior) || !actionNumberPattern.test(number)) {
					r.refuse('action_number', 'both numbers must be action numbers (goal.action)');
					continue;
				}
				if (!r.unique(seen, prior, 'prior_action_number', 'last year’s action')) continue;
				lists.crosswalk.push({ priorNumber: prior, number });
			}
		}
	}
	const digest = table.digest();
	into.files.push({ name, kind, sha256: digest.sha256, bytes: digest.bytes, rows });
	if (kind === 'goals') into.goals = lists.goals;
	else if (kind === 'actions') into.actions = lists.actions;
	else if (kind === 'metrics') into.metrics = lists.metrics;
	else if (kind === 'metric-rows') into.metricRows = lists.metricRows;
	else if (kind === 'annual-update') into.annualUpdate = lists.annualUpdate;
	else if (kind === 'midyear') into.midYear = midYear;
	else into.crosswalk = lists.crosswalk;
}

/** Reads every file given; file-level refusals throw, naming the file. */
export async function readLcapFiles(files: { path: string; name: string }[]): Promise<ParsedLcap> {
	const parsed = emptyLcap();
	for (const f of files) {
		try {
			await readLcapFile(f.path, f.name, parsed);
		} catch (e) {
			if (e instanceof ImportFileError && !e.message.startsWith(`${f.name}:`)) {
				throw new ImportFileError(`${f.name}: ${e.message}`);
			}
			throw e;
		}
	}
	crossCheck(parsed);
	return parsed;
}

/** The files against each other: every action and metric in a goal the goals give. */
function crossCheck(p: ParsedLcap) {
	if (!p.goals) return;
	const goals = new Set(p.goals.map((g) => g.number));
	const file = (kind: LcapFileKind) => p.files.find((f) => f.kind === kind)?.name ?? '';
	for (const a of p.actions ?? []) {
		if (!goals.has(a.goalNumber)) {
			p.errors.push({
				file: file('actions'),
				line: null,
				column: 'goal',
				value: a.goalNumber,
				reason: `action ${a.number} is in goal ${a.goalNumber}, which the goals file does not have`
			});
		}
	}
	for (const m of p.metrics ?? []) {
		if (!goals.has(m.goalNumber)) {
			p.errors.push({
				file: file('metrics'),
				line: null,
				column: 'goal',
				value: m.goalNumber,
				reason: `metric ${m.number} is in goal ${m.goalNumber}, which the goals file does not have`
			});
		}
	}
}
