import type { Handle } from '@sveltejs/kit';
import { queryTimingEnabled, serverTimingHeader, withQueryTiming } from '../db/timing.ts';

// THROUGHLINE_QUERY_TIMING=1 (the benchmark): each response says how long its queries took.
export const queryTiming: Handle = async ({ event, resolve }) => {
	if (!queryTimingEnabled()) return resolve(event);
	const started = performance.now();
	const { timing, result } = withQueryTiming(() => resolve(event));
	const response = await result;
	response.headers.append('Server-Timing', serverTimingHeader(timing, performance.now() - started));
	return response;
};
