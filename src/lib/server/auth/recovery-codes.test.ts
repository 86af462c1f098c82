import { describe, expect, it } from 'vitest';
import { recoveryCodes } from './recovery-codes.ts';

describe('recovery codes', () => {
	it('are ten, of two groups of five, with no look-alike characters', () => {
		const codes = recoveryCodes();
		expect(codes).toHaveLength(10);
		for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
		const all = recoveryCodes(200).join('');
		for (const c of ['0', '1', 'o', 'O', 'l', 'I', 'i']) expect(all).not.toContain(c);
		expect(new Set(codes).size).toBe(10);
	});
});
