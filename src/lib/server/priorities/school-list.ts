// A measure's by-school table, one page at a time: a district of 1,000 schools would otherwise send
// every school × year to every reader (2.3 MB of HTML for one priority). Sorted, searched and
// paged on the server through the query string, so it works without JavaScript and each page can
// be cached.
import { byText } from '../../collate.ts';
import type { SchoolRow } from '../../priorities/results.ts';
import type { SchoolListPage, SchoolListQuery } from '../../priorities/school-list.ts';

// 25 schools a page: most districts' schools on one page, and a priority page of a large district
// (three measures, ten years) still in TCP's first round trip, compressed (`npm run bench`).
export const schoolsPerPage = 25;

export function schoolListQuery(params: URLSearchParams): SchoolListQuery {
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		sort: params.get('sort') === 'result' ? 'result' : 'name',
		dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
		search: (params.get('school') ?? '').trim().slice(0, 100),
		page: Number.isFinite(page) && page > 0 ? page : 1
	};
}

/** Lower case without accents, so "union" finds "Unión" and "jose" finds "José". */
const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();

export function schoolListPage(
	rows: SchoolRow[],
	latestYear: string | undefined,
	query: SchoolListQuery,
	pageSize = schoolsPerPage
): SchoolListPage {
	const needle = fold(query.search);
	const found = needle
		? rows.filter((r) => fold(r.name).includes(needle) || r.cdsCode.includes(needle))
		: [...rows];
	const factor = query.dir === 'asc' ? 1 : -1;
	const byName = (a: SchoolRow, b: SchoolRow) => byText(a.name, b.name);
	if (query.sort === 'name') found.sort((a, b) => factor * byName(a, b));
	else {
		// Schools without a shown result for the latest year (none, or suppressed) go last either way.
		const value = (r: SchoolRow) => (latestYear ? (r.byYear[latestYear]?.value ?? null) : null);
		found.sort((a, b) => {
			const x = value(a);
			const y = value(b);
			if (x === null && y === null) return byName(a, b);
			if (x === null) return 1;
			if (y === null) return -1;
			return factor * (x - y) || byName(a, b);
		});
	}
	const pages = Math.max(1, Math.ceil(found.length / pageSize));
	const page = Math.min(query.page, pages);
	return {
		rows: found.slice((page - 1) * pageSize, page * pageSize),
		total: rows.length,
		matching: found.length,
		page,
		pages,
		pageSize
	};
}
