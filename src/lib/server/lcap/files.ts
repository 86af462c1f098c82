// The LCAP's tables as CSV files, in the layout of the state template's tables (the Total
// Expenditures table's actions, the goals, the Measuring and Reporting Results metrics and their
// rows by student group, the Annual Update, the mid-year report) and the LCAP's "renumbered" list.
// Which table a file holds is told by its columns, whatever its name.

export const lcapFileKinds = [
	'goals',
	'actions',
	'metrics',
	'metric-rows',
	'annual-update',
	'midyear',
	'crosswalk'
] as const;
export type LcapFileKind = (typeof lcapFileKinds)[number];

export interface LcapFileFormat {
	kind: LcapFileKind;
	title: string;
	/** The template's columns, required first. */
	columns: readonly string[];
	required: readonly string[];
	/** One example row of the template. */
	example: readonly string[];
}

export const lcapFormats: readonly LcapFileFormat[] = [
	{
		kind: 'goals',
		title: 'Goals',
		columns: [
			'goal_number',
			'goal_type',
			'goal_name',
			'goal_description',
			'equity_multiplier_school',
			'state_priorities',
			'lcap_page'
		],
		required: ['goal_number', 'goal_type', 'goal_name'],
		example: [
			'1',
			'Broad Goal',
			'Every student reads by third grade',
			'Improve early literacy…',
			'',
			'Priority 2: State Standards; Priority 4: Pupil Achievement',
			'14'
		]
	},
	{
		kind: 'actions',
		title: 'Actions (Total Expenditures table)',
		columns: [
			'goal',
			'action_number',
			'action_title',
			'description',
			'student_group_focus',
			'total_funds',
			'contributing',
			'student_groups',
			'scope',
			'unduplicated_student_groups',
			'location',
			'time_span',
			'total_personnel',
			'total_non_personnel',
			'lcff_funds',
			'other_state_funds',
			'local_funds',
			'federal_funds',
			'lcap_page',
			'expenditure_table_page',
			'note'
		],
		required: [
			'goal',
			'action_number',
			'action_title',
			'total_funds',
			'contributing',
			'lcff_funds',
			'other_state_funds',
			'local_funds',
			'federal_funds'
		],
		example: [
			'1',
			'1.1',
			'Literacy coaches',
			'A coach at each elementary school',
			'EL, LI',
			'250000.00',
			'Yes',
			'English Learners, Low Income',
			'LEA-wide',
			'English Learners, Low Income',
			'All Schools',
			'On-going',
			'250000.00',
			'0.00',
			'250000.00',
			'',
			'',
			'',
			'24',
			'169',
			''
		]
	},
	{
		kind: 'metrics',
		title: 'Metrics (Measuring and Reporting Results)',
		columns: [
			'goal',
			'metric_number',
			'metric_name',
			'metric_description',
			'data_source',
			'baseline',
			'year_1_outcome',
			'year_2_outcome',
			'target_for_year_3_outcome',
			'current_difference_from_baseline',
			'lcap_page'
		],
		required: ['goal', 'metric_number', 'metric_name'],
		example: [
			'1',
			'1.1',
			'English Language Arts',
			'Distance from standard in ELA (CAASPP)',
			'California School Dashboard',
			'2022-23; Overall: -26.6 points',
			'2023-24; Overall: -34.6 points',
			'',
			'2025-26; Overall: -23.6 points',
			'-8 points',
			'15'
		]
	},
	{
		kind: 'metric-rows',
		title: 'Metrics by student group',
		columns: [
			'goal',
			'metric_number',
			'metric_name',
			'student_group',
			'measure_component',
			'baseline_year',
			'baseline',
			'year_1_year',
			'year_1_outcome',
			'target_year',
			'target_for_year_3_outcome',
			'current_difference_from_baseline',
			'note'
		],
		required: [
			'metric_number',
			'student_group',
			'baseline',
			'year_1_outcome',
			'target_for_year_3_outcome',
			'current_difference_from_baseline'
		],
		example: [
			'1',
			'1.1',
			'English Language Arts',
			'Overall',
			'',
			'2022-23',
			'-26.6 points',
			'2023-24',
			'-34.6 points',
			'2025-26',
			'-23.6 points',
			'-8 points',
			''
		]
	},
	{
		kind: 'annual-update',
		title: 'Annual Update (last year’s actions)',
		columns: [
			'last_years_goal',
			'last_years_action',
			'prior_action_service_title',
			'contributed_to_increased_or_improved_services',
			'last_years_planned_expenditures_total_funds',
			'estimated_actual_expenditures_total_funds',
			'lcap_page'
		],
		required: [
			'last_years_goal',
			'last_years_action',
			'prior_action_service_title',
			'last_years_planned_expenditures_total_funds',
			'estimated_actual_expenditures_total_funds'
		],
		example: ['1', '1.1', 'Literacy coaches', 'Yes', '237577.00', '211899.25', '195']
	},
	{
		kind: 'midyear',
		title: 'Mid-year report (budget and spent to date)',
		columns: [
			'goal',
			'action_number',
			'action_title',
			'description',
			'lcff_priority_student_group',
			'approved_budget_2024_06_25',
			'expenditures_and_encumbrances_2024_12_10',
			'status',
			'note'
		],
		required: ['goal', 'action_number', 'action_title'],
		example: [
			'1',
			'1.01',
			'Literacy coaches',
			'A coach at each elementary school',
			'EL, LI',
			'237577.00',
			'204127.00',
			'in progress',
			''
		]
	},
	{
		kind: 'crosswalk',
		title: 'Renumbered actions (last year’s number → this year’s)',
		columns: ['prior_action_number', 'action_number'],
		required: ['prior_action_number', 'action_number'],
		example: ['3.60', '3.11']
	}
];

/** The kind of LCAP table a header holds, or null. */
export function lcapKindOf(header: readonly string[]): LcapFileKind | null {
	const has = (name: string) => header.includes(name);
	if (has('prior_action_number')) return 'crosswalk';
	if (has('last_years_action')) return 'annual-update';
	if (has('goal_number') && has('goal_type')) return 'goals';
	if (has('metric_number')) return has('student_group') ? 'metric-rows' : 'metrics';
	if (has('action_number') && header.some((h) => h.startsWith('expenditures_and_encumbrances')))
		return 'midyear';
	if (has('action_number') && has('total_funds')) return 'actions';
	return null;
}

function cell(text: string): string {
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A template to download: the columns and one example row. */
export function lcapTemplate(format: LcapFileFormat): string {
	return `${format.columns.join(',')}\r\n${format.example.map(cell).join(',')}\r\n`;
}
