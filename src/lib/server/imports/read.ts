import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';

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
	rows: AsyncGenerator<TableRow>;
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
	const source = createReadStream(path);
	source.on('data', (chunk) => {
		hash.update(chunk as Buffer);
		bytes += chunk.length;
	});
	const parser = source.pipe(
		parse({
			delimiter,
			encoding,
			bom: true,
			// The state's files are not quoted; a quote inside a name is just a character.
			quote: delimiter === ',' ? '"' : false,
			relax_column_count: true,
			skip_empty_lines: true,
			info: true
		})
	);
	source.on('error', (e) => parser.destroy(e));
	const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{
		record: string[];
		info: { lines: number };
	}>;

	let first: IteratorResult<{ record: string[]; info: { lines: number } }>;
	try {
		first = await iterator.next();
	} catch (e) {
		source.destroy();
		throw parseError(e);
	}
	if (first.done) throw new ImportFileError('The file is empty.');
	const rawHeader = first.value.record.map((h) => h.trim());
	const header = rawHeader.map(normaliseHeader);
	const column = new Map<string, number>();
	header.forEach((h, i) => {
		if (h !== '' && !column.has(h)) column.set(h, i);
	});

	async function* rows(): AsyncGenerator<TableRow> {
		try {
			for (;;) {
				let next: IteratorResult<{ record: string[]; info: { lines: number } }>;
				try {
					next = await iterator.next();
				} catch (e) {
					throw parseError(e);
				}
				if (next.done) return;
				yield { line: next.value.info.lines, cells: next.value.record };
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

function parseError(e: unknown): Error {
	if (e instanceof ImportFileError) return e;
	const err = e as { code?: string; lines?: number; message?: string };
	if (err && typeof err.code === 'string' && err.code.startsWith('CSV_')) {
		return new ImportFileError(
			`The file could not be read as CSV near line ${err.lines ?? '?'}: ${err.message}`
		);
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
