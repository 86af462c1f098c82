import { describe, expect, it } from 'vitest';
import { idOf, isCds, isId, isSchoolYear, isSlug, pageOf, slugOf } from './params';
import { match as idMatcher } from '../params/id';
import { match as cdsMatcher } from '../params/cds';
import { match as slugMatcher } from '../params/slug';
import { match as yearMatcher } from '../params/year';

describe('route parameter shapes', () => {
	it('a title suggests a slug: lower case, accents dropped, words joined, at most 80', () => {
		expect(slugOf('Early Literacy (K–3)')).toBe('early-literacy-k-3');
		expect(slugOf('  Matemáticas para cada estudiante!  ')).toBe(
			'matematicas-para-cada-estudiante'
		);
		expect(slugOf('Año 2025: “Math”')).toBe('ano-2025-math');
		expect(slugOf('—')).toBe('');
		const long = slugOf('every student reads '.repeat(10));
		expect(long.length).toBeLessThanOrEqual(80);
		expect(long.endsWith('-')).toBe(false);
		expect(isSlug(long)).toBe(true);
		expect(slugOf('x'.repeat(100))).toHaveLength(80);
	});

	it('ids are positive whole numbers that fit SQLite row ids as the product uses them', () => {
		for (const ok of ['1', '42', '999999999']) expect(isId(ok)).toBe(true);
		for (const bad of ['0', '-1', '01', '1.5', '1e3', 'abc', '', ' 1', '1234567890'])
			expect(isId(bad)).toBe(false);
		expect(idMatcher).toBe(isId);
	});

	it('CDS codes are 14 digits', () => {
		expect(isCds('27660926026249')).toBe(true);
		for (const bad of ['2766092602624', '276609260262490', '2766092602624x', ''])
			expect(isCds(bad)).toBe(false);
		expect(cdsMatcher).toBe(isCds);
	});

	it('slugs are lower-case words joined by single hyphens, at most 80 characters', () => {
		for (const ok of ['reading', 'early-literacy', 'grade-3-reading'])
			expect(isSlug(ok)).toBe(true);
		for (const bad of ['Reading', 'early--literacy', '-reading', 'reading-', 'léa', 'a'.repeat(81)])
			expect(isSlug(bad)).toBe(false);
		expect(slugMatcher).toBe(isSlug);
	});

	it('school years are written as the state does, the second year following the first', () => {
		for (const ok of ['2023-24', '1999-00', '2099-00']) expect(isSchoolYear(ok)).toBe(true);
		for (const bad of ['2023-25', '2023-2024', '2023', '23-24', '2023-24 '])
			expect(isSchoolYear(bad)).toBe(false);
		expect(yearMatcher).toBe(isSchoolYear);
	});

	it('reads ids and pages from query strings and form fields', () => {
		expect(idOf('12')).toBe(12);
		expect(idOf(' 12 ')).toBe(12);
		expect(idOf('x')).toBeNull();
		expect(idOf(null)).toBeNull();
		expect(idOf(new File([], 'a'))).toBeNull();
		expect(pageOf('3')).toBe(3);
		expect(pageOf('0')).toBe(1);
		expect(pageOf(null)).toBe(1);
	});
});
