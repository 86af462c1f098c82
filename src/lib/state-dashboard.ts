// The California School Dashboard's own scales, as the state names them. Results imported from
// its files carry a performance color (1 Red … 5 Blue), a status level and a change level.

export interface StateLevels {
	/** 1 Red, 2 Orange, 3 Yellow, 4 Green, 5 Blue; null when the state gave none. */
	color: number | null;
	/** 1 Very low … 5 Very high. */
	status: number | null;
	/** 1 Declined significantly … 5 Increased significantly. */
	change: number | null;
	/** Why there is no color: 'status-only' (a year such as 2022), 'small-group', 'not-given'. */
	colorMissing: string | null;
}

/** The state's Dashboard page of a district or school for the fall release of a school year. */
export function stateDashboardUrl(cdsCode: string, startYear: number): string {
	// The Dashboard names its years by the fall they are released in: 2022-23 is "2023".
	return `https://www.caschooldashboard.org/reports/${encodeURIComponent(cdsCode)}/${startYear + 1}`;
}

/** Start year of a label "2022-23" (for the link above). */
export function startYearOf(label: string): number | null {
	const m = /^(\d{4})-/.exec(label);
	return m ? Number(m[1]) : null;
}
