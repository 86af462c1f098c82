// A measure's by-school table as a page receives it: one page of schools, and the sort, search and
// page that chose it. Types only: the server's priorities/school-list.ts sorts and pages the rows.
import type { SchoolRow } from './results.ts';

export interface SchoolListQuery {
	sort: 'name' | 'result';
	dir: 'asc' | 'desc';
	/** Part of a school's name or its CDS code. */
	search: string;
	page: number;
}

export interface SchoolListPage {
	rows: SchoolRow[];
	/** Schools with a result for the measure. */
	total: number;
	/** Schools matching the search. */
	matching: number;
	page: number;
	pages: number;
	pageSize: number;
}
