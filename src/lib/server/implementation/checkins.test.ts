import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { checkIns } from '../db/schema/implementation.ts';
import { addCheckIn, seedReachDistrict } from './fixture.ts';
import { checkInGrid, parseCheckInGrid, saveCheckInGrid } from './checkins.ts';

let db: DbFile;
const actor = { id: 'u1', email: 'staff@example.org' };
beforeEach(() => {
	db = testDb();
	seedReachDistrict(db);
});
afterEach(() => db.$client.close());

function form(entries: Record<string, string>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.set(k, v);
	return f;
}

describe('parseCheckInGrid', () => {
	it('reads valid rows, with a blank depth meaning no check-in', () => {
		const parsed = parseCheckInGrid(
			form({
				'depth-1': ' 3 ',
				'adaptation-1': 'Coaching by teacher leaders',
				'siteLed-1': 'on',
				'evidenceUrl-1': 'https://example.org/notes',
				'depth-2': '',
				'adaptation-2': ''
			}),
			[1, 2, 3]
		);
		expect(parsed).toEqual({
			ok: true,
			rows: [
				{
					schoolId: 1,
					depth: 3,
					adaptation: 'Coaching by teacher leaders',
					siteLed: true,
					evidenceUrl: 'https://example.org/notes'
				},
				{ schoolId: 2, depth: null, adaptation: null, siteLed: false, evidenceUrl: null }
			]
		});
	});

	it('flags each bad row and keeps the values', () => {
		const parsed = parseCheckInGrid(
			form({
				'depth-1': '5',
				'depth-2': '2.5',
				'evidenceUrl-2': 'javascript:alert(1)',
				'depth-3': '',
				'adaptation-3': 'adapted but no depth'
			}),
			[1, 2, 3]
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors)).toEqual(['1', '2', '3']);
		expect(parsed.errors[1].depth).toMatch(/0 to 4/);
		expect(parsed.errors[2].evidenceUrl).toMatch(/web address/);
		expect(parsed.errors[3].depth).toMatch(/clear the whole row/);
		expect(parsed.values[2].depth).toBe('2.5');
	});
});

describe('saveCheckInGrid', () => {
	it('creates, updates and removes in one go, with an audit entry for each change', () => {
		addCheckIn(db, 2, 1, 3, 1);
		addCheckIn(db, 3, 1, 3, 2);
		const summary = saveCheckInGrid(db, actor, 1, 3, [
			{ schoolId: 1, depth: 4, adaptation: null, siteLed: true, evidenceUrl: null },
			{ schoolId: 2, depth: 2, adaptation: 'Fridays', siteLed: false, evidenceUrl: null },
			{ schoolId: 3, depth: null, adaptation: null, siteLed: false, evidenceUrl: null }
		]);
		expect(summary).toEqual({ created: 1, updated: 1, removed: 1 });
		const grid = checkInGrid(db, 1, 3);
		expect(grid.map((r) => [r.school.id, r.values.depth, r.saved])).toEqual([
			[1, '4', true],
			[2, '2', true],
			[3, '', false]
		]);
		const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'check_in')).all();
		expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
		expect(audit.every((a) => a.userEmail === 'staff@example.org')).toBe(true);
	});

	it('leaves unchanged rows alone', () => {
		addCheckIn(db, 1, 1, 3, 3);
		const summary = saveCheckInGrid(db, actor, 1, 3, [
			{ schoolId: 1, depth: 3, adaptation: null, siteLed: false, evidenceUrl: null }
		]);
		expect(summary).toEqual({ created: 0, updated: 0, removed: 0 });
		expect(db.select().from(auditLog).all()).toHaveLength(0);
	});

	it('saves nothing when one row fails in the database', () => {
		expect(() =>
			saveCheckInGrid(db, actor, 1, 3, [
				{ schoolId: 1, depth: 3, adaptation: null, siteLed: false, evidenceUrl: null },
				{ schoolId: 99, depth: 3, adaptation: null, siteLed: false, evidenceUrl: null }
			])
		).toThrow();
		expect(db.select().from(checkIns).all()).toHaveLength(0);
		expect(db.select().from(auditLog).all()).toHaveLength(0);
	});
});
