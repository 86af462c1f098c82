// The accountability page's data, as the browser and the pages read it (src/lib/server/accountability/
// builds it): the state's Differentiated Assistance and ESSA determinations beside the computed one,
// the Reds by student group and which of the board's priorities address each.

/** The LCFF priority areas the Dashboard's indicators decide (1, 2, 3 and 7 are local indicators). */
export type PriorityArea = 4 | 5 | 6 | 8;

export interface GroupName {
	code: string;
	name: string;
	nameEs: string | null;
}

/** One indicator and level behind a priority area met. */
export interface AreaReason {
	indicator: string;
	level: 'red' | 'orange';
	/** The state's color, or the lowest status level of a status-only year. */
	basis: 'color' | 'status';
}

export interface GroupAreas {
	group: GroupName;
	/** Computed from the Dashboard results (empty: none met). */
	computed: PriorityArea[];
	computedLetter: string | null;
	/** For each area met, the indicators that met it. */
	reasons: { area: PriorityArea; reasons: AreaReason[][] }[];
	/** The state's letter and its areas, when its workbook for the year is imported. */
	stateLetter: string | null;
	state: PriorityArea[];
	/** The state's letter and the computed one differ (both shown, never corrected). */
	differs: boolean;
}

/** A priority (and its measure) that addresses a Red group and indicator. */
export interface Addressing {
	slug: string;
	title: string;
	titleEs: string | null;
	measure: string;
	measureEs: string | null;
	/** A measure of that indicator for the group, for all students, or a target for the group. */
	how: 'group' | 'all' | 'target';
}

export interface Red {
	group: GroupName;
	indicator: string;
	value: number | null;
	n: number | null;
	basis: 'color' | 'status';
	addressedBy: Addressing[];
}

/** A school's Reds (without the priorities: the district's own Reds carry those). */
export interface SchoolRed {
	cds: string;
	name: string;
	reds: Omit<Red, 'addressedBy'>[];
}

export interface EssaSchool {
	cds: string;
	name: string;
	status: string;
	groups: GroupName[];
	/** The school's page exists (the district imported its schools). */
	linked: boolean;
}

export interface AccountabilityYear {
	/** The Dashboard year (2023: the fall 2023 Dashboard, of 2022-23). */
	year: number;
	/** The state's status in its words ("Differentiated Assistance, Year 1"), when imported. */
	stateStatus: string | null;
	/** Whether the state's DA workbook for this year was imported (letters by group). */
	stateImported: boolean;
	/** Whether the district's Dashboard results of this year were imported. */
	computedFrom: boolean;
	/** Computed: some group met the criteria in two or more areas. */
	eligible: boolean;
	groups: GroupAreas[];
	reds: Red[];
	/** Each school's Reds, schools by name. */
	schoolReds: SchoolRed[];
	schools: EssaSchool[];
}

export interface AccountabilityView {
	years: AccountabilityYear[];
	/** The state's statuses of earlier years the workbooks carry (AssistanceStatus2017…). */
	history: { year: number; status: string }[];
	/** Reds of the latest year that no priority addresses. */
	unaddressed: Red[];
}
