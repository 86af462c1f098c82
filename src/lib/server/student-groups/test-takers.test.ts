// Test takers are never student groups (issue 29, item 5). The real 2023 ELA file of Monterey
// County (../shared/data/ca-dashboard/2023/eladownload2023.txt) gives every student group a
// participation rate (currprate_enrolled) and none to the test takers SBA and CAA. Here their
// codes are renamed to codes no catalog knows, as a later layout might write them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { districtTestDb, scratchFolder } from '../testing.ts';
import { importFile } from '../imports/index.ts';
import { listStudentGroups, setStudentGroupKind, targetGroupChoices } from './index.ts';

const actor = { id: 'u1', email: 'staff@example.org' };
const real = readFileSync(resolve('../shared/data/ca-dashboard/2023/eladownload2023.txt'), 'utf8');
const { write } = scratchFolder('throughline-test-takers-');

/** The real file with some group codes renamed (whole cells of the studentgroup column only). */
function renamed(codes: Record<string, string>): string {
	const lines = real.split('\r\n');
	const at = lines[0].split('\t').indexOf('studentgroup');
	return lines
		.map((line, n) => {
			if (n === 0) return line;
			const cells = line.split('\t');
			if (cells[at] in codes) cells[at] = codes[cells[at]];
			return cells.join('\t');
		})
		.join('\r\n');
}

describe('test takers are never student groups', () => {
	it('a new code whose rows carry no participation, or one named like an assessment, is test takers', async () => {
		const db = districtTestDb();
		// SBA → SMARTER (unknown, rows without participation); CAA → CAST (known test takers);
		// FI → FIL (unknown, rows with participation: a student group).
		const file = write('eladownload2023.txt', renamed({ SBA: 'SMARTER', CAA: 'CAST', FI: 'FIL' }));
		const report = await importFile(db, file, 'eladownload2023.txt', actor);
		expect(report.errors).toEqual([]);
		const kinds = Object.fromEntries(listStudentGroups(db).map((g) => [g.code, g.kind]));
		expect(kinds.SMARTER).toBe('test-takers');
		expect(kinds.CAST).toBe('test-takers');
		expect(kinds.FIL).toBe('student-group');
		expect(report.newStudentGroups).toContainEqual(
			expect.objectContaining({ code: 'SMARTER', testTakers: true })
		);
		// Only student groups are offered for a target.
		const offered = targetGroupChoices(db).map((g) => g.code);
		expect(offered).toContain('EL');
		expect(offered).toContain('FIL');
		expect(offered).not.toContain('SMARTER');
		expect(offered).not.toContain('CAST');
	});

	it('staff mark an unknown code as not a student group, audited; the state’s codes keep theirs', async () => {
		const db = districtTestDb();
		await importFile(
			db,
			write('eladownload2023.txt', renamed({ FI: 'FIL' })),
			'eladownload2023.txt',
			actor
		);
		const before = db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
		const marked = setStudentGroupKind(db, actor, 'FIL', { kind: 'test-takers' });
		expect(marked.ok).toBe(true);
		expect(targetGroupChoices(db).map((g) => g.code)).not.toContain('FIL');
		expect(db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before + 1);
		const state = setStudentGroupKind(db, actor, 'EL', { kind: 'test-takers' });
		expect(state.ok).toBe(false);
		if (!state.ok) expect(state.errors.kind[0]).toContain("one of the state's codes");
		const bad = setStudentGroupKind(db, actor, 'FIL', { kind: 'something' });
		expect(bad.ok).toBe(false);
		expect(db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before + 1);
		expect(listStudentGroups(db).find((g) => g.code === 'EL')?.kind).toBe('student-group');
	});
});
