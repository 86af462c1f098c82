import type { DbFile } from '../db/open.ts';
import { datasetByName } from './datasets.ts';
import { readQuery } from './filters.ts';
import { csvFile, jsonFile, type DataFile } from './files.ts';

export type Download = ({ status: 200 } & DataFile) | { status: 400 | 404; message: string };

/** A download by its file name (`results.csv`) and filters, or why there is none. */
export function downloadFile(db: DbFile, file: string, params: URLSearchParams): Download {
	const match = /^([a-z-]+)\.(csv|json)$/.exec(file);
	const dataset = match ? datasetByName(match[1]) : undefined;
	if (!match || !dataset)
		return { status: 404, message: 'There is no such file. The files are listed at /data.' };
	const query = readQuery(params, dataset.filters, false);
	if (!query.ok)
		return {
			status: 400,
			message: query.problems.map((p) => `${p.param}: ${p.message}`).join('\n')
		};
	const made =
		match[2] === 'csv' ? csvFile(db, dataset, query.filter) : jsonFile(db, dataset, query.filter);
	// Not spread: that would read `body`, the whole file at once.
	return Object.assign(made, { status: 200 as const });
}

/**
 * The file as a stream of UTF-8 bytes, a batch of rows at a time as the answer reads it; each batch
 * waits for the event loop's next turn, so other requests are answered while a large file is
 * written.
 */
export function fileStream(file: DataFile): ReadableStream<Uint8Array> {
	const chunks = file.chunks();
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			await new Promise((turn) => setImmediate(turn));
			const next = chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		cancel() {
			chunks.return(undefined);
		}
	});
}
