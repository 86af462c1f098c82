// One autocannon run, with latency percentiles computed from every response's own time.
import autocannon from 'autocannon';

export interface LoadFigures {
	connections: number;
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	/** Connection errors, timeouts and non-2xx answers. */
	errors: number;
	/** Server CPU milliseconds per request (filled in by the caller, who knows the server). */
	cpuMs?: number;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function loadTest(
	url: string,
	options: { connections: number; duration: number; headers: Record<string, string> }
): Promise<LoadFigures> {
	const times: number[] = [];
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url,
				connections: options.connections,
				duration: options.duration,
				headers: options.headers
			},
			(error, done) => (error ? reject(error) : resolve(done))
		);
		instance.on('response', (_client, _status, _bytes, time) => times.push(time));
	});
	times.sort((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	return {
		connections: options.connections,
		requests: times.length,
		requestsPerSecond: Math.round(times.length / options.duration),
		p50: round(percentile(times, 50)),
		p95: round(percentile(times, 95)),
		p99: round(percentile(times, 99)),
		errors: result.errors + result.timeouts + result.non2xx
	};
}
