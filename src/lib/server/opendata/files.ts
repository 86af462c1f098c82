/**
 * A dataset as a file: CSV that opens in a spreadsheet with the right types (numbers as numbers,
 * text that looks like a formula written as text, UTF-8 with a BOM so accents survive Excel), or
 * JSON with the file's own description. Both carry the school year and the source on every row,
 * and the "as of" date: a column in the CSV, a field of the JSON.
 */
import { stringify } from 'csv-stringify/sync';
import type { DbFile } from '../db/open.ts';
import { spreadsheetSafe } from '../exports/cells.ts';
import { dataContext, license, type Column, type Dataset } from './datasets.ts';
import type { Filter } from './filters.ts';
import { districtData, type Row } from './tables.ts';
import { derived } from '../cache/derived.ts';

export const sourceColumn: Column = {
	name: 'source',
	type: 'string',
	description: `The state's file name, or "${districtData}".`
};

/** The columns of a dataset as published: every row says where it comes from. */
export function publishedColumns(dataset: Dataset): Column[] {
	return dataset.columns.some((c) => c.name === 'source')
		? dataset.columns
		: [...dataset.columns, sourceColumn];
}

/** The dataset's rows with their source (district data unless the row names the state's file). */
export function publishedRows(db: DbFile, dataset: Dataset, filter: Filter): Row[] {
	// Every page of the API and every download of one table and filter start from the same rows,
	// kept until the data changes.
	return derived(db, `open data ${dataset.name} ${JSON.stringify(filter)}`, () =>
		withSource(dataset, dataset.rows(db, filter))
	);
}

function withSource(dataset: Dataset, rows: Row[]): Row[] {
	if (dataset.columns.some((c) => c.name === 'source')) return rows;
	return rows.map((r) => ({ ...r, source: districtData }));
}

export function suppressionRule(size: number): { en: string; es: string } {
	return {
		en: `A student group with fewer than ${size} students, or of unknown size, is suppressed: no value and no size are published for it.`,
		es: `Un grupo de estudiantes con menos de ${size} estudiantes, o de tamaño desconocido, se suprime: no se publica su valor ni su tamaño.`
	};
}

export interface DataFile {
	body: string;
	contentType: string;
	fileName: string;
}

function fileStem(dataset: Dataset, filter: Filter): string {
	const parts = Object.entries(filter)
		.filter(([, v]) => v)
		.map(([, v]) =>
			String(v)
				.toLowerCase()
				.replace(/[^a-z0-9-]+/g, '-')
		);
	return [dataset.name, ...parts].join('-');
}

const booleanCell = (v: boolean) => (v ? 'TRUE' : 'FALSE');

export function csvFile(db: DbFile, dataset: Dataset, filter: Filter): DataFile {
	const context = dataContext(db);
	const columns = [...publishedColumns(dataset).map((c) => c.name), 'as_of'];
	const asOf = context?.asOf ?? '';
	const rows = publishedRows(db, dataset, filter).map((r) => ({ ...r, as_of: asOf }));
	const body = stringify(rows, {
		header: true,
		columns,
		bom: true,
		record_delimiter: 'unix',
		cast: { string: spreadsheetSafe, boolean: booleanCell }
	});
	return {
		body,
		contentType: 'text/csv; charset=utf-8',
		fileName: `${fileStem(dataset, filter)}.csv`
	};
}

export function jsonDocument(db: DbFile, dataset: Dataset, filter: Filter) {
	const context = dataContext(db);
	const rows = publishedRows(db, dataset, filter);
	const years = [...new Set(rows.map((r) => r.school_year).filter(Boolean))].sort() as string[];
	const sources = [...new Set(rows.map((r) => r.source))].sort() as string[];
	return {
		dataset: dataset.name,
		title: dataset.title.en,
		title_es: dataset.title.es,
		description: dataset.description.en,
		district: context?.district ?? null,
		district_cds_code: context?.cdsCode ?? null,
		as_of: context?.asOf ?? null,
		school_years: years,
		sources,
		license: license.url,
		suppression: context
			? { size: context.suppressionSize, rule: suppressionRule(context.suppressionSize).en }
			: null,
		filter,
		columns: publishedColumns(dataset).map((c) => ({
			name: c.name,
			type: c.type,
			description: c.description
		})),
		rows
	};
}

export function jsonFile(db: DbFile, dataset: Dataset, filter: Filter): DataFile {
	return {
		body: JSON.stringify(jsonDocument(db, dataset, filter), null, 1),
		contentType: 'application/json; charset=utf-8',
		fileName: `${fileStem(dataset, filter)}.json`
	};
}
