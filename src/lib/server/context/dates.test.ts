import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { districtTestDb } from '../testing.ts';
import { importFile } from '../imports/index.ts';
import { measures } from '../db/schema/measures.ts';
import { dashboardDue, measureDates } from './dates.ts';
import { contextSignals } from './signals.ts';
import { newestDueDashboard } from '../../dashboard-releases.ts';
import type { SignalContext } from '../signals/types.ts';

const actor = { id: 'u1', email: 'staff@example.org' };
const shared = (file: string) => resolve('../shared/data/ca-dashboard', file);

describe('two dates: the state release and the load', () => {
	it('knows which Dashboard is due by a date, skipping 2020 and 2021 (no Dashboard)', () => {
		// The state releases by mid-December (STATE-FILES.md: 21 Nov 2024, 13 Nov 2025).
		expect(newestDueDashboard('2024-12-20')).toEqual({ year: 2024, schoolYear: '2023-24' });
		expect(newestDueDashboard('2024-12-01')).toEqual({ year: 2023, schoolYear: '2022-23' });
		expect(newestDueDashboard('2021-12-31')).toEqual({ year: 2019, schoolYear: '2018-19' });
	});

	it("dates the real 2023 ELA file by the state's release and its load, and signals a late one", async () => {
		const db = districtTestDb();
		await importFile(db, shared('2023/eladownload2023.txt'), 'eladownload2023.txt', actor);
		const ela = db.select().from(measures).where(eq(measures.code, 'ela')).get()!;
		const dates = measureDates(db, [ela.id])[ela.id];
		expect(dates.schoolYear).toBe('2022-23');
		expect(dates.state).toBe(true);
		// The 2023 Dashboard's release (the table in src/lib/dashboard-releases.ts), before today's load.
		expect(dates.released).toBe('2023-12-15');
		// Loaded just now (the day itself is the clock's: only its shape and order are checked).
		expect(dates.loaded).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(dates.loaded! >= dates.released!).toBe(true);

		// In June 2024 the newest due is the 2023 Dashboard: loaded, nothing to say.
		expect(dashboardDue(db, '2024-06-01')).toBeNull();
		// After mid-December 2024 the 2024 Dashboard (2023-24) is due and not loaded.
		expect(dashboardDue(db, '2024-12-20')).toEqual({
			year: 2024,
			schoolYear: '2023-24',
			newest: '2022-23'
		});
		const context = { today: '2024-12-20', settings: {} } as unknown as SignalContext;
		expect(contextSignals(db, context).map((s) => s.key)).toEqual(['dashboard-due:2024']);
	});
});
