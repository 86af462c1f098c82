/**
 * Compression of the answers Throughline renders: brotli or gzip, chosen by the request's
 * Accept-Encoding. Static files are precompressed at build (adapter-node's `precompress`) and sent
 * by its static handler; this covers pages, their data, CSV and CSS made on request.
 */
import { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import type { Encoding } from '../cache/pages.ts';

export type { Encoding };

/** Below this, the bytes saved don't pay for the work (and fit in one packet anyway). */
export const minCompressBytes = 1024;

const compressible = /^(text\/(html|css|csv)|application\/([\w.+-]+\+)?json)\b/i;

/** HTML, JSON, CSV and CSS are compressed; images, archives and everything else are not. */
export function isCompressible(contentType: string | null | undefined): boolean {
	return !!contentType && compressible.test(contentType);
}

const chosen = new Map<string, Encoding>();

/**
 * The encoding to answer with: the one with the highest q-value among brotli, gzip and identity,
 * brotli first on a tie (smaller for the same work once kept). A missing header means identity.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding {
	if (!acceptEncoding) return 'identity';
	const known = chosen.get(acceptEncoding);
	if (known) return known;
	const q: Record<string, number> = {};
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
		q[name.trim()] = weight ? Number(weight[1]) : 1;
	}
	const of = (name: string) => q[name] ?? q['*'] ?? 0;
	const br = of('br');
	const gzip = Math.max(of('gzip'), q['x-gzip'] ?? 0);
	const choice: Encoding = br > 0 && br >= gzip ? 'br' : gzip > 0 ? 'gzip' : 'identity';
	// Browsers send a handful of distinct headers; the bound keeps odd clients from growing it.
	if (chosen.size < 100) chosen.set(acceptEncoding, choice);
	return choice;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Levels = 'fast' | 'best';

/** Brotli 5 and gzip 6: a few milliseconds for a page, the levels for a first or a large answer. */
const fastBrotli = 5;
const fastGzip = 6;

/**
 * A kept page's compressed bodies, in libuv's thread pool so the server keeps answering meanwhile.
 * `fast` for the first answer after a write; `best` (brotli 11, gzip 9) only afterwards, in the
 * background, for small pages: brotli 11 takes ~0.3 s for a 150 KB priority page and makes it
 * ~15% smaller than brotli 9 — the difference between fitting the first 14 KB round trip or not.
 */
export async function compressForKeeping(
	body: Uint8Array,
	levels: Levels = 'best'
): Promise<Record<Encoding, Uint8Array>> {
	const best = levels === 'best';
	const [br, gz] = await Promise.all([
		brotli(body, {
			params: {
				[zlib.constants.BROTLI_PARAM_QUALITY]: best
					? zlib.constants.BROTLI_MAX_QUALITY
					: fastBrotli,
				[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
				[zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
			}
		}),
		gzip(body, { level: best ? zlib.constants.Z_BEST_COMPRESSION : fastGzip })
	]);
	return { identity: body, br: new Uint8Array(br), gzip: new Uint8Array(gz) };
}

/**
 * A compressor for an answer made as it is read: fast levels, streamed. The first `flushFirst`
 * writes go out at once rather than waiting for a block to fill, so a large download's first
 * bytes leave with its first rows.
 */
export function streamingCompressor(encoding: 'br' | 'gzip', flushFirst = 0) {
	const stream =
		encoding === 'br'
			? zlib.createBrotliCompress({
					params: {
						[zlib.constants.BROTLI_PARAM_QUALITY]: fastBrotli,
						[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT
					}
				})
			: zlib.createGzip({ level: fastGzip });
	let flushes = flushFirst;
	if (flushes > 0) {
		const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
		stream.write = ((...args: unknown[]) => {
			const ok = write(...args);
			if (flushes-- > 0) stream.flush();
			return ok;
		}) as typeof stream.write;
	}
	return Duplex.toWeb(stream) as unknown as TransformStream<Uint8Array, Uint8Array>;
}
