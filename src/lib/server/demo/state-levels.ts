// The state's Dashboard colors and levels for the demo's Dashboard measures, worked out the way
// the state does: a status level from cut points, a change level from the change since the year
// before, and the color from the two (the state's five-by-five grid). 2021-22 was status only,
// as it was for the real Dashboard; groups under 30 students get no color.
import type { Context } from './context.ts';

interface Scale {
	/** Upper bounds of status levels 1–4 (level 5 above the last). */
	status: [number, number, number, number];
	/** Upper bounds of change levels 1–4. */
	change: [number, number, number, number];
	higherIsBetter: boolean;
}

const academic = (status: Scale['status']): Scale => ({
	status,
	change: [-15.05, -3.05, 2.95, 14.95],
	higherIsBetter: true
});

const scales: Record<string, Scale> = {
	ela: academic([-70.05, -5.05, 9.95, 44.95]),
	math: academic([-95.05, -25.05, 0.05, 34.95]),
	chronic: {
		status: [2.05, 5.05, 10.05, 20.05],
		change: [-3.05, -0.55, 0.45, 2.95],
		higherIsBetter: false
	}
};

/** Rows: the status level (1 worst … 5 best performance); columns: the change level. */
const grid = [
	[1, 1, 1, 2, 3],
	[1, 2, 2, 3, 3],
	[2, 2, 3, 4, 4],
	[2, 3, 4, 4, 5],
	[3, 4, 5, 5, 5]
];

const levelOf = (value: number, bounds: number[]) => bounds.filter((b) => value > b).length + 1;

const priorOf = (sameSchool: string, which: string) =>
	`select r.id, r.value, r.n, r.school_year_id as yearId, p.value as prior
	 from result r
	 join school_year y on y.id = r.school_year_id
	 left join school_year py on py.start_year = y.start_year - 1
	 left join result p on ${sameSchool} and p.measure_id = r.measure_id
	   and p.school_year_id = py.id and p.student_group = r.student_group
	 where r.measure_id = ? and ${which} and r.value is not null`;

export function addStateLevels(context: Context): void {
	const db = context.db.$client;
	const statusOnly = context.yearIds.get(2021);
	const update = db.prepare(
		'update result set state_color = ?, status_level = ?, change_level = ?, prior_status = ?, change = ?, color_missing = ? where id = ?'
	);
	for (const [code, scale] of Object.entries(scales)) {
		const measureId = context.measureIds.get(code);
		if (!measureId) continue;
		// The year before's value of the same school (or the district) and group. School rows and
		// district rows are joined apart: `school_id is school_id` would match both at once but
		// can only use the (measure, year, group) index, which holds every school of the
		// district, so each row would read them all (issue 30).
		const rows = db
			.prepare(
				`${priorOf('p.school_id = r.school_id', 'r.school_id is not null')}
				 union all
				 ${priorOf('p.school_id is null', 'r.school_id is null')}`
			)
			.all(measureId, measureId) as {
			id: number;
			value: number;
			n: number | null;
			yearId: number;
			prior: number | null;
		}[];
		// The state's files code both levels by performance (1 worst … 5 best) for every
		// indicator: 26.7 % chronically absent is status level 1, "Very High" (STATE-FILES.md).
		const rank = (level: number) => (scale.higherIsBetter ? level : 6 - level);
		for (const r of rows) {
			const status = rank(levelOf(r.value, scale.status));
			const hasChange = r.prior !== null && r.yearId !== statusOnly;
			const delta = hasChange ? Math.round((r.value - r.prior!) * 10) / 10 : null;
			const change = delta === null ? null : rank(levelOf(delta, scale.change));
			const small = r.n !== null && r.n < 30;
			const color = change === null || small ? null : grid[status - 1][change - 1];
			const missing = color ? null : small ? 'small-group' : 'status-only';
			update.run(color, status, change, hasChange ? r.prior : null, delta, missing, r.id);
		}
	}
}
