import { describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import { listStudentGroups, renameStudentGroup } from './index.ts';

const actor = { id: 'u1', email: 'staff@example.org' };

function withGroups() {
	const db = testDb();
	db.$client
		.prepare(
			"INSERT INTO student_group (code, name, name_es, sort_order) VALUES ('EL', 'English learners', 'Estudiantes de inglés', 1), ('NEW', 'A group the state added', NULL, 2)"
		)
		.run();
	return db;
}

describe('student group names', () => {
	it('lists groups, or only those without a Spanish name', () => {
		const db = withGroups();
		const codes = (rows: { code: string }[]) => rows.map((r) => r.code);
		expect(codes(listStudentGroups(db))).toEqual(expect.arrayContaining(['EL', 'NEW']));
		expect(codes(listStudentGroups(db, { missingSpanish: true }))).toContain('NEW');
		expect(codes(listStudentGroups(db, { missingSpanish: true }))).not.toContain('EL');
	});

	it('renames a group with its audit entry; refuses an empty English name and saves nothing', () => {
		const db = withGroups();
		const audits = () =>
			db.$client
				.prepare("SELECT count(*) FROM audit_log WHERE entity = 'student_group'")
				.pluck()
				.get();
		const refused = renameStudentGroup(db, actor, 'NEW', { name: '  ', nameEs: 'Nuevo' });
		expect(refused.ok).toBe(false);
		expect(audits()).toBe(0);
		const saved = renameStudentGroup(db, actor, 'NEW', {
			name: 'Newcomers',
			nameEs: 'Recién llegados'
		});
		expect(saved).toMatchObject({ ok: true, data: { nameEs: 'Recién llegados' } });
		expect(audits()).toBe(1);
		expect(renameStudentGroup(db, actor, 'NOPE', { name: 'x' }).ok).toBe(false);
	});
});
