/**
 * The query parameters of the open data (downloads and the API), checked before anything is read:
 * an unknown parameter or a malformed value is refused with a message naming it, never ignored.
 */
import { z } from 'zod';
import { startYearOfLabel } from '../../school-year.ts';

export const filterNames = ['year', 'school', 'group', 'measure', 'priority'] as const;
export type FilterName = (typeof filterNames)[number];

export interface Filter {
	year?: string;
	/** A school's 14-digit CDS code, or `district` for the district's own figures. */
	school?: string;
	group?: string;
	measure?: string;
	priority?: string;
}

export interface Paging {
	page: number;
	perPage: number;
}

export const maxPerPage = 1000;
export const defaultPerPage = 100;

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const filterSchemas = {
	year: z
		.string()
		.refine(
			(v) => startYearOfLabel(v) !== null,
			'Give the school year as YYYY-YY, for example 2023-24.'
		),
	school: z
		.string()
		.regex(/^(district|\d{14})$/, 'Give a 14-digit CDS code, or "district" for the district.'),
	group: z
		.string()
		.regex(/^[A-Za-z0-9]{1,12}$/, 'Give a student group code, for example ALL, EL or SWD.')
		.transform((v) => v.toUpperCase()),
	measure: z.string().regex(slug, 'Give a measure code, for example ela or grade3-reading.'),
	priority: z.string().regex(slug, "Give a priority's slug, for example early-literacy."),
	page: z.coerce
		.number({ error: 'Give the page as a whole number from 1.' })
		.int('Give the page as a whole number from 1.')
		.min(1, 'Give the page as a whole number from 1.'),
	per_page: z.coerce
		.number({ error: `Give per_page as a whole number from 1 to ${maxPerPage}.` })
		.int(`Give per_page as a whole number from 1 to ${maxPerPage}.`)
		.min(1, `Give per_page as a whole number from 1 to ${maxPerPage}.`)
		.max(maxPerPage, `Give per_page as a whole number from 1 to ${maxPerPage}.`)
} as const;

export interface ParamProblem {
	param: string;
	message: string;
}

export type ReadQuery =
	{ ok: true; filter: Filter; paging: Paging } | { ok: false; problems: ParamProblem[] };

/**
 * Reads a query string against the parameters one table takes (`allowed`), and the paging ones
 * when `paged`. Each problem names its parameter.
 */
export function readQuery(
	params: URLSearchParams,
	allowed: readonly FilterName[],
	paged: boolean
): ReadQuery {
	const problems: ParamProblem[] = [];
	const known = new Set<string>([...allowed, ...(paged ? ['page', 'per_page'] : [])]);
	const filter: Filter = {};
	const paging: Paging = { page: 1, perPage: defaultPerPage };
	const seen = new Set<string>();
	for (const [name, value] of params) {
		if (!known.has(name)) {
			problems.push({
				param: name,
				message: known.size
					? `Unknown parameter "${name}". This table takes: ${[...known].join(', ')}.`
					: `Unknown parameter "${name}". This table takes no parameters.`
			});
			continue;
		}
		if (seen.has(name)) {
			problems.push({ param: name, message: `Give "${name}" once.` });
			continue;
		}
		seen.add(name);
		const parsed = filterSchemas[name as keyof typeof filterSchemas].safeParse(value.trim());
		if (!parsed.success) {
			problems.push({ param: name, message: parsed.error.issues[0].message });
			continue;
		}
		if (name === 'page') paging.page = parsed.data as number;
		else if (name === 'per_page') paging.perPage = parsed.data as number;
		else filter[name as FilterName] = parsed.data as string;
	}
	return problems.length ? { ok: false, problems } : { ok: true, filter, paging };
}
