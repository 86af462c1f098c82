import { describe, expect, it } from 'vitest';
import {
	formatCount,
	formatDate,
	formatDateTime,
	formatMonth,
	formatNumber,
	formatTime
} from './format.ts';

describe('dates, one way by the reader’s language', () => {
	it('writes a calendar date the same day everywhere', () => {
		expect(formatDate('2025-05-08')).toBe('May 8, 2025');
		expect(formatDate('2025-05-08', 'es')).toBe('8 de mayo de 2025');
		expect(formatDate('2024-07-01')).toBe('July 1, 2024');
		expect(formatDate(null)).toBe('—');
	});
	it('writes a timestamp as the day in the district (Pacific time)', () => {
		// 02:30 UTC on 1 December is still 30 November in California.
		expect(formatDate('2026-12-01T02:30:00.000Z')).toBe('November 30, 2026');
	});
	it('writes a moment with its time in the district’s time zone', () => {
		expect(formatDateTime('2026-12-01T20:15:58.154Z')).toMatch(
			/^December 1, 2026(,| at) 12:15\sPM PST$/
		);
		expect(formatDateTime('2025-06-12T17:00:00Z')).toMatch(/10:00\sAM PDT$/);
		expect(formatDateTime('2026-12-01T20:15:58.154Z', 'es')).toMatch(/^1 de diciembre de 2026/);
		expect(formatTime(new Date('2025-06-12T17:05:00Z'))).toMatch(/^10:05\sAM$/);
	});
	it('names a month of a monthly axis briefly', () => {
		expect(formatMonth('2025-01')).toBe('Jan 2025');
		expect(formatMonth('2025-01', 'es')).toMatch(/^ene 2025$/);
	});
});

describe('numbers', () => {
	it('group thousands and use a real minus sign', () => {
		expect(formatCount(12345)).toBe('12,345');
		expect(formatNumber(-7.25, 'en', 1)).toBe('−7.3');
		// Spanish as written in the United States (es-US) groups and decimals like English.
		expect(formatNumber(1234.5, 'es', 1)).toBe('1,234.5');
	});
});
