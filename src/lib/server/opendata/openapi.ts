/**
 * The API's OpenAPI 3.1 document, written from the dataset catalog, so the document, the API
 * and the downloads cannot drift apart. Served at /api/v1/openapi.json.
 */
import { datasets, license, type Column, type Dataset } from './datasets.ts';
import { defaultPerPage, maxPerPage, type FilterName } from './filters.ts';
import { publishedColumns } from './files.ts';

type Schema = Record<string, unknown>;

export function columnSchema(c: Column): Schema {
	const base: Schema =
		c.type === 'date'
			? { type: 'string', format: 'date' }
			: { type: c.type === 'integer' ? 'integer' : c.type };
	if (c.values) base.enum = c.nullable ? [...c.values, null] : [...c.values];
	if (c.nullable) base.type = [base.type as string, 'null'];
	return { ...base, description: c.description };
}

export const rowSchemaName = (d: Dataset) =>
	d.name.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()) + 'Row';

export function rowSchema(d: Dataset): Schema {
	const columns = publishedColumns(d);
	return {
		type: 'object',
		description: d.description.en,
		properties: Object.fromEntries(columns.map((c) => [c.name, columnSchema(c)])),
		required: columns.map((c) => c.name),
		additionalProperties: false
	};
}

const parameters: Record<FilterName | 'page' | 'per_page', Schema> = {
	year: {
		name: 'year',
		in: 'query',
		description: 'Only this school year, e.g. 2023-24.',
		schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }
	},
	school: {
		name: 'school',
		in: 'query',
		description:
			'Only this school (its 14-digit CDS code), or "district" for the district’s own figures.',
		schema: { type: 'string', pattern: '^(district|\\d{14})$' }
	},
	group: {
		name: 'group',
		in: 'query',
		description: 'Only this student group (its code: ALL, EL, SWD…).',
		schema: { type: 'string', pattern: '^[A-Za-z0-9]{1,12}$' }
	},
	measure: {
		name: 'measure',
		in: 'query',
		description: 'Only this measure (its code).',
		schema: { type: 'string' }
	},
	priority: {
		name: 'priority',
		in: 'query',
		description: 'Only this priority (its slug).',
		schema: { type: 'string' }
	},
	page: {
		name: 'page',
		in: 'query',
		description: 'The page, from 1.',
		schema: { type: 'integer', minimum: 1, default: 1 }
	},
	per_page: {
		name: 'per_page',
		in: 'query',
		description: `Rows a page, 1 to ${maxPerPage}.`,
		schema: { type: 'integer', minimum: 1, maximum: maxPerPage, default: defaultPerPage }
	}
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const problemResponse = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: ref('Problem') } }
});

const cachingHeaders = {
	ETag: {
		description:
			'A strong validator: send it back in If-None-Match to get 304 when nothing changed.',
		schema: { type: 'string' }
	},
	'Cache-Control': {
		description: 'public, max-age=60, stale-while-revalidate=600',
		schema: { type: 'string' }
	}
};

function pageSchema(d: Dataset): Schema {
	return {
		type: 'object',
		required: ['data', 'meta', 'links'],
		additionalProperties: false,
		properties: {
			data: { type: 'array', items: ref(rowSchemaName(d)) },
			meta: ref('Meta'),
			links: ref('Links')
		}
	};
}

/** The single-item routes: a priority by its slug, a measure by its code. */
const itemRoutes: { dataset: string; key: string; param: string; what: string }[] = [
	{ dataset: 'priorities', key: 'slug', param: 'slug', what: 'priority' },
	{ dataset: 'measures', key: 'code', param: 'code', what: 'measure' }
];

export function openApiDocument(server = '/api/v1') {
	const paths: Record<string, Schema> = {};
	for (const d of datasets) {
		paths[`/${d.name}`] = {
			get: {
				operationId: `list-${d.name}`,
				summary: d.title.en,
				description: d.description.en,
				parameters: [...d.filters, 'page', 'per_page'].map(
					(f) => parameters[f as keyof typeof parameters]
				),
				responses: {
					'200': {
						description: `A page of ${d.title.en.toLowerCase()}.`,
						headers: cachingHeaders,
						content: { 'application/json': { schema: ref(`${rowSchemaName(d)}Page`) } }
					},
					'304': { description: 'Not modified (If-None-Match matched the ETag).' },
					'400': problemResponse('A query parameter is unknown or malformed.')
				}
			}
		};
	}
	for (const item of itemRoutes) {
		const d = datasets.find((x) => x.name === item.dataset)!;
		paths[`/${d.name}/{${item.param}}`] = {
			get: {
				operationId: `get-${item.what}`,
				summary: `One ${item.what}`,
				parameters: [{ name: item.param, in: 'path', required: true, schema: { type: 'string' } }],
				responses: {
					'200': {
						description: `The ${item.what}.`,
						headers: cachingHeaders,
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data', 'meta'],
									additionalProperties: false,
									properties: { data: ref(rowSchemaName(d)), meta: ref('Meta') }
								}
							}
						}
					},
					'404': problemResponse(`There is no public ${item.what} with this ${item.param}.`)
				}
			}
		};
	}
	const schemas: Record<string, Schema> = {
		Problem: {
			type: 'object',
			description: 'A problem (RFC 9457).',
			required: ['type', 'title', 'status', 'detail'],
			properties: {
				type: { type: 'string' },
				title: { type: 'string' },
				status: { type: 'integer' },
				detail: { type: 'string' },
				errors: {
					type: 'array',
					items: {
						type: 'object',
						required: ['param', 'message'],
						properties: { param: { type: 'string' }, message: { type: 'string' } }
					}
				}
			}
		},
		Meta: {
			type: 'object',
			required: ['dataset', 'as_of', 'suppression_size', 'license'],
			properties: {
				dataset: { type: 'string' },
				district: { type: ['string', 'null'] },
				as_of: {
					type: ['string', 'null'],
					description: 'When the district’s data was last updated.'
				},
				suppression_size: {
					type: ['integer', 'null'],
					description: 'Groups smaller than this are suppressed.'
				},
				license: { type: 'string', format: 'uri' },
				page: { type: 'integer', minimum: 1 },
				per_page: { type: 'integer', minimum: 1 },
				total: { type: 'integer', minimum: 0 },
				pages: { type: 'integer', minimum: 0 }
			}
		},
		Links: {
			type: 'object',
			required: ['self'],
			properties: {
				self: { type: 'string' },
				next: { type: ['string', 'null'] },
				prev: { type: ['string', 'null'] },
				csv: { type: 'string' },
				json: { type: 'string' }
			}
		}
	};
	for (const d of datasets) {
		schemas[rowSchemaName(d)] = rowSchema(d);
		schemas[`${rowSchemaName(d)}Page`] = pageSchema(d);
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Throughline open data',
			version: '1.0.0',
			summary:
				'The board’s priorities, measures, targets, results, structures, policies, updates, meetings and plan changes, read-only.',
			description:
				'Only what the public pages show: never a draft, an internal note, an e-mail address, or the value of a student group under the suppression size. Answers carry an ETag and Cache-Control; a bad query parameter gets 400 and an unknown address 404, both as application/problem+json.',
			license: { name: license.name, url: license.url }
		},
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		servers: [{ url: server }],
		paths,
		components: { schemas }
	};
}
