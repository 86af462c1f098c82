// The rules one by one, as the state words them: the letters from the workbook's "Value" sheet,
// each criterion from its "LCFF Priority Definitions" sheet and ACCOUNTABILITY.md (the status-only
// years, the group size, 2025's long-term English learner rule).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { determine, letterOf, letters, rulesFor, type LeaResult } from './rules.ts';

const workbook = resolve('../shared/data/ca-accountability/assistancestatus23.xlsx');

describe('the letters', () => {
	it("are the workbook's Value sheet, A to K", async () => {
		const bytes = readFileSync(workbook);
		const sheets = await readXlsxFile(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
		);
		const value = sheets.find((s) => s.sheet.trim() === 'Value')!;
		const fromState: Record<string, number[]> = {};
		for (const row of value.data) {
			const [l, text] = row.filter((c) => c !== null).map((c) => String(c).trim());
			const m = /^([A-K]) =$/.exec(l ?? '');
			if (m) fromState[m[1]] = (text.match(/\d/g) ?? []).map(Number);
		}
		expect(Object.keys(fromState)).toHaveLength(11);
		expect(letters).toEqual(fromState);
	});

	it('none for one area', () => {
		expect(letterOf([5])).toBeNull();
		expect(letterOf([8, 4])).toBe('E');
	});
});

const row = (
	indicator: string,
	group: string,
	color: number | null,
	n = 100,
	statusLevel: number | null = null
): LeaResult => ({ indicator, group, color, statusLevel, n });
const areas = (year: number, results: LeaResult[], group: string) =>
	determine(year, results).groups.find((g) => g.group === group)?.priorities ?? [];

describe('the criteria (colors: 1 Red, 2 Orange)', () => {
	it('priority 4: ELA and math both Red, or one Red and the other Orange; not both Orange', () => {
		expect(areas(2023, [row('ela', 'SWD', 1), row('math', 'SWD', 1)], 'SWD')).toEqual([4]);
		expect(areas(2023, [row('ela', 'SWD', 2), row('math', 'SWD', 1)], 'SWD')).toEqual([4]);
		expect(areas(2023, [row('ela', 'SWD', 1), row('math', 'SWD', 2)], 'SWD')).toEqual([4]);
		expect(areas(2023, [row('ela', 'SWD', 2), row('math', 'SWD', 2)], 'SWD')).toEqual([]);
		expect(areas(2023, [row('ela', 'SWD', 1)], 'SWD')).toEqual([]);
	});

	it('priority 4 for English learners only: English learner progress Red', () => {
		expect(areas(2023, [row('elpi', 'EL', 1)], 'EL')).toEqual([4]);
		expect(areas(2023, [row('elpi', 'SED', 1)], 'SED')).toEqual([]);
	});

	it('5: graduation or chronic absenteeism Red; 6: suspension Red; 8: college/career Red', () => {
		const d = determine(2024, [
			row('grad', 'HI', 1),
			row('susp', 'HI', 1),
			row('cci', 'HI', 1),
			row('chronic', 'AA', 1)
		]);
		expect(d.groups.map((g) => [g.group, g.priorities, g.letter])).toEqual([
			['AA', [5], null],
			['HI', [5, 6, 8], 'J']
		]);
		expect(d.eligible).toBe(true);
	});

	it('all students are not a student group here; one area in each of two groups is not eligible', () => {
		const d = determine(2023, [
			row('susp', 'ALL', 1),
			row('chronic', 'ALL', 1),
			row('susp', 'SED', 1),
			row('chronic', 'SWD', 1)
		]);
		expect(d.groups.map((g) => g.group)).toEqual(['SED', 'SWD']);
		expect(d.eligible).toBe(false);
	});

	it('a group under the state’s size for a color is not Red: 30, 15 for foster and homeless youth', () => {
		expect(areas(2023, [row('susp', 'AA', 1, 29)], 'AA')).toEqual([]);
		expect(areas(2023, [row('susp', 'AA', 1, 30)], 'AA')).toEqual([6]);
		expect(areas(2023, [row('susp', 'FOS', 1, 15)], 'FOS')).toEqual([6]);
		expect(areas(2023, [row('susp', 'HOM', 1, 14)], 'HOM')).toEqual([]);
	});
});

describe('status only: the lowest status level stands where Red would', () => {
	it('all of 2022, and nothing is Orange', () => {
		const d = determine(2022, [
			row('ela', 'EL', null, 100, 1),
			row('math', 'EL', null, 100, 2),
			row('chronic', 'EL', null, 100, 1),
			row('susp', 'EL', null, 20, 1)
		]);
		expect(d.groups[0].priorities).toEqual([5]);
		expect(d.groups[0].reasons[5]).toEqual([
			[{ indicator: 'chronic', level: 'red', basis: 'status' }]
		]);
	});

	it('college/career in 2023, not the indicators with colors', () => {
		expect(areas(2023, [row('cci', 'SED', null, 100, 1)], 'SED')).toEqual([8]);
		expect(areas(2023, [row('susp', 'SED', null, 100, 1)], 'SED')).toEqual([]);
		expect(areas(2024, [row('cci', 'SED', null, 100, 1)], 'SED')).toEqual([]);
	});
});

describe('by Dashboard year: long-term English learners (LTEL)', () => {
	const elaMathRed = [row('ela', 'LTEL', 1), row('math', 'LTEL', 1)];
	it('2024: ELA and math, or English learner progress Red, as English learners', () => {
		expect(areas(2024, elaMathRed, 'LTEL')).toEqual([4]);
		expect(areas(2024, [row('elpi', 'LTEL', 2)], 'LTEL')).toEqual([]);
	});

	it('from 2025: only English learner progress, Red or Orange', () => {
		expect(rulesFor(2025).from).toBe(2025);
		expect(rulesFor(2026).from).toBe(2025);
		expect(areas(2025, elaMathRed, 'LTEL')).toEqual([]);
		expect(areas(2025, [row('elpi', 'LTEL', 2)], 'LTEL')).toEqual([4]);
		expect(areas(2025, [row('elpi', 'LTEL', 1)], 'LTEL')).toEqual([4]);
		// English learners as a whole keep the rule as it was.
		expect(areas(2025, [row('elpi', 'EL', 2)], 'EL')).toEqual([]);
		expect(areas(2025, [row('ela', 'EL', 1), row('math', 'EL', 1)], 'EL')).toEqual([4]);
	});
});
