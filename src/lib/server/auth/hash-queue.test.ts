import { describe, expect, it } from 'vitest';
import { hashQueue } from './hash-queue.ts';

describe('the hash queue', () => {
	it('runs at most its slots at once, each job in turn, and passes on failures', async () => {
		const inTurn = hashQueue(2);
		let running = 0;
		let most = 0;
		const order: number[] = [];
		const releases: (() => void)[] = [];
		const job = (n: number) =>
			inTurn(async () => {
				running++;
				most = Math.max(most, running);
				await new Promise<void>((done) => releases.push(done));
				running--;
				order.push(n);
				if (n === 3) throw new Error('three');
				return n;
			});
		const all = Promise.allSettled([1, 2, 3, 4, 5].map(job));
		// Release the jobs one by one as they start.
		for (let released = 0; released < 5; released++) {
			while (releases.length === 0) await new Promise((r) => setImmediate(r));
			expect(running).toBeLessThanOrEqual(2);
			releases.shift()!();
		}
		const results = await all;
		expect(most).toBe(2);
		expect(order).toEqual([1, 2, 3, 4, 5]);
		expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'refused'))).toEqual([
			1,
			2,
			'refused',
			4,
			5
		]);
	});
});
