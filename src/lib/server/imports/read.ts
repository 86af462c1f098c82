import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import Papa from 'papaparse';

/** The largest file an import accepts. */
export const maxImportBytes = 50 * 1024 * 1024;

/** A problem with the file as a whole: nothing is imported. */
export class ImportFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportFileError';
	}
}

export interface TableRow {
	/** The line the row starts on (the header is line 1). */
	line: number;
	cells: string[];
}

export interface Table {
	delimiter: '\t' | ',';
	/** Header names as written. */
	rawHeader: string[];
	/** Header names lower-cased, spaces and dashes as underscores: "School CDS code" → "school_cds_code". */
	header: string[];
	/** Column index by normalised header name. */
	column: Map<string, number>;
	/** The data rows, in batches (a batch per chunk read). */
	rows: AsyncGenerator<TableRow[]>;
	/** The whole file's SHA-256 (hex) and size; complete once `rows` has been read to the end. */
	digest: () => { sha256: string; bytes: number };
}

export function normaliseHeader(name: string): string {
	return name
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s\-/]+/g, '_');
}

function describeBytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Opens a delimited text file for reading row by row from a stream: refuses an empty, binary or
 * over-size file, finds the delimiter from the header line (tab for the state's files, comma for
 * CSV), and hashes the bytes as they stream past.
 */
export async function openTable(path: string): Promise<Table> {
	const size = (await stat(path)).size;
	if (size === 0) throw new ImportFileError('The file is empty.');
	if (size > maxImportBytes) {
		throw new ImportFileError(
			`The file is ${describeBytes(size)}; the limit is ${describeBytes(maxImportBytes)}.`
		);
	}

	const handle = await open(path, 'r');
	const sniff = Buffer.alloc(Math.min(size, 64 * 1024));
	try {
		await handle.read(sniff, 0, sniff.length, 0);
	} finally {
		await handle.close();
	}
	if (sniff.includes(0) || controlShare(sniff) > 0.01) {
		throw new ImportFileError(
			'This is not a text file (it holds binary data). Upload the tab-delimited .txt file or a .csv file.'
		);
	}
	let encoding: BufferEncoding = 'utf8';
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(sniff));
	} catch {
		encoding = 'latin1';
	}
	const text = sniff.toString(encoding).replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new ImportFileError('The file is empty.');
	const firstLine = text.replace(/^\s*[\r\n]+/, '').split(/\r?\n/, 1)[0];
	const delimiter = detectDelimiter(firstLine);

	const hash = createHash('sha256');
	let bytes = 0;
	const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
	source.on('data', (chunk) => {
		hash.update(chunk as Buffer);
		bytes += chunk.length;
	});
	source.setEncoding(encoding);
	const batches = delimiter === '\t' ? tabBatches(source) : csvBatches(source);

	let first: IteratorResult<TableRow[]>;
	try {
		first = await batches.next();
		while (!first.done && first.value.length === 0) first = await batches.next();
	} catch (e) {
		source.destroy();
		throw parseError(e);
	}
	if (first.done) throw new ImportFileError('The file is empty.');
	const [headerRow, ...rest] = first.value;
	const rawHeader = headerRow.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
	const header = rawHeader.map(normaliseHeader);
	const column = new Map<string, number>();
	header.forEach((h, i) => {
		if (h !== '' && !column.has(h)) column.set(h, i);
	});

	async function* rows(): AsyncGenerator<TableRow[]> {
		try {
			if (rest.length) yield rest;
			for (;;) {
				let next: IteratorResult<TableRow[]>;
				try {
					next = await batches.next();
				} catch (e) {
					throw parseError(e);
				}
				if (next.done) return;
				yield next.value;
			}
		} finally {
			source.destroy();
		}
	}

	return {
		delimiter,
		rawHeader,
		header,
		column,
		rows: rows(),
		digest: () => ({ sha256: hash.copy().digest('hex'), bytes })
	};
}

function isEmptyRow(cells: string[]): boolean {
	return cells.length === 1 && cells[0].trim() === '';
}

/**
 * The state's tab-delimited files have no quoting, so a row is a line: the stream is cut at the
 * last line end of each chunk and each run of whole lines parsed at once (papaparse's fast mode).
 */
async function* tabBatches(source: AsyncIterable<string>): AsyncGenerator<TableRow[]> {
	let partial = '';
	let line = 0;
	let newline: '\r\n' | '\n' | '\r' | undefined;
	const parseLines = (text: string): TableRow[] => {
		newline ??= text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
		const result = Papa.parse<string[]>(text, {
			delimiter: '\t',
			newline,
			fastMode: true,
			quoteChar: '\u0000'
		});
		const out: TableRow[] = [];
		for (const cells of result.data) {
			line++;
			if (!isEmptyRow(cells)) out.push({ line, cells });
		}
		return out;
	};
	for await (const chunk of source) {
		const text = partial + chunk;
		const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
		if (cut < 0) {
			partial = text;
			continue;
		}
		// Keep a CR that may be followed by the LF of the next chunk with the partial line.
		const end = text[cut] === '\r' && cut === text.length - 1 ? cut : cut + 1;
		partial = text.slice(end);
		const whole = text.slice(0, end).replace(/(\r\n|\n|\r)$/, '');
		if (whole !== '' || end > 0) yield parseLines(whole);
	}
	if (partial.replace(/[\r\n]+$/, '') !== '') yield parseLines(partial.replace(/[\r\n]+$/, ''));
}

/** Comma-separated files may quote fields, even across lines: papaparse's streaming parser. */
async function* csvBatches(source: NodeJS.ReadableStream): AsyncGenerator<TableRow[]> {
	const parser = source.pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: ',' }));
	let line = 1;
	let batch: TableRow[] = [];
	for await (const cells of parser as AsyncIterable<string[]>) {
		const start = line;
		for (const c of cells) {
			if (c.includes('\n')) line += c.split('\n').length - 1;
		}
		line++;
		if (!isEmptyRow(cells)) batch.push({ line: start, cells });
		if (batch.length >= 1000) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length) yield batch;
}

function parseError(e: unknown): Error {
	if (e instanceof ImportFileError) return e;
	const err = e as { code?: string; lines?: number; message?: string };
	if (err && typeof err.code === 'string' && err.code.startsWith('ERR_')) return e as Error;
	if (err && typeof err.message === 'string' && !(e instanceof Error)) {
		return new ImportFileError(`The file could not be read as CSV: ${err.message}`);
	}
	return e instanceof Error ? e : new Error(String(e));
}

function detectDelimiter(line: string): '\t' | ',' {
	const tabs = line.split('\t').length - 1;
	const commas = line.split(',').length - 1;
	if (tabs > 0 && tabs >= commas) return '\t';
	if (commas > 0) return ',';
	if (tabs > 0) return '\t';
	const other = [';', '|'].find((d) => line.includes(d));
	if (other) {
		throw new ImportFileError(
			`The columns are separated by "${other}". Use the state's tab-delimited file as downloaded, or a comma-separated CSV.`
		);
	}
	throw new ImportFileError(
		'The header line has a single column. Use the state’s tab-delimited file as downloaded, or a comma-separated CSV.'
	);
}

/** Share of bytes that are control characters other than tab, CR and LF. */
function controlShare(buf: Buffer): number {
	let control = 0;
	for (let i = 0; i < buf.length; i++) {
		const b = buf[i];
		if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
	}
	return control / buf.length;
}

/** Drops a multi-byte character cut at the end of a sniffed chunk, so it does not look invalid. */
function trimPartialUtf8(buf: Buffer): Buffer {
	let end = buf.length;
	let back = 0;
	while (end > 0 && back < 4 && (buf[end - 1] & 0xc0) === 0x80) {
		end--;
		back++;
	}
	if (end > 0 && buf[end - 1] >= 0xc0) end--;
	else end = buf.length;
	return buf.subarray(0, end);
}
