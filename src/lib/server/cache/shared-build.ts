/**
 * One build of a large answer, read by every request that wants it while it is made (issue 30).
 * The bytes are recorded as they come; each reader gets them from the start and then as they
 * arrive, so 20 requests for a download after a write make it once, and the first byte goes out
 * as soon as the first batch of rows is written and compressed.
 */
export class SharedBody {
	#chunks: Uint8Array[] = [];
	#bytes = 0;
	#done = false;
	#failed: { error: unknown } | null = null;
	#wake: (() => void)[] = [];
	readonly finished: Promise<Uint8Array[]>;

	constructor(source: ReadableStream<Uint8Array>) {
		this.finished = this.#pump(source);
		// A failure reaches the readers; nobody need wait on `finished` for it to be handled.
		this.finished.catch(() => {});
	}

	get bytes(): number {
		return this.#bytes;
	}

	async #pump(source: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
		try {
			for await (const chunk of source) {
				if (chunk.byteLength === 0) continue;
				this.#chunks.push(chunk);
				this.#bytes += chunk.byteLength;
				this.#notify();
			}
			return this.#chunks;
		} catch (error) {
			this.#failed = { error };
			throw error;
		} finally {
			this.#done = true;
			this.#notify();
		}
	}

	#notify(): void {
		const waiting = this.#wake;
		this.#wake = [];
		for (const wake of waiting) wake();
	}

	/** A reader from the first byte: what is made so far at once, the rest as it comes. */
	stream(): ReadableStream<Uint8Array> {
		let next = 0;
		return new ReadableStream<Uint8Array>({
			pull: async (controller) => {
				while (next >= this.#chunks.length && !this.#done)
					await new Promise<void>((wake) => this.#wake.push(wake));
				if (next < this.#chunks.length) controller.enqueue(this.#chunks[next++]);
				else if (this.#failed) controller.error(this.#failed.error);
				else controller.close();
			}
		});
	}
}

/** The whole of a list of chunks, as one array. */
export function joinChunks(chunks: Uint8Array[]): Uint8Array {
	const whole = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
	let at = 0;
	for (const chunk of chunks) {
		whole.set(chunk, at);
		at += chunk.byteLength;
	}
	return whole;
}

/** Builds in progress by key: a second request for one joins the first's instead of starting its own. */
export class SharedBuilds<T> {
	#building = new Map<string, T>();

	/** The build in progress under `key`, or a new one `start` makes, forgotten when `done` settles. */
	join(key: string, start: () => { build: T; done: Promise<unknown> }): T {
		const running = this.#building.get(key);
		if (running) return running;
		const { build, done } = start();
		this.#building.set(key, build);
		const forget = () => {
			if (this.#building.get(key) === build) this.#building.delete(key);
		};
		done.then(forget, forget);
		return build;
	}

	get size(): number {
		return this.#building.size;
	}
}
