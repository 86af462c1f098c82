// Dated event notes on charts (a strike, a fire, a new curriculum): which notes a chart shows —
// those whose date falls in a school year of its span — and their numbers, oldest first.
// Isomorphic: the server picks the reader's notes, the charts place them.
import { schoolYearLabel, schoolYearOf } from './school-year.ts';

export interface ChartNote {
	id: number;
	/** ISO date, YYYY-MM-DD. */
	happenedOn: string;
	text: string;
	textEs: string | null;
	/** Board and staff only; the server never sends one to the public. */
	internal: boolean;
	/** Whose note: the whole district's, one school's (its name), one priority's (its title). */
	school: string | null;
	priority: string | null;
	schoolId: number | null;
	priorityId: number | null;
}

/** The notes of a chart about one priority's district figures: district-wide and that priority's. */
export function notesOfPriority(notes: ChartNote[], priorityId: number): ChartNote[] {
	return notes.filter(
		(n) => n.schoolId === null && (n.priorityId === null || n.priorityId === priorityId)
	);
}

export interface PlacedNote extends ChartNote {
	number: number;
	/** The school year it falls in, e.g. "2022-23". */
	schoolYear: string;
}

/** The notes within the chart's years (labels like "2022-23"), numbered 1… oldest first. */
export function notesInSpan(notes: ChartNote[], years: string[]): PlacedNote[] {
	const span = new Set(years);
	return notes
		.map((n) => ({ ...n, schoolYear: schoolYearLabel(schoolYearOf(n.happenedOn)) }))
		.filter((n) => span.has(n.schoolYear))
		.sort((a, b) => a.happenedOn.localeCompare(b.happenedOn) || a.id - b.id)
		.map((n, i) => ({ ...n, number: i + 1 }));
}
