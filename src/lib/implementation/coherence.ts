// The coherence & autonomy view as a page receives it: schools × structures, the depth of each
// check-in, and each structure's summary. Types only, shared by the server (queries) and the pages.
import type { SchoolType } from '../choices.ts';

export interface StructureSummary {
	/** Schools with a check-in. */
	schools: number;
	spread: number | null;
	median: number | null;
	iqr: number | null;
	/** Schools that adapted the structure locally. */
	adaptations: number;
}

export interface MatrixStructure {
	id: number;
	name: string;
	category: string;
	required: boolean;
	summary: StructureSummary;
}

export interface MatrixCell {
	depth: number;
	adaptation: string | null;
	siteLed: boolean;
}

export interface MatrixRow {
	school: { id: number; name: string; type: SchoolType };
	/** One per structure column, in column order; null: no check-in. */
	cells: (MatrixCell | null)[];
	coherence: number | null;
	autonomy: number | null;
	meanDepth: number | null;
}

export interface Matrix {
	structures: MatrixStructure[];
	rows: MatrixRow[];
	/** Schools shown that have at least one check-in in the year. */
	schoolsCheckedIn: number;
}
