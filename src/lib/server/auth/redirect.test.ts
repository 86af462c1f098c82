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
			'/.//evil.example',
			'/x/..//evil.example',
			'/%2e//evil.example',
			'/%2E%2E//evil.example',
			'/..//evil.example',
			'/./\\evil.example',
			'/.\\/evil.example',
			'\\\\evil.example',
			'/\t/evil.example',
			'http:evil.example',
			'/%2e/login',
			'javascript:alert(1)',
			'board',
			'/login',
			'',
			null
		])
			expect(safeRedirect(bad), String(bad)).toBe('/');
	});
	it('never returns a protocol-relative or absolute URL, whatever the input', () => {
		const parts = ['/', '.', '..', '%2e', '%2E', '\\', '//', 'evil.example', '%2f', '?', '#', 'x'];
		for (const a of parts)
			for (const b of parts)
				for (const c of parts) {
					const out = safeRedirect('/' + a + b + c);
					expect(out.startsWith('/') && !out.startsWith('//') && !out.includes('\\'), out).toBe(
						true
					);
					expect(new URL(out, 'http://same.invalid').origin).toBe('http://same.invalid');
				}
	});
});
