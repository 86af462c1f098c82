// Pure computations of leadership continuity. The queries in ./queries.ts gather the rows.
//
// Definitions decided for Throughline:
// - A school year runs from 1 July to 30 June (2024-25: 2024-07-01 … 2025-06-30), as California
//   school years do; a date belongs to the school year whose start year is its year when the month
//   is July or later, else the year before.
// - A *seat* is one role in one place: the superintendency, one priority's sponsorship, one
//   school's principalship. A seat is *filled* in a year when any tenure in it overlaps the year.
// - A *change* (turnover) in a seat in a year: a tenure starts within that school year and an
//   earlier tenure exists in the same seat. A seat's first recorded holder is not a change: it is
//   where our records begin.
// - Turnover rate of a year: seats that changed hands during the year ÷ seats filled in the year.
//   A seat counts once however many times it changed hands.
// - Tenure length: from start to end, or to today for a leader still in the role (so the average
//   of current leaders is a lower bound). Lengths are in years of 365.25 days.
// - Average tenure: the mean length of all tenures of the role (completed and ongoing).

export type SeatRole = 'superintendent' | 'sponsor' | 'principal';

export interface Tenure {
	id: number;
	role: SeatRole;
	personName: string;
	schoolId: number | null;
	priorityId: number | null;
	startedOn: string;
	endedOn: string | null;
}

export function seatKey(t: Pick<Tenure, 'role' | 'schoolId' | 'priorityId'>): string {
	if (t.role === 'principal') return `principal:${t.schoolId}`;
	if (t.role === 'sponsor') return `sponsor:${t.priorityId}`;
	return 'superintendent';
}

export { schoolYearOf, schoolYearSpan } from '../../school-year.ts';
import { schoolYearOf, schoolYearSpan } from '../../school-year.ts';

/** Tenures that overlap the school year. */
export function tenuresInYear<T extends Pick<Tenure, 'startedOn' | 'endedOn'>>(
	tenures: readonly T[],
	startYear: number
): T[] {
	const { from, to } = schoolYearSpan(startYear);
	return tenures.filter((t) => t.startedOn <= to && (t.endedOn == null || t.endedOn >= from));
}

/** Tenures that start a change of hands: not the first recorded tenure of their seat. */
export function changeTenures<T extends Tenure>(tenures: readonly T[]): T[] {
	const first = new Map<string, string>();
	for (const t of tenures) {
		const key = seatKey(t);
		const seen = first.get(key);
		if (seen === undefined || t.startedOn < seen) first.set(key, t.startedOn);
	}
	return tenures.filter((t) => t.startedOn > (first.get(seatKey(t)) as string));
}

export interface TurnoverYear {
	year: number;
	seats: number;
	changed: number;
	rate: number | null;
}

export function turnover(tenures: readonly Tenure[], startYear: number): TurnoverYear {
	const seats = new Set(tenuresInYear(tenures, startYear).map(seatKey));
	const changed = new Set(
		changeTenures(tenures)
			.filter((t) => schoolYearOf(t.startedOn) === startYear)
			.map(seatKey)
	);
	// A change always fills its seat in that year, so `changed` ⊆ `seats`.
	return {
		year: startYear,
		seats: seats.size,
		changed: changed.size,
		rate: seats.size === 0 ? null : changed.size / seats.size
	};
}

const dayMs = 24 * 60 * 60 * 1000;

/** Tenure length in years, to today when still in the role; never negative. */
export function tenureYears(t: Pick<Tenure, 'startedOn' | 'endedOn'>, today: string): number {
	const end = t.endedOn ?? today;
	const days = (Date.parse(end) - Date.parse(t.startedOn)) / dayMs;
	return Math.max(0, days) / 365.25;
}

export function averageTenure(
	tenures: readonly Pick<Tenure, 'startedOn' | 'endedOn'>[],
	today: string
): number | null {
	if (tenures.length === 0) return null;
	return tenures.reduce((sum, t) => sum + tenureYears(t, today), 0) / tenures.length;
}

/** For each school, the school years (start years) in which a new principal started. */
export function principalChangeYears(tenures: readonly Tenure[]): Map<number, Set<number>> {
	const out = new Map<number, Set<number>>();
	for (const t of changeTenures(tenures.filter((t) => t.role === 'principal'))) {
		if (t.schoolId == null) continue;
		let set = out.get(t.schoolId);
		if (!set) out.set(t.schoolId, (set = new Set()));
		set.add(schoolYearOf(t.startedOn));
	}
	return out;
}

export { daysBetween } from '../../school-year.ts';
