import { createWriteStream, mkdirSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { ImportFileError, maxImportBytes, tooLargeMessage } from './read.ts';

/**
 * Uploaded files wait here between the preview and the confirmation, one folder per upload named
 * by a random token. Folders older than `maxAgeMs` are swept on the next upload.
 */
export function uploadsFolder(): string {
	return process.env.IMPORT_UPLOAD_DIR || join(tmpdir(), 'throughline-imports');
}

const tokenPattern = /^[a-f0-9]{32}$/;
const maxAgeMs = 2 * 60 * 60 * 1000;

export interface Upload {
	token: string;
	path: string;
	name: string;
	bytes: number;
	userId: string | null;
}

function safeName(name: string): string {
	const base = name.split(/[/\\]/).pop() ?? 'upload';
	return base.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'upload';
}

/** Room for the multipart framing and the form's other fields around the file. */
const multipartOverhead = 64 * 1024;

/**
 * Streams the one file of a multipart request to the uploads folder, without holding it in memory.
 * Refuses a file over the size limit at once (by the request's length when it says, else as soon
 * as the limit is passed), or a request without a file; nothing is left behind either way.
 */
export async function saveUpload(
	request: Request,
	field: string,
	userId: string | null
): Promise<Upload> {
	return (await saveUploads(request, field, userId, 1))[0];
}

/** How many files one upload may hold: the eight of a state release, and room to spare. */
export const maxFilesPerUpload = 20;

/**
 * Streams each file of a multipart request (the field given, `multiple`) to the uploads folder,
 * each under its own token, in the order sent. The size limit holds for the request as a whole:
 * the files together may not pass it. Refused like one file (too large, none chosen), and then
 * none of them is kept.
 */
export async function saveUploads(
	request: Request,
	field: string,
	userId: string | null,
	maxFiles = maxFilesPerUpload
): Promise<Upload[]> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('multipart/form-data') || !request.body) {
		throw new ImportFileError('Choose a file to upload.');
	}
	const length = Number(request.headers.get('content-length') ?? NaN);
	if (length > maxImportBytes + multipartOverhead) {
		await request.body.cancel().catch(() => {});
		throw new ImportFileError(tooLargeMessage);
	}
	const dirs: string[] = [];
	const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
	try {
		const saved = await new Promise<Upload[]>((resolve, reject) => {
			const bb = busboy({
				headers: { 'content-type': type },
				limits: { files: maxFiles, fileSize: maxImportBytes, fields: 20 }
			});
			const found: Promise<Upload>[] = [];
			let total = 0;
			bb.on('file', (name, file, info) => {
				if (name !== field || !info.filename) {
					file.resume();
					return;
				}
				const token = randomBytes(16).toString('hex');
				const dir = join(uploadsFolder(), token);
				dirs.push(dir);
				let bytes = 0;
				file.on('data', (c: Buffer) => {
					bytes += c.length;
					total += c.length;
					// The files together past the limit: answer now rather than read the rest.
					if (total > maxImportBytes) reject(new ImportFileError(tooLargeMessage));
				});
				// Past the limit: answer now rather than reading the rest of the request.
				file.on('limit', () => reject(new ImportFileError(tooLargeMessage)));
				// Made at once, so that a refusal's clean-up never runs before it.
				mkdirSync(dir, { recursive: true });
				const one = pipeline(file, createWriteStream(join(dir, 'file'))).then(() => ({
					token,
					path: join(dir, 'file'),
					name: safeName(info.filename ?? 'upload'),
					bytes,
					userId
				}));
				one.catch(reject);
				found.push(one);
			});
			bb.on('filesLimit', () =>
				reject(new ImportFileError(`At most ${maxFiles} files can be uploaded at once.`))
			);
			bb.on('error', reject);
			bb.on('close', () => {
				if (found.length === 0) reject(new ImportFileError('Choose a file to upload.'));
				else Promise.all(found).then(resolve, reject);
			});
			// A body the server stopped reading (over its own size limit) ends the upload too.
			source.on('error', () => reject(new ImportFileError(tooLargeMessage)));
			source.pipe(bb);
		});
		for (const upload of saved) {
			await writeFile(join(dirname(upload.path), 'meta.json'), JSON.stringify(upload));
		}
		return saved;
	} catch (e) {
		source.unpipe();
		source.destroy();
		for (const dir of dirs) await rm(dir, { recursive: true, force: true });
		throw e;
	}
}

/** The upload a token names, if it is still there. */
export async function findUpload(token: string | null | undefined): Promise<Upload | undefined> {
	if (!token || !tokenPattern.test(token)) return undefined;
	try {
		const meta = JSON.parse(
			await readFile(join(uploadsFolder(), token, 'meta.json'), 'utf8')
		) as Upload;
		return { ...meta, token, path: join(uploadsFolder(), token, 'file') };
	} catch {
		return undefined;
	}
}

export async function discardUpload(token: string): Promise<void> {
	if (!tokenPattern.test(token)) return;
	await rm(join(uploadsFolder(), token), { recursive: true, force: true });
}

/** Removes uploads left behind (a preview never confirmed nor cancelled). */
export async function sweepUploads(now = Date.now()): Promise<number> {
	let removed = 0;
	let entries: string[];
	try {
		entries = await readdir(uploadsFolder());
	} catch {
		return 0;
	}
	for (const entry of entries) {
		if (!tokenPattern.test(entry)) continue;
		const dir = join(uploadsFolder(), entry);
		try {
			if (now - (await stat(dir)).mtimeMs > maxAgeMs) {
				await rm(dir, { recursive: true, force: true });
				removed++;
			}
		} catch {
			// gone already
		}
	}
	return removed;
}
