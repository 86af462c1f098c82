/**
 * Machine-readable descriptions of the open data: a DCAT-US 1.1 catalog (/data.json, the
 * Project Open Data schema US public bodies use) and schema.org `Dataset` JSON-LD for the pages.
 */
import type { Db } from '../db/open.ts';
import { dataContext, datasets, license, type Dataset } from './datasets.ts';
import type { Filter } from './filters.ts';

const keywords = ['education', 'school board', 'schools', 'student outcomes', 'open data'];

function query(filter: Filter): string {
	const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
	return q.size ? `?${q}` : '';
}

export function dcatCatalog(db: Db, origin: string) {
	const context = dataContext(db);
	const publisher = context?.district ?? 'School district';
	const modified = (context?.asOf ?? new Date().toISOString()).slice(0, 10);
	return {
		'@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
		'@id': `${origin}/data.json`,
		'@type': 'dcat:Catalog',
		conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
		describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
		dataset: datasets.map((d) => ({
			'@type': 'dcat:Dataset',
			identifier: `${origin}/data/${d.name}`,
			title: `${publisher}: ${d.title.en}`,
			description: d.description.en,
			keyword: keywords,
			modified,
			publisher: { '@type': 'org:Organization', name: publisher },
			contactPoint: { '@type': 'vcard:Contact', fn: publisher },
			accessLevel: 'public',
			license: license.url,
			language: ['en-US', 'es-US'],
			landingPage: `${origin}/data`,
			describedBy: `${origin}/api/v1/openapi.json`,
			describedByType: 'application/vnd.oai.openapi+json;version=3.1',
			distribution: [
				{
					'@type': 'dcat:Distribution',
					title: `${d.title.en} (CSV)`,
					downloadURL: `${origin}/data/${d.name}.csv`,
					mediaType: 'text/csv',
					format: 'CSV'
				},
				{
					'@type': 'dcat:Distribution',
					title: `${d.title.en} (JSON)`,
					downloadURL: `${origin}/data/${d.name}.json`,
					mediaType: 'application/json',
					format: 'JSON'
				},
				{
					'@type': 'dcat:Distribution',
					title: `${d.title.en} (API)`,
					accessURL: `${origin}/api/v1/${d.name}`,
					mediaType: 'application/json',
					format: 'API',
					conformsTo: `${origin}/api/v1/openapi.json`
				}
			]
		}))
	};
}

/** A schema.org Dataset for one table (optionally filtered, as a page's own download). */
export function schemaOrgDataset(
	db: Db,
	origin: string,
	dataset: Dataset,
	options: { filter?: Filter; name?: string; description?: string; locale?: 'en' | 'es' } = {}
) {
	const context = dataContext(db);
	const locale = options.locale ?? 'en';
	const q = query(options.filter ?? {});
	const publisher = context?.district ?? 'School district';
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		name: options.name ?? `${publisher}: ${dataset.title[locale]}`,
		description: options.description ?? dataset.description[locale],
		url: `${origin}${locale === 'es' ? '/es' : ''}/data`,
		identifier: `${origin}/data/${dataset.name}`,
		inLanguage: locale === 'es' ? 'es-US' : 'en-US',
		isAccessibleForFree: true,
		license: license.url,
		keywords,
		...(context?.asOf ? { dateModified: context.asOf.slice(0, 10) } : {}),
		creator: { '@type': 'Organization', name: publisher },
		publisher: { '@type': 'Organization', name: publisher },
		variableMeasured: dataset.columns.map((c) => c.name),
		distribution: [
			{
				'@type': 'DataDownload',
				encodingFormat: 'text/csv',
				contentUrl: `${origin}/data/${dataset.name}.csv${q}`
			},
			{
				'@type': 'DataDownload',
				encodingFormat: 'application/json',
				contentUrl: `${origin}/data/${dataset.name}.json${q}`
			}
		]
	};
}

/** JSON for a <script type="application/ld+json">: `<` escaped, so no text can close the tag. */
export function jsonLdText(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A schema.org DataCatalog of every dataset (the home and /data pages). */
export function schemaOrgCatalog(db: Db, origin: string, locale: 'en' | 'es' = 'en') {
	const context = dataContext(db);
	const publisher = context?.district ?? 'School district';
	return {
		'@context': 'https://schema.org',
		'@type': 'DataCatalog',
		name: `${publisher}: ${locale === 'es' ? 'datos abiertos' : 'open data'}`,
		url: `${origin}${locale === 'es' ? '/es' : ''}/data`,
		inLanguage: locale === 'es' ? 'es-US' : 'en-US',
		license: license.url,
		publisher: { '@type': 'Organization', name: publisher },
		dataset: datasets.map((d) => {
			const { '@context': _, ...one } = schemaOrgDataset(db, origin, d, { locale });
			return one;
		})
	};
}

/** The JSON-LD text of a page: the whole catalog, or one table as the page shows it. */
export function pageJsonLd(
	db: Db,
	origin: string,
	locale: 'en' | 'es',
	of?: { dataset: string; filter?: Filter; name: string; description?: string }
): string {
	if (!of) return jsonLdText(schemaOrgCatalog(db, origin, locale));
	const dataset = datasets.find((d) => d.name === of.dataset)!;
	return jsonLdText(
		schemaOrgDataset(db, origin, dataset, {
			filter: of.filter,
			name: of.name,
			description: of.description,
			locale
		})
	);
}
