// The yardstick for kept pages: a bare node:http server that sends one answer's exact bytes —
// status, headers and body as the app sent them — to every request. The bench captures a page
// from the app (capture()), serves it with this (`node scripts/bench/bare.ts <file> <port>`) and
// loads both the same way, in the same run.
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';

export interface CapturedAnswer {
	status: number;
	/** Name, value, name, value… as received (minus Date/Connection/Keep-Alive, which Node adds). */
	headers: string[];
	body: string;
	/** The bytes on the wire before the body: status line and headers. */
	headerBytes: number;
}

const perConnection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** One GET with the given headers, read raw: no decompression, every header as sent. */
export function capture(url: string, headers: Record<string, string>): Promise<CapturedAnswer> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const raw = response.rawHeaders;
				const kept: string[] = [];
				let headerBytes =
					`HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
				for (let i = 0; i < raw.length; i += 2) {
					headerBytes += raw[i].length + raw[i + 1].length + 4;
					if (!perConnection.has(raw[i].toLowerCase())) kept.push(raw[i], raw[i + 1]);
				}
				resolve({
					status: response.statusCode ?? 0,
					headers: kept,
					body: Buffer.concat(chunks).toString('base64'),
					headerBytes
				});
			});
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

export function saveCapture(file: string, answer: CapturedAnswer): void {
	writeFileSync(file, JSON.stringify(answer));
}

if (import.meta.filename === process.argv[1]) {
	const [file, port] = process.argv.slice(2);
	const answer: CapturedAnswer = JSON.parse(readFileSync(file, 'utf8'));
	const body = Buffer.from(answer.body, 'base64');
	http
		.createServer((_req, res) => {
			res.writeHead(answer.status, answer.headers);
			res.end(body);
		})
		.listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`));
}
