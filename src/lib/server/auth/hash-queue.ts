/**
 * A queue for the slow password hash (scrypt, ~100 ms of a core and 32 MB each). Node runs it in
 * libuv's thread pool, four threads that also compress answers and read files: a burst of 40
 * sign-ins filled the pool, and every answer of the server, a sign-in's quick 429 included, waited
 * for the last hash. Two hashes at a time leave the pool room for everything else; the rest wait
 * their turn here, at no cost.
 */
export function hashQueue(slots: number) {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async function inTurn<T>(work: () => Promise<T>): Promise<T> {
		if (running < slots) running++;
		else await new Promise<void>((start) => waiting.push(start));
		try {
			return await work();
		} finally {
			// The slot passes straight to the next in line, or is freed.
			const next = waiting.shift();
			if (next) next();
			else running--;
		}
	};
}

/** The password checks of sign-in: anyone may ask for one, so they queue. */
export const passwordChecks = hashQueue(2);
