/**
 * The read-only API under /api/v1: one list per dataset (paged, filtered), a priority by its slug,
 * a measure by its code, and the OpenAPI document. Every answer is JSON: a problem (RFC 9457) for
 * a bad parameter (400) or an address that is not there (404).
 */
import type { DbFile } from '../db/open.ts';
import { dataContext, datasetByName, license } from './datasets.ts';
import { readQuery, type ParamProblem } from './filters.ts';
import { publishedRows } from './files.ts';
import { openApiDocument } from './openapi.ts';

export interface ApiAnswer {
	status: 200 | 400 | 404;
	body: unknown;
	contentType: string;
}

const json = 'application/json; charset=utf-8';
const problemType = 'application/problem+json; charset=utf-8';

export function problem(status: 400 | 404, detail: string, errors?: ParamProblem[]): ApiAnswer {
	return {
		status,
		contentType: problemType,
		body: {
			type: 'about:blank',
			title: status === 400 ? 'Bad request' : 'Not found',
			status,
			detail,
			...(errors ? { errors } : {})
		}
	};
}

const base = '/api/v1';

function meta(db: DbFile, dataset: string) {
	const context = dataContext(db);
	return {
		dataset,
		district: context?.district ?? null,
		as_of: context?.asOf ?? null,
		suppression_size: context?.suppressionSize ?? null,
		license: license.url
	};
}

function index(): ApiAnswer {
	return {
		status: 200,
		contentType: json,
		body: {
			openapi: `${base}/openapi.json`,
			datasets: openApiPaths()
		}
	};
}

const openApiPaths = () =>
	Object.keys(openApiDocument().paths)
		.filter((p) => !p.includes('{'))
		.map((p) => `${base}${p}`);

const pageOf = <T>(rows: T[], page: number, perPage: number) => ({
	rows: rows.slice((page - 1) * perPage, page * perPage),
	total: rows.length
});

/** Answers GET /api/v1/<path>?<query>. */
export function answerApi(db: DbFile, path: string, params: URLSearchParams): ApiAnswer {
	const parts = path.split('/').filter(Boolean);
	if (parts.length === 0) return index();
	if (parts.length === 1 && parts[0] === 'openapi.json')
		return { status: 200, contentType: json, body: openApiDocument() };
	const dataset = datasetByName(parts[0]);
	const unknown = problem(
		404,
		`There is nothing at ${base}/${parts.join('/')}. The API's routes are listed at ${base}/openapi.json.`
	);
	if (!dataset || parts.length > 2) return unknown;

	if (parts.length === 2) {
		const key =
			dataset.name === 'priorities' ? 'slug' : dataset.name === 'measures' ? 'code' : null;
		if (!key) return unknown;
		if ([...params.keys()].length)
			return problem(400, 'This address takes no query parameters.', [
				...[...params.keys()].map((param) => ({
					param,
					message: `Unknown parameter "${param}". This address takes no parameters.`
				}))
			]);
		// The route's parameter is decoded already: decoding again broke on a % sign (a 500).
		const wanted = parts[1];
		const row = publishedRows(db, dataset, {}).find((r) => r[key] === wanted);
		if (!row)
			return problem(
				404,
				`There is no public ${dataset.name === 'priorities' ? 'priority' : 'measure'} “${wanted}”.`
			);
		return { status: 200, contentType: json, body: { data: row, meta: meta(db, dataset.name) } };
	}

	const query = readQuery(params, dataset.filters, true);
	if (!query.ok)
		return problem(
			400,
			query.problems.map((p) => `${p.param}: ${p.message}`).join(' '),
			query.problems
		);
	const { page, perPage } = query.paging;
	// A large table's page is read by itself, never the whole table for one page (issue 30).
	const { rows, total } = dataset.large
		? dataset.large.page(db, query.filter, (page - 1) * perPage, perPage)
		: pageOf(publishedRows(db, dataset, query.filter), page, perPage);
	const pages = Math.ceil(total / perPage);
	const link = (n: number) => {
		const q = new URLSearchParams(params);
		q.set('page', String(n));
		if (!q.has('per_page') && perPage !== 100) q.set('per_page', String(perPage));
		return `${base}/${dataset.name}?${q}`;
	};
	const filterQuery = new URLSearchParams(
		Object.entries(query.filter).filter(([, v]) => v) as [string, string][]
	).toString();
	const download = (ext: string) =>
		`/data/${dataset.name}.${ext}${filterQuery ? `?${filterQuery}` : ''}`;
	return {
		status: 200,
		contentType: json,
		body: {
			data: rows,
			meta: { ...meta(db, dataset.name), page, per_page: perPage, total, pages },
			links: {
				self: `${base}/${dataset.name}${params.size ? `?${params}` : ''}`,
				next: page < pages ? link(page + 1) : null,
				prev: page > 1 ? link(Math.min(page - 1, Math.max(pages, 1))) : null,
				csv: download('csv'),
				json: download('json')
			}
		}
	};
}
