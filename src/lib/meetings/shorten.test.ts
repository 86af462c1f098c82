import { describe, expect, it } from 'vitest';
import { shorten } from './shorten';

describe('a slide’s short text', () => {
	it('keeps a text that fits, whitespace tidied', () => {
		expect(shorten('  Reading  held steady. ', 40)).toEqual({
			text: 'Reading held steady.',
			cut: false
		});
	});

	it('cuts between words, never inside one, and says so with “…”', () => {
		const r = shorten(
			'Reading held steady; the new tutoring starts in January, at every school.',
			40
		);
		expect(r.cut).toBe(true);
		expect(r.text).toBe('Reading held steady; the new tutoring…');
		expect(r.text.length).toBeLessThanOrEqual(41);
		expect('Reading held steady; the new tutoring starts').toContain(r.text.slice(0, -1));
	});

	it('drops the punctuation left before the cut', () => {
		expect(shorten('One, two, three, four, five', 10).text).toBe('One, two…');
	});

	it('cuts a single endless word visibly', () => {
		expect(shorten('x'.repeat(50), 10)).toEqual({ text: `${'x'.repeat(10)}…`, cut: true });
	});
});
