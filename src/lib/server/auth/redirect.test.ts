import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect.ts';

describe('safeRedirect', () => {
	it('keeps same-site relative paths', () => {
		expect(safeRedirect('/board?year=2024-25#x')).toBe('/board?year=2024-25#x');
		expect(safeRedirect('/admin/users')).toBe('/admin/users');
	});
	it('refuses other sites and odd forms', () => {
		for (const bad of [
			'//evil.example',
			'https://evil.example/',
			'/\\evil.example',
			'javascript:alert(1)',
			'board',
			'/login',
			'',
			null
		])
			expect(safeRedirect(bad)).toBe('/');
	});
});
