import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import Papa from 'papaparse';

/** The largest file an import accepts. */
export const maxImportBytes = 50 * 1024 * 1024;

/** The message for a file over the limit, the same whichever door it came through. */
export const tooLargeMessage = `The file is larger than the limit of ${maxImportBytes / 1024 / 1024} MB.`;

/** A problem with the file as a whole: nothing is imported. */
export class ImportFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportFileError';
	}
}

export type Delimiter = '\t' | '|' | ',' | ';';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface TableRow {
	/** The line the row starts on (the header is line 1). */
	line: number;
	cells: string[];
}

export interface Table {
	delimiter: Delimiter;
	encoding: TextEncodingName;
	/** Header names as written. */
	rawHeader: string[];
	/** Header names lower-cased, spaces and dashes as underscores: "School CDS code" → "school_cds_code". */
	header: string[];
	/** Column index by normalised header name. */
	column: Map<string, number>;
	/** The data rows, in batches (a batch per chunk read). */
	rows: AsyncGenerator<TableRow[]>;
	/** The whole file's SHA-256 (hex) and size. */
	digest: () => { sha256: string; bytes: number };
}

export function normaliseHeader(name: string): string {
	return name
		.replace(/^\uFEFF/, '')
		.trim()
		.replace(/^"(.*)"$/, '$1')
		.trim()
		.toLowerCase()
		.replace(/[\s\-/]+/g, '_');
}

const chunkBytes = 1024 * 1024;

/**
 * Opens a delimited text file for reading row by row from a stream. Refuses an empty, binary or
 * over-size file; detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM as Excel's
 * "Unicode text" saves it, else Windows-1252) and the delimiter (tab, pipe, comma or semicolon)
 * from the header line.
 */
/** Thrown while reading when a file taken for UTF-8 is not: it is read again as Windows-1252. */
export class NotUtf8 extends Error {}

export async function openTable(
	path: string,
	options: { encoding?: TextEncodingName; maxBytes?: number } = {}
): Promise<Table> {
	const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
		throw new ImportFileError(
			e.code === 'ENOENT' ? `There is no file at ${path}.` : `The file cannot be read (${e.code}).`
		);
	});
	if (info.isDirectory()) throw new ImportFileError(`${path} is a folder, not a file.`);
	if (!info.isFile()) throw new ImportFileError(`${path} is not a regular file.`);
	if (info.size === 0) throw new ImportFileError('The file is empty.');
	const maxBytes = options.maxBytes ?? maxImportBytes;
	if (info.size > maxBytes)
		throw new ImportFileError(
			maxBytes === maxImportBytes
				? tooLargeMessage
				: `The file is larger than the limit of ${maxBytes / 1024 / 1024} MB.`
		);

	const sniff = await readStart(path, Math.min(info.size, 64 * 1024));
	const utf16 = utf16Of(sniff);
	refuseBinary(sniff, utf16 !== undefined);
	// UTF-8 unless it is not: a Windows-1252 "é" far past the first chunk stops the read with
	// NotUtf8, and the caller reads the file again as Windows-1252.
	const encoding: TextEncodingName =
		options.encoding ?? utf16 ?? (isUtf8(completeStart(sniff)) ? 'utf-8' : 'windows-1252');
	const hash = createHash('sha256');
	let bytes = 0;

	const text = new TextDecoder(encoding).decode(sniff);
	if (text.trim() === '') throw new ImportFileError('The file is empty.');
	const firstLine = text.replace(/^[\s\uFEFF]*[\r\n]+/, '').split(/\r?\n|\r/, 1)[0];
	const delimiter = detectDelimiter(firstLine);

	const source = decoded(path, encoding, (chunk) => {
		hash.update(chunk);
		bytes += chunk.length;
	});
	const batches =
		delimiter === '\t' || delimiter === '|'
			? lineBatches(source, delimiter)
			: csvBatches(source, delimiter);

	let first: IteratorResult<TableRow[]>;
	try {
		first = await batches.next();
		while (!first.done && first.value.length === 0) first = await batches.next();
	} catch (e) {
		await batches.return(undefined);
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
			await batches.return(undefined);
		}
	}

	return {
		delimiter,
		encoding,
		rawHeader,
		header,
		column,
		rows: rows(),
		digest: () => ({ sha256: hash.copy().digest('hex'), bytes })
	};
}

async function readStart(path: string, length: number): Promise<Buffer> {
	const handle = await open(path, 'r');
	try {
		const buf = Buffer.alloc(length);
		const { bytesRead } = await handle.read(buf, 0, length, 0);
		return buf.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

/** UTF-16 by its byte-order mark, or by the zero bytes of mostly-ASCII text without one. */
function utf16Of(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
	if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
	if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
	const pairs = Math.min(buf.length >> 1, 4096);
	if (pairs < 8) return undefined;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < pairs * 2; i += 2) {
		if (buf[i] === 0) evenZero++;
		if (buf[i + 1] === 0) oddZero++;
	}
	if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
	if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
	return undefined;
}

function refuseBinary(buf: Buffer, utf16: boolean) {
	if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
		throw new ImportFileError(
			'This is an Excel workbook (.xlsx) or another zip file, not a text file. In Excel, save it as “Text (Tab delimited)”, “Unicode Text” or “CSV UTF-8”, then import that.'
		);
	}
	if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
		throw new ImportFileError(
			'This is an old Excel workbook (.xls), not a text file. In Excel, save it as “Text (Tab delimited)” or “CSV UTF-8”, then import that.'
		);
	}
	if (buf[0] === 0x25 && buf[1] === 0x50 && buf[2] === 0x44 && buf[3] === 0x46) {
		throw new ImportFileError('This is a PDF, not a data file. Download the text (.txt) file.');
	}
	if (utf16) return;
	let control = 0;
	for (let i = 0; i < buf.length; i++) {
		const b = buf[i];
		if (b === 0) control += 100;
		else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
	}
	if (control / buf.length > 0.01) {
		throw new ImportFileError(
			'This is not a text file (it holds binary data). Upload the tab-delimited .txt file or a .csv file.'
		);
	}
}

/** Where the last whole UTF-8 character of `buf` ends (a character cut at the end is left over). */
function completeUtf8End(buf: Buffer): number {
	let i = buf.length;
	let back = 0;
	while (i > 0 && back < 3 && (buf[i - 1] & 0xc0) === 0x80) {
		i--;
		back++;
	}
	if (i === 0) return buf.length;
	const lead = buf[i - 1];
	const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
	return need > back ? i - 1 : buf.length;
}

/** The start of a file without a character cut at its end. */
function completeStart(buf: Buffer): Buffer {
	return buf.subarray(0, completeUtf8End(buf));
}

async function* decoded(
	path: string,
	encoding: TextEncodingName,
	onBytes: (chunk: Buffer) => void
): AsyncGenerator<string> {
	const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
	const stream = createReadStream(path, { highWaterMark: chunkBytes });
	try {
		for await (const chunk of stream) {
			onBytes(chunk as Buffer);
			let text: string;
			try {
				text = decoder.decode(chunk as Buffer, { stream: true });
			} catch {
				throw new NotUtf8();
			}
			if (text) yield text;
		}
		let tail: string;
		try {
			tail = decoder.decode();
		} catch {
			throw new NotUtf8();
		}
		if (tail) yield tail;
	} finally {
		stream.destroy();
	}
}

function isEmptyRow(cells: string[]): boolean {
	return cells.length === 1 && cells[0].trim() === '';
}

/** A cell a spreadsheet quoted ("Smith, Jr."): the quotes taken off. */
function unquote(cell: string): string {
	const t = cell.trim();
	if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) {
		return t.slice(1, -1).replace(/""/g, '"');
	}
	return cell;
}

/**
 * The state's tab- and pipe-delimited files have no quoting, so a row is a line: the stream is cut
 * at the last line end of each chunk and each run of whole lines parsed at once (papaparse's fast
 * mode). A cell a spreadsheet wrapped in quotes is unwrapped.
 */
async function* lineBatches(
	source: AsyncGenerator<string>,
	delimiter: '\t' | '|'
): AsyncGenerator<TableRow[]> {
	let partial = '';
	let line = 0;
	let newline: '\r\n' | '\n' | '\r' | undefined;
	const parseLines = (text: string): TableRow[] => {
		newline ??= text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
		const result = Papa.parse<string[]>(text, {
			delimiter,
			newline,
			fastMode: true,
			quoteChar: '\u0000'
		});
		const out: TableRow[] = [];
		for (const cells of result.data) {
			line++;
			if (isEmptyRow(cells)) continue;
			for (let i = 0; i < cells.length; i++) {
				if (cells[i].charCodeAt(0) === 34) cells[i] = unquote(cells[i]);
			}
			out.push({ line, cells });
		}
		return out;
	};
	try {
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
		const rest = partial.replace(/[\r\n]+$/, '');
		if (rest !== '') yield parseLines(rest);
	} finally {
		await source.return(undefined);
	}
}

/** Comma- or semicolon-separated files may quote fields, even across lines: papaparse's streaming parser. */
async function* csvBatches(
	source: AsyncGenerator<string>,
	delimiter: ',' | ';'
): AsyncGenerator<TableRow[]> {
	const input = Readable.from(source);
	const parser = input.pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter }));
	let line = 1;
	let batch: TableRow[] = [];
	try {
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
	} finally {
		input.destroy();
	}
}

function parseError(e: unknown): Error {
	if (e instanceof ImportFileError || e instanceof NotUtf8) return e;
	const err = e as { code?: string; message?: string };
	if (err && typeof err.code === 'string' && err.code.startsWith('ERR_')) return e as Error;
	if (err && typeof err.message === 'string' && !(e instanceof Error)) {
		return new ImportFileError(`The file could not be read as CSV: ${err.message}`);
	}
	return e instanceof Error ? e : new Error(String(e));
}

/** The delimiter of a header line: the one that splits it into the most columns. */
export function detectDelimiter(line: string): Delimiter {
	const count = (d: string) => line.split(d).length - 1;
	const candidates: [Delimiter, number][] = [
		['\t', count('\t')],
		['|', count('|')],
		[',', count(',')],
		[';', count(';')]
	];
	const [best, n] = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
	if (n === 0) {
		throw new ImportFileError(
			'The header line has a single column. Use the state’s file as downloaded (tab- or pipe-delimited), or a comma-separated CSV.'
		);
	}
	return best;
}
