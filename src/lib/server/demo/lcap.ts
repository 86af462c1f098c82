// The demo district's LCAP: a small fictional plan (three goals, nine actions) adopted at the
// June LCAP meeting, with an Annual Update and a mid-year report presented in February. Some
// actions are carried by the district's structures, some by none, and math is named in a goal
// but carried by no action's structure: what the coherence share is there to show.
import { inserter, type Context } from './context.ts';

type DemoAction = [
	goal: number,
	number: string,
	title: string,
	lcff: number,
	otherState: number,
	local: number,
	federal: number,
	contributing: boolean,
	groups: string,
	structure: string | null
];

// Whole dollars; stored as cents.
const actions: DemoAction[] = [
	[
		1,
		'1.1',
		'Literacy coaches at every elementary school',
		1_200_000,
		0,
		0,
		0,
		true,
		'EL, SED',
		'literacy-coaching'
	],
	[
		1,
		'1.2',
		'Common reading assessment and data cycles',
		250_000,
		0,
		0,
		100_000,
		false,
		'All',
		'reading-assessment'
	],
	[1, '1.3', 'Math curriculum adoption', 0, 480_000, 0, 0, false, 'All', null],
	[1, '1.4', 'After-school tutoring', 600_000, 0, 0, 0, true, 'EL, SED, FOS', null],
	[
		2,
		'2.1',
		'Site attendance teams and family outreach',
		420_000,
		0,
		0,
		0,
		true,
		'SED, HOM, FOS',
		'attendance-teams'
	],
	[2, '2.2', 'High school counselors', 900_000, 0, 0, 0, true, 'SED, FOS, EL', null],
	[2, '2.3', 'Family engagement site grants', 0, 0, 150_000, 0, false, 'All', 'family-grant'],
	[3, '3.1', 'Facilities maintenance', 2_000_000, 0, 0, 0, false, 'All', null],
	[3, '3.2', 'Teacher recruitment stipends', 0, 0, 0, 300_000, false, 'All', null]
];

const goals: [number, string, string, string, string[]][] = [
	[1, 'broad', 'Every student reads and reasons at grade level', '2,4', ['literacy', 'math']],
	[2, 'broad', 'Students attend, belong and graduate ready', '5,6', ['attendance']],
	[3, 'maintenance', 'Safe, clean and fully staffed schools', '1', []]
];

// Mid-year: budget, spent to date and the district's status, as of 31 December.
const midYear: [string, number, string][] = [
	['1.1', 610_000, 'in progress'],
	['1.2', 140_000, 'in progress'],
	['1.3', 455_000, 'completed'],
	['1.4', 120_000, 'in progress'],
	['2.1', 200_000, 'in progress'],
	['2.2', 430_000, 'in progress'],
	['2.3', 0, 'not started'],
	['3.1', 1_100_000, 'in progress'],
	['3.2', 90_000, 'in progress']
];

// The Annual Update of the year before: planned vs estimated actual (action 1.4 was not run).
const annualUpdate: [number, string, string, number, number][] = [
	[1, '1.1', 'Literacy coaches at every elementary school', 1_100_000, 1_082_500],
	[1, '1.2', 'After-school tutoring', 550_000, 0],
	[2, '2.1', 'Site attendance teams', 400_000, 452_000],
	[3, '3.1', 'Facilities maintenance', 1_900_000, 1_640_000]
];

function meetingOn(context: Context, from: string, to: string, kind?: string): number | null {
	const row = context.db.$client
		.prepare(
			`select id from board_meeting where held_on between ? and ? ${kind ? 'and kind = ?' : ''} order by held_on limit 1`
		)
		.get(...(kind ? [from, to, kind] : [from, to])) as { id: number } | undefined;
	return row?.id ?? null;
}

export function addLcap(context: Context): void {
	const year = context.lastYear;
	const label = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
	const db = context.db;
	const cycleId = inserter(db, 'lcap_cycle', ['label', 'created_at'])(
		`${year}-${String((year + 3) % 100).padStart(2, '0')}`,
		context.stamp
	);
	const total = actions.reduce((s, a) => s + a[3] + a[4] + a[5] + a[6], 0) * 100;
	const lcff = actions.reduce((s, a) => s + a[3], 0) * 100;
	const adoption = meetingOn(context, `${year}-06-01`, `${year}-06-30`, 'special');
	const versionId = inserter(db, 'lcap_version', [
		'cycle_id',
		'year',
		'adopted_on',
		'adopted_meeting_id',
		'printed_total_cents',
		'printed_lcff_cents',
		'created_at'
	])(cycleId, label, adoption ? null : `${year}-06-27`, adoption, total, lcff, context.stamp);
	if (adoption) {
		db.$client
			.prepare(
				'update lcap_version set adopted_on = (select held_on from board_meeting where id = ?) where id = ?'
			)
			.run(adoption, versionId);
	}
	const goalIds = new Map<number, number>();
	const addGoal = inserter(db, 'lcap_goal', [
		'version_id',
		'number',
		'type',
		'name',
		'state_priorities',
		'sort_order'
	]);
	const linkGoal = inserter(db, 'lcap_goal_priority', ['goal_id', 'priority_id']);
	for (const [n, type, name, statePriorities, serves] of goals) {
		const id = addGoal(versionId, String(n), type, name, statePriorities, n);
		goalIds.set(n, id);
		for (const key of serves) {
			const priorityId = context.priorityIds.get(key);
			if (priorityId) linkGoal(id, priorityId);
		}
	}
	const addAction = inserter(db, 'lcap_action', [
		'version_id',
		'goal_id',
		'number',
		'title',
		'total_cents',
		'lcff_cents',
		'other_state_cents',
		'local_cents',
		'federal_cents',
		'contributing',
		'student_groups',
		'scope',
		'location',
		'structure_id',
		'sort_order'
	]);
	actions.forEach(([goal, number, title, l, o, lo, f, contributing, groups, structure], i) => {
		addAction(
			versionId,
			goalIds.get(goal)!,
			number,
			title,
			(l + o + lo + f) * 100,
			l * 100,
			o * 100,
			lo * 100,
			f * 100,
			contributing ? 1 : 0,
			groups,
			contributing ? 'LEA-wide' : '',
			'All Schools',
			structure ? (context.structureIds.get(structure) ?? null) : null,
			i
		);
	});
	const addMetric = inserter(db, 'lcap_metric', [
		'version_id',
		'goal_id',
		'number',
		'name',
		'source',
		'measure_id',
		'sort_order'
	]);
	addMetric(
		versionId,
		goalIds.get(1)!,
		'1.1',
		'English language arts: distance from standard',
		'California School Dashboard',
		context.measureIds.get('ela') ?? null,
		0
	);
	addMetric(
		versionId,
		goalIds.get(2)!,
		'2.1',
		'Chronic absenteeism rate',
		'California School Dashboard',
		context.measureIds.get('chronic') ?? null,
		1
	);
	const addUpdate = inserter(db, 'lcap_annual_update_row', [
		'version_id',
		'goal_number',
		'action_number',
		'title',
		'contributing',
		'planned_cents',
		'estimated_actual_cents',
		'sort_order'
	]);
	annualUpdate.forEach(([goal, number, title, planned, actual], i) =>
		addUpdate(versionId, String(goal), number, title, 1, planned * 100, actual * 100, i)
	);
	const february = meetingOn(context, `${year + 1}-02-01`, `${year + 1}-02-28`, 'regular');
	const reportId = inserter(db, 'lcap_midyear_report', [
		'year',
		'as_of',
		'budget_on',
		'meeting_id',
		'created_at'
	])(label, `${year}-12-31`, `${year}-06-27`, february, context.stamp);
	const addRow = inserter(db, 'lcap_midyear_row', [
		'report_id',
		'goal_number',
		'action_number',
		'title',
		'student_groups',
		'budget_cents',
		'spent_cents',
		'status',
		'sort_order'
	]);
	midYear.forEach(([number, spent, status], i) => {
		const a = actions.find((x) => x[1] === number)!;
		addRow(
			reportId,
			String(a[0]),
			number,
			a[2],
			a[8],
			(a[3] + a[4] + a[5] + a[6]) * 100,
			spent * 100,
			status,
			i
		);
	});
	// Last year's action 1.2 (tutoring) is this year's 1.4: the LCAP's own renumbered list.
	inserter(db, 'lcap_action_crosswalk', ['version_id', 'prior_number', 'number'])(
		versionId,
		'1.2',
		'1.4'
	);
	const metricIds = db.$client
		.prepare('select id, number from lcap_metric where version_id = ? order by sort_order')
		.all(versionId) as { id: number; number: string }[];
	const addMetricRow = inserter(db, 'lcap_metric_row', [
		'metric_id',
		'student_group',
		'baseline_year',
		'baseline',
		'year_1_year',
		'year_1',
		'target_year',
		'target',
		'difference',
		'sort_order'
	]);
	const prior = `${year - 1}-${String(year % 100).padStart(2, '0')}`;
	const target = `${year + 2}-${String((year + 3) % 100).padStart(2, '0')}`;
	const metricRows: [string, string, string, string, string, string][] = [
		['1.1', 'ALL', '-28.4 points', '-24.9 points', '-15 points', '3.5 points'],
		['1.1', 'EL', '-71.2 points', '-66.0 points', '-55 points', '5.2 points'],
		['2.1', 'ALL', '18.6%', '15.9%', '10%', '-2.7%'],
		['2.1', 'SED', '24.1%', '20.3%', '14%', '-3.8%']
	];
	metricRows.forEach(([number, group, baseline, year1, goal, difference], i) => {
		const metric = metricIds.find((m) => m.number === number)!;
		addMetricRow(metric.id, group, prior, baseline, label, year1, target, goal, difference, i);
	});
}
