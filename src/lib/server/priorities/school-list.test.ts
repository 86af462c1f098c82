import { describe, expect, it } from 'vitest';
import type { SchoolRow } from '../../priorities/results.ts';
import type { SchoolListQuery } from '../../priorities/school-list.ts';
import { schoolListPage, schoolListQuery } from './school-list.ts';

const row = (name: string, latest: number | null, suppressed = false): SchoolRow => ({
	cdsCode: `0000000000${name.length}${name.charCodeAt(0)}`.slice(-14),
	name,
	type: 'elementary',
	byYear: {
		'2024-25': {
			value: suppressed ? null : latest,
			n: suppressed ? null : 40,
			suppressed,
			state: null
		}
	}
});

const rows = [
	row('Oak Elementary', 40),
	row('Birch Middle', 70),
	row('José Martí Elementary', 55),
	row('Cedar High', null, true),
	row('Aspen Elementary', null)
];
const query = (over: Partial<SchoolListQuery> = {}): SchoolListQuery => ({
	sort: 'name',
	dir: 'asc',
	search: '',
	page: 1,
	...over
});
const names = (p: { rows: SchoolRow[] }) => p.rows.map((r) => r.name);

describe('schoolListPage', () => {
	it('sorts by name both ways', () => {
		expect(names(schoolListPage(rows, '2024-25', query()))).toEqual([
			'Aspen Elementary',
			'Birch Middle',
			'Cedar High',
			'José Martí Elementary',
			'Oak Elementary'
		]);
		expect(names(schoolListPage(rows, '2024-25', query({ dir: 'desc' })))[0]).toBe(
			'Oak Elementary'
		);
	});

	it('sorts by the latest result, schools without a shown result last either way', () => {
		expect(names(schoolListPage(rows, '2024-25', query({ sort: 'result' })))).toEqual([
			'Oak Elementary',
			'José Martí Elementary',
			'Birch Middle',
			'Aspen Elementary',
			'Cedar High'
		]);
		expect(names(schoolListPage(rows, '2024-25', query({ sort: 'result', dir: 'desc' })))).toEqual([
			'Birch Middle',
			'José Martí Elementary',
			'Oak Elementary',
			'Aspen Elementary',
			'Cedar High'
		]);
	});

	it('finds schools by part of the name, ignoring case and accents, or by CDS code', () => {
		const found = schoolListPage(rows, '2024-25', query({ search: 'jose marti' }));
		expect(names(found)).toEqual(['José Martí Elementary']);
		expect(found).toMatchObject({ total: 5, matching: 1, pages: 1 });
		const code = rows[1].cdsCode;
		expect(names(schoolListPage(rows, '2024-25', query({ search: code })))).toEqual([
			'Birch Middle'
		]);
		expect(schoolListPage(rows, '2024-25', query({ search: 'zzz' }))).toMatchObject({
			rows: [],
			matching: 0,
			page: 1,
			pages: 1
		});
	});

	it('pages, and a page past the end shows the last one', () => {
		const second = schoolListPage(rows, '2024-25', query({ page: 2 }), 2);
		expect(names(second)).toEqual(['Cedar High', 'José Martí Elementary']);
		expect(second).toMatchObject({ page: 2, pages: 3, total: 5, matching: 5, pageSize: 2 });
		expect(names(schoolListPage(rows, '2024-25', query({ page: 99 }), 2))).toEqual([
			'Oak Elementary'
		]);
	});

	it('handles no schools at all', () => {
		expect(schoolListPage([], undefined, query({ sort: 'result' }))).toMatchObject({
			rows: [],
			total: 0,
			pages: 1
		});
	});
});

describe('schoolListQuery', () => {
	it('reads the query string, with defaults for anything odd', () => {
		expect(
			schoolListQuery(new URLSearchParams('sort=result&dir=desc&school= oak &page=3'))
		).toEqual({ sort: 'result', dir: 'desc', search: 'oak', page: 3 });
		expect(schoolListQuery(new URLSearchParams('sort=x&dir=up&page=-2'))).toEqual({
			sort: 'name',
			dir: 'asc',
			search: '',
			page: 1
		});
		expect(schoolListQuery(new URLSearchParams('page=abc')).page).toBe(1);
	});
});
