import { describe, expect, it } from 'vitest';
import { centsOf, dollars } from './money.ts';

describe('amounts', () => {
	it('reads amounts as printed, to the cent', () => {
		expect(centsOf('$62,196')).toBe(6_219_600);
		expect(centsOf('237577.00')).toBe(23_757_700);
		expect(centsOf('80571233.37')).toBe(8_057_123_337);
		expect(centsOf('.5')).toBe(50);
		expect(centsOf('')).toBeNull();
	});
	it('refuses text that is no amount', () => {
		for (const text of ['12 thousand', 'TBD', '1,23', '$', '1.234', '12,3456']) {
			expect(centsOf(text)).toBeUndefined();
		}
	});
	it('writes cents as dollars', () => {
		expect(dollars(12_229_340_300)).toBe('$122,293,403');
		expect(dollars(8_057_123_337)).toBe('$80,571,233.37');
	});
});
