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
	/** The file, a batch of rows at a time: written to the answer as it is made (issue 30). */
	chunks: () => Generator<string>;
	/** The whole file at once (the chunks joined). */
	readonly body: string;
	contentType: string;
	fileName: string;
}

/** Rows per chunk: large enough that compression works on whole blocks, small enough to start soon. */
const rowsPerChunk = 1000;

function dataFile(
	chunks: () => Generator<string>,
	contentType: string,
	fileName: string
): DataFile {
	return {
		chunks,
		get body() {
			return [...chunks()].join('');
		},
		contentType,
		fileName
	};
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

/**
 * The rows of a file a batch at a time: a large table's straight from SQLite's cursor, the others
 * from the rows kept for the API.
 */
function* batchesOf(db: DbFile, dataset: Dataset, filter: Filter): Generator<Row[]> {
	if (dataset.large) {
		let batch: Row[] = [];
		for (const row of dataset.large.iterate(db, filter)) {
			batch.push(row);
			if (batch.length === rowsPerChunk) {
				yield batch;
				batch = [];
			}
		}
		if (batch.length > 0) yield batch;
		return;
	}
	const rows = publishedRows(db, dataset, filter);
	for (let i = 0; i < rows.length; i += rowsPerChunk) yield rows.slice(i, i + rowsPerChunk);
}

export function csvFile(db: DbFile, dataset: Dataset, filter: Filter): DataFile {
	const context = dataContext(db);
	const columns = [...publishedColumns(dataset).map((c) => c.name), 'as_of'];
	const asOf = context?.asOf ?? '';
	const options = {
		columns,
		record_delimiter: 'unix',
		cast: { string: spreadsheetSafe, boolean: booleanCell }
	} as const;
	function* chunks() {
		yield stringify([], { ...options, header: true, bom: true });
		for (const batch of batchesOf(db, dataset, filter))
			yield stringify(
				batch.map((r) => ({ ...r, as_of: asOf })),
				options
			);
	}
	return dataFile(chunks, 'text/csv; charset=utf-8', `${fileStem(dataset, filter)}.csv`);
}

/** The file's description: everything but its rows. */
function jsonHead(
	db: DbFile,
	dataset: Dataset,
	filter: Filter,
	held: { years: string[]; sources: string[] }
) {
	const context = dataContext(db);
	return {
		dataset: dataset.name,
		title: dataset.title.en,
		title_es: dataset.title.es,
		description: dataset.description.en,
		district: context?.district ?? null,
		district_cds_code: context?.cdsCode ?? null,
		as_of: context?.asOf ?? null,
		school_years: held.years,
		sources: held.sources,
		license: license.url,
		suppression: context
			? { size: context.suppressionSize, rule: suppressionRule(context.suppressionSize).en }
			: null,
		filter,
		columns: publishedColumns(dataset).map((c) => ({
			name: c.name,
			type: c.type,
			description: c.description
		}))
	};
}

/** The school years and sources the rows hold. */
function heldIn(rows: Row[]) {
	return {
		years: [...new Set(rows.map((r) => r.school_year).filter(Boolean))].sort() as string[],
		sources: [...new Set(rows.map((r) => r.source))].sort() as string[]
	};
}

export function jsonDocument(db: DbFile, dataset: Dataset, filter: Filter) {
	const rows = publishedRows(db, dataset, filter);
	return { ...jsonHead(db, dataset, filter, heldIn(rows)), rows };
}

/**
 * The document as `JSON.stringify(jsonDocument(…), null, 1)` writes it, byte for byte, its rows
 * written a batch at a time: the description, then `"rows": [`, each row at its depth, `]}`.
 */
export function jsonFile(db: DbFile, dataset: Dataset, filter: Filter): DataFile {
	const row = (r: Row) => '  ' + JSON.stringify(r, null, 1).replaceAll('\n', '\n  ');
	function* chunks() {
		const held = dataset.large
			? dataset.large.yearsAndSources(db, filter)
			: heldIn(publishedRows(db, dataset, filter));
		const head = JSON.stringify(jsonHead(db, dataset, filter, held), null, 1);
		yield `${head.slice(0, -2)},\n "rows": [`;
		let any = false;
		for (const batch of batchesOf(db, dataset, filter)) {
			yield (any ? ',\n' : '\n') + batch.map(row).join(',\n');
			any = true;
		}
		yield any ? '\n ]\n}' : ']\n}';
	}
	return dataFile(chunks, 'application/json; charset=utf-8', `${fileStem(dataset, filter)}.json`);
}
