import type { PageServerLoad } from './$types';
import { idOf } from '$lib/params';
import { z } from 'zod';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { derived } from '$lib/server/cache/derived';
import {
	coherenceMatrix,
	currentSchoolYear,
	listPriorities,
	listSchoolYears,
	matrixSorts,
	type MatrixSort
} from '$lib/server/implementation/queries';
import { schoolTypes } from '$lib/choices';

// A district's whole matrix on one screenful for most districts (the demo has 34 schools); a
// district of 1,000 pages through it, 50 schools at a time.
const pageSize = 50;

// The matrix is read and printed, never edited here, and its filters are plain GET forms: the page
// needs no JavaScript, and without hydration it does not send its data a second time (half the
// page's weight at 100 schools × 12 structures).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	authorize(event, 'board');
	const database = db();
	const params = event.url.searchParams;
	const years = listSchoolYears(database);
	const current = currentSchoolYear(database, today());
	const yearId = idOf(params.get('year'));
	const year = years.find((y) => y.id === yearId) ?? current ?? null;
	const priorities = listPriorities(database);
	const priorityId = idOf(params.get('priority'));
	const filter = {
		year: year?.id ?? null,
		type: z
			.enum(schoolTypes)
			.nullable()
			.catch(null)
			.parse(params.get('type') || null),
		priority: priorities.some((p) => p.id === priorityId) ? priorityId : null,
		sort: (z
			.enum(Object.keys(matrixSorts) as [MatrixSort, ...MatrixSort[]])
			.catch('name')
			.parse(params.get('sort') ?? 'name') ?? 'name') as MatrixSort
	};
	const matrix = year
		? derived(
				database,
				`coherence ${year.id} ${filter.type} ${filter.priority} ${filter.sort}`,
				() =>
					coherenceMatrix(database, {
						yearId: year.id,
						schoolType: filter.type,
						priorityId: filter.priority,
						sort: filter.sort
					})
			)
		: null;
	const total = matrix?.rows.length ?? 0;
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(
		pages,
		Math.max(
			1,
			z.coerce
				.number()
				.int()
				.catch(1)
				.parse(params.get('page') ?? 1)
		)
	);
	return {
		years,
		year,
		priorities,
		types: schoolTypes,
		sorts: Object.entries(matrixSorts).map(([value, label]) => ({ value, label })),
		filter,
		matrix: matrix && {
			...matrix,
			rows: matrix.rows.slice((page - 1) * pageSize, page * pageSize)
		},
		pagination: { page, pages, total, pageSize }
	};
};
